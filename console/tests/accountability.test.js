import { describe, it, expect, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { plugins } from './setup.js'

const push = vi.fn()
const list = vi.fn()
vi.mock('vue-router', () => ({
  useRouter: () => ({ push, replace: vi.fn() }),
  useRoute: () => ({ query: { from: '2026-01', to: '2026-03' }, params: { code: '360113' } }),
}))
vi.mock('../src/charts/index.js', () => ({ EChart: { template: '<div />' } }))
vi.mock('../src/api/endpoints.js', () => ({
  accountability: async () => ({
    from: '2026-01', to: '2026-03',
    rows: [{ regionCode: '360113', regionName: '红谷滩区', level: 'COUNTY', received: 4, resolved: 3, resolvedOnTime: 2, onTimeRate: 0.6667, overdueNow: 1, bounced: 2, decisionsOverdue: 1, returnedDown: 1, reopened: 0, escalatedForLateness: 0, hoursHolding: 10 }],
  }),
  accountabilityRanking: async () => ({ levels: [] }),
  issues: { list: (...a) => list(...a) },
}))

const session = async (pinia) => {
  const { useSession } = await import('../src/stores/session.js')
  useSession(pinia).$patch({ me: { roles: ['manager'], region: { code: '360100', level: 'CITY' } }, regions: { '360113': { code: '360113', name: '红谷滩区', level: 'COUNTY' } }, loaded: true })
}

describe('accountability', () => {
  it('shows bounced and overdue decisions with their meaning, and a unit click keeps the period', async () => {
    const [pinia, i18n] = plugins()
    await session(pinia)
    const Page = (await import('../src/pages/manager/Accountability.vue')).default
    const w = mount(Page, { global: { plugins: [pinia, i18n] } })
    await vi.waitFor(() => expect(w.find('[data-col="bounced"]').exists()).toBe(true), { timeout: 15000 })
    expect(w.find('[data-col="bounced"]').text()).toBe('2')
    expect(w.find('[data-col="decisionsOverdue"]').text()).toBe('1')
    expect(w.find('[data-test="legend"]').text()).toContain('推诿扯皮：退回下级而没有给出办理结果')
    await w.find('[data-test="ranking"] tbody tr').trigger('click')
    expect(push).toHaveBeenCalledWith({ path: '/unit-cases/360113', query: { from: '2026-01', to: '2026-03' } })
  })

  it("lists the cases that reached the unit in the period (handledBy), with who holds them now", async () => {
    list.mockResolvedValue({ content: [{ id: 'a', number: 'JX-1', title: 't', projectName: 'p', status: 'IN_PROGRESS', warning: 'RED', handlingRegion: '360113', level: 'COUNTY' }], totalElements: 1 })
    const [pinia, i18n] = plugins()
    await session(pinia)
    const Page = (await import('../src/pages/manager/UnitCases.vue')).default
    const w = mount(Page, { global: { plugins: [pinia, i18n], stubs: { 'router-link': { template: '<a><slot /></a>', props: ['to'] } } } })
    await vi.waitFor(() => expect(w.find('[data-test="unit-cases"]').text()).toContain('JX-1'), { timeout: 15000 })
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ handledBy: '360113', from: '2026-01', to: '2026-03' }))
    expect(list.mock.calls[0][0].handlingRegion).toBeUndefined()
    expect(w.find('h1').text()).toContain('2026-01 至 2026-03')
    expect(w.find('[data-test="unit-cases"]').text()).toContain('红灯')
  })
})
