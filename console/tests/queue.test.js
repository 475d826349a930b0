import { describe, it, expect, vi, beforeEach } from 'vitest'
import { mount } from '@vue/test-utils'
import { plugins } from './setup.js'

const c = (number, warning, dueAt, status = 'OPEN') => ({ id: number, number, warning, dueAt, status, title: 't', projectName: 'p', category: 'LAND', urgency: 'NORMAL', handlingRegion: '360113', level: 'COUNTY', regionsPassed: [] })
// in the server's order for sort=warning: red, yellow, green, each by deadline
const cases = [
  c('JX-5', 'RED', '2026-11-18T00:00:00Z'),
  c('JX-3', 'RED', '2026-11-20T00:00:00Z'),
  c('JX-4', 'YELLOW', '2026-12-03T00:00:00Z', 'IN_PROGRESS'),
  c('JX-2', 'YELLOW', '2026-12-09T00:00:00Z'),
  c('JX-6', 'GREEN', '2026-11-30T00:00:00Z'),
  c('JX-1', 'GREEN', '2026-12-01T00:00:00Z'),
]

const list = vi.fn()
const counts = vi.fn()
vi.mock('../src/api/endpoints.js', () => ({
  issues: { list: (...a) => list(...a), counts: (...a) => counts(...a) },
  projects: { list: async () => ({ content: [] }) },
  notifications: { unreadCount: async () => ({ count: 0 }) },
}))

describe('work queue page', () => {
  beforeEach(() => {
    list.mockReset()
    counts.mockReset()
    counts.mockResolvedValue({ regionCode: '360113', open: 9, byWarning: { RED: 2, YELLOW: 3, GREEN: 4 } })
  })

  it('asks the server for the warning order and keeps it, accepted ones marked, with counts per tab and colour', async () => {
    list.mockImplementation(async (q = {}) => (q.size === 1 ? { content: [], totalElements: { OPEN: 4, IN_PROGRESS: 1 }[q.status] ?? 6 } : { content: cases, totalElements: 6 }))
    const [pinia, i18n] = plugins()
    const { useSession } = await import('../src/stores/session.js')
    useSession(pinia).$patch({ me: { roles: ['coordinator'], region: { code: '360113', level: 'COUNTY' } }, regions: { '360113': { code: '360113', name: '红谷滩区', level: 'COUNTY' } }, loaded: true })
    const WorkQueue = (await import('../src/pages/coordinator/WorkQueue.vue')).default
    const w = mount(WorkQueue, { global: { plugins: [pinia, i18n], stubs: { 'router-link': { template: '<a><slot /></a>', props: ['to'] } } } })
    // a loaded machine may need more than a tick or two for the list and the tab counts
    await vi.waitFor(() => expect(w.findAll('.case-card')).toHaveLength(6), { timeout: 15000 })
    await vi.waitFor(() => expect(w.find('[data-tab="OPEN"]').text()).toContain('4'), { timeout: 15000 })
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ handlingRegion: '360113', status: 'OPEN', size: 100, sort: 'warning' }))
    expect(counts).toHaveBeenCalledWith({ regionCode: '360113', groupBy: 'warning' })
    await vi.waitFor(() => expect(w.find('[data-count="YELLOW"]').text()).toContain('3'), { timeout: 15000 })
    expect(w.findAll('.case-card').map((e) => e.attributes('data-number'))).toEqual(['JX-5', 'JX-3', 'JX-4', 'JX-2', 'JX-6', 'JX-1'])
    const first = w.find('.case-card')
    expect(first.text()).toContain('红灯')
    expect(first.text()).toContain('待受理')
    expect(first.find('[data-test="holder"]').text()).toBe('红谷滩区 · 县级')
    expect(w.findAll('.case-card')[2].find('[data-test="acceptance"]').text()).toContain('已受理')
    expect(w.find('[data-tab="OPEN"]').text()).toContain('4')
  })
})
