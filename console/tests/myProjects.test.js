import { describe, it, expect, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { reportStateOf } from '../src/util/format.js'
import { plugins } from './setup.js'

describe("last month's report state from the project list", () => {
  it('maps every state of previousReport and nothing when absent', () => {
    expect(['FILED', 'FILED_LATE', 'DUE', 'MISSING', 'NOT_REQUIRED'].map((state) => reportStateOf({ period: '2026-11', state }))).toEqual([
      'filed', 'late', 'due', 'missing', 'notRequired',
    ])
    expect(reportStateOf(undefined)).toBeNull()
  })
})

const list = vi.fn()
const reports = vi.fn()
vi.mock('../src/api/endpoints.js', () => ({
  projects: { list: (...a) => list(...a), reports: (...a) => reports(...a) },
}))

describe('my projects page', () => {
  it('reads each card’s report state from the one list call, with no call per project', async () => {
    const p = (id, state) => ({ id, code: 'P' + id, name: 'n' + id, level: 'PROVINCIAL', status: 'UNDER_CONSTRUCTION', regionCode: '360113', totalInvestment: 1000, warning: { level: 'GREEN', reasons: [] }, previousReport: { period: '2026-11', state } })
    list.mockResolvedValue({ content: [p(1, 'FILED_LATE'), p(2, 'MISSING'), p(3, 'NOT_REQUIRED')], totalElements: 3 })
    const [pinia, i18n] = plugins()
    const MyProjects = (await import('../src/pages/owner/MyProjects.vue')).default
    const w = mount(MyProjects, { global: { plugins: [pinia, i18n], stubs: { 'router-link': { template: '<a><slot /></a>', props: ['to'] } } } })
    await vi.waitFor(() => expect(w.findAll('[data-test="report-state"]')).toHaveLength(3), { timeout: 15000 })
    expect(w.findAll('[data-test="report-state"]').map((e) => e.text())).toEqual([
      expect.stringMatching(/2026-11.*逾期报送/),
      expect.stringMatching(/2026-11.*未报送/),
      expect.stringMatching(/2026-11.*无需报送/),
    ])
    expect(list).toHaveBeenCalledTimes(1)
    expect(reports).not.toHaveBeenCalled()
  })
})
