import { describe, it, expect, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { meetingQuery } from '../src/util/meetings.js'
import { plugins } from './setup.js'

describe('the meetings query', () => {
  it('sends only the filters set, dates as from/to, pages from 0', () => {
    expect(meetingQuery({ regionCode: '360113', status: 'OPEN', dates: ['2026-11-01', '2026-11-30'] }, 2)).toEqual({
      regionCode: '360113', status: 'OPEN', from: '2026-11-01', to: '2026-11-30', page: 1, size: 20,
    })
    expect(meetingQuery({ regionCode: '', status: '', dates: null })).toEqual({ page: 0, size: 20 })
  })
})

const list = vi.fn()
vi.mock('vue-router', () => ({ useRouter: () => ({ push: vi.fn() }) }))
vi.mock('../src/api/endpoints.js', () => ({
  meetings: { list: (...a) => list(...a) },
  issues: { list: async () => ({ content: [] }) },
}))

describe('meetings page', () => {
  it('lists the meetings of my area with their decisions, overdue ones in red with a word', async () => {
    list.mockResolvedValue({
      content: [
        { id: 'm1', title: '隧道专题协调会', scheduledAt: '2026-11-20T02:00:00Z', regionCode: '360113', organiser: 'coord.hgt', status: 'OPEN', caseCount: 2, decisionCounts: { open: 2, done: 1, overdue: 1 } },
        { id: 'm2', title: '用电接入协调会', scheduledAt: '2026-11-10T02:00:00Z', regionCode: '360113', organiser: 'coord.hgt', status: 'DONE', caseCount: 1, decisionCounts: { open: 0, done: 1, overdue: 0 } },
      ],
      totalElements: 2,
    })
    const [pinia, i18n] = plugins()
    const { useSession } = await import('../src/stores/session.js')
    useSession(pinia).$patch({ me: { roles: ['coordinator'], region: { code: '360113', level: 'COUNTY' } }, regions: { '360113': { code: '360113', name: '红谷滩区', level: 'COUNTY' } }, loaded: true })
    const Meetings = (await import('../src/pages/coordinator/Meetings.vue')).default
    const w = mount(Meetings, { global: { plugins: [pinia, i18n], stubs: { 'router-link': { template: '<a :data-to="to"><slot /></a>', props: ['to'] } } } })
    await vi.waitFor(() => expect(w.find('[data-test="meeting-list"]').text()).toContain('隧道专题协调会'), { timeout: 15000 })
    expect(list).toHaveBeenCalledWith({ page: 0, size: 20 })
    const rows = w.findAll('[data-test="meeting-list"] tbody tr')
    expect(rows[0].find('[data-test="overdue"]').text()).toContain('1 项逾期未落实')
    expect(rows[0].find('.el-tag--danger').text()).toContain('逾期')
    expect(rows[1].find('[data-test="overdue"]').exists()).toBe(false)
    expect(rows[1].text()).toContain('决定全部落实')
    expect(rows[0].text()).toContain('红谷滩区')
  })
})
