import { describe, it, expect, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { plugins } from './setup.js'

let view
vi.mock('vue-router', () => ({ useRoute: () => ({ query: {} }), useRouter: () => ({ replace: () => {} }) }))
vi.mock('../src/api/endpoints.js', () => ({
  dashboard: async () => view,
  issues: { counts: async () => ({ open: 0, byLevel: {}, byWarning: {} }) },
}))

async function overview(locale) {
  const [pinia, i18n] = plugins(locale)
  const { useSession } = await import('../src/stores/session.js')
  useSession(pinia).$patch({
    me: { roles: ['manager'], region: { code: '360100', level: 'CITY' } },
    regions: { 360100: { code: '360100', name: '南昌市', nameEn: 'Nanchang', level: 'CITY' }, 360113: { code: '360113', name: '红谷滩区', nameEn: 'Honggutan', level: 'COUNTY', parent: '360100' } },
    loaded: true,
  })
  const Overview = (await import('../src/pages/manager/Overview.vue')).default
  const w = mount(Overview, { global: { plugins: [pinia, i18n], stubs: { 'router-link': { template: '<a><slot /></a>', props: ['to'] } } } })
  await vi.waitFor(() => expect(w.find('[data-test="at-risk-sentence"]').exists()).toBe(true), { timeout: 15000 })
  return w
}

describe('investment at risk on the overview', () => {
  it('says how many milestones hold up how much of the region’s plan, where, and the reports returned', async () => {
    view = {
      regionCode: '360100', investmentAtRisk: 42000, milestonesSlipping: 3, reportsPendingCorrection: 2, fiveNots: {},
      children: [{ regionCode: '360113', investmentAtRisk: 42000, milestonesSlipping: 3 }],
    }
    const w = await overview()
    const year = new Date().getFullYear()
    expect(w.find('[data-test="at-risk-sentence"]').text()).toBe(`⚠ 3 个年度计划节点被未解决的问题卡住，南昌市 ${year} 年计划投资中有 4.20 亿元 受影响`)
    expect(w.find('[data-test="at-risk-children"]').text()).toContain('红谷滩区 · 县级：4.20 亿元（3 个节点）')
    expect(w.find('[data-test="pending-correction"]').text()).toBe('退回待修改的月报 2 份')
  }, 60000)

  it('says so in English, and that nothing is held up when nothing is', async () => {
    view = { regionCode: '360100', investmentAtRisk: 1200, milestonesSlipping: 1, reportsPendingCorrection: 0, fiveNots: {}, children: [] }
    let w = await overview('en')
    expect(w.find('[data-test="at-risk-sentence"]').text()).toContain("1 milestones held up by open blockers put 1,200 ×10k yuan of Nanchang's")
    view = { regionCode: '360100', investmentAtRisk: 0, milestonesSlipping: 0, reportsPendingCorrection: 0, fiveNots: {}, children: [] }
    w = await overview()
    expect(w.find('[data-test="at-risk-sentence"]').text()).toBe('✓ 南昌市没有被问题卡住的年度计划节点。')
    expect(w.find('[data-test="at-risk-children"]').exists()).toBe(false)
  }, 60000)
})
