import { describe, it, expect, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { plugins } from './setup.js'

vi.mock('vue-router', () => ({ useRoute: () => ({ params: { id: 'm1' } }) }))
vi.mock('../src/api/endpoints.js', () => ({
  meetings: {
    one: async () => ({
      id: 'm1', title: '隧道专题协调会', regionCode: '360113', scheduledAt: '2026-11-20T02:00:00Z', organiser: 'coord.hgt', attendees: [], issueIds: ['i1'],
      decisions: [{ id: 'd1', issueId: 'i1', decision: '五个工作日内完成用地预审', responsibleUnit: '区自然资源局', dueAt: '2026-11-21T02:00:00Z', status: 'OPEN', overdue: true }],
    }),
  },
  issues: { one: async () => ({ id: 'i1', number: 'JX-1', title: '用地报批' }) },
}))

describe('meeting page', () => {
  it('marks an overdue decision with a red word, keeping one status tag per decision', async () => {
    const [pinia, i18n] = plugins()
    const MeetingPage = (await import('../src/pages/coordinator/MeetingPage.vue')).default
    const w = mount(MeetingPage, { global: { plugins: [pinia, i18n], stubs: { 'router-link': { template: '<a><slot /></a>', props: ['to'] } } } })
    await vi.waitFor(() => expect(w.find('[data-test="decision-overdue"]').exists()).toBe(true), { timeout: 15000 })
    const card = w.findAll('.el-card').find((c) => c.text().includes('五个工作日内完成用地预审'))
    expect(card.find('[data-test="decision-overdue"]').text()).toContain('逾期未落实')
    expect(card.findAll('.el-tag')).toHaveLength(1)
    expect(card.find('.el-tag').text()).toBe('未落实')
  }, 60000)
})
