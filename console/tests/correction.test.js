import { describe, it, expect, vi, beforeEach } from 'vitest'
import { mount } from '@vue/test-utils'
import { plugins, flush, settle } from './setup.js'

const returned = []
let current
vi.mock('vue-router', () => ({ useRoute: () => ({ params: { id: 'p1' }, query: { period: '2026-10' } }), useRouter: () => ({ replace: () => {} }) }))
vi.mock('../src/api/endpoints.js', () => ({
  projects: {
    one: async () => ({ id: 'p1', name: '赣江大道综合管廊', warning: { level: 'GREEN' } }),
    report: async (id, period) => (period === '2026-10' ? current : null),
    revisions: async () => [current],
    returnReport: async (...a) => {
      returned.push(a)
      return { ...current, correctionRequested: { reason: a[2], by: 'coord.hgt', at: '2026-11-20T02:00:00Z' } }
    },
    submitReport: async () => null,
  },
  plans: { year: async () => null },
}))

const report = (extra = {}) => ({ projectId: 'p1', period: '2026-10', revision: 1, late: false, investmentCompleted: 100, physicalProgressPercent: 10, workersOnSite: 5, siteState: 'WORKING', submittedBy: 'owner.hgt', submittedAt: '2026-11-03T02:00:00Z', ...extra })

async function page(roles) {
  const [pinia, i18n] = plugins()
  const { useSession } = await import('../src/stores/session.js')
  useSession(pinia).$patch({ me: { roles, region: { code: '360113', level: 'COUNTY' } }, loaded: true })
  const ProgressReport = (await import('../src/pages/owner/ProgressReport.vue')).default
  const w = mount(ProgressReport, { attachTo: document.body, global: { plugins: [pinia, i18n] } })
  await vi.waitFor(() => expect(w.find('[data-test="current-state"]').exists()).toBe(true), { timeout: 15000 })
  return w
}

describe('return for correction', () => {
  beforeEach(() => {
    returned.length = 0
    document.body.innerHTML = ''
  }, 60000)

  it('lets a coordinator return a filed month with a reason, and refuses an empty one', async () => {
    current = report()
    const w = await page(['coordinator'])
    await w.find('[data-test="return-report"]').trigger('click')
    await flush()
    const form = document.querySelector('.el-dialog form')
    form.dispatchEvent(new Event('submit'))
    await settle()
    expect(returned).toEqual([])
    expect(document.body.textContent).toContain('请填写此项')
    const reason = document.querySelector('#return-reason')
    reason.value = '本月完成投资与财务报表不符，请核实'
    reason.dispatchEvent(new Event('input'))
    await flush()
    form.dispatchEvent(new Event('submit'))
    await vi.waitFor(() => expect(returned).toEqual([['p1', '2026-10', '本月完成投资与财务报表不符，请核实']]))
    w.unmount()
  }, 60000)

  it('shows the owner the reason and who returned it, with no return button', async () => {
    current = report({ correctionRequested: { reason: '工人数与考勤不符', by: 'coord.hgt', at: '2026-11-20T02:00:00Z' } })
    const w = await page(['owner'])
    expect(w.find('[data-test="correction-reason"]').text()).toContain('工人数与考勤不符')
    expect(w.find('[data-test="correction"]').text()).toContain('coord.hgt')
    expect(w.find('[data-test="correction"]').text()).toContain('请按退回原因修改后重新保存')
    expect(w.find('[data-test="return-report"]').exists()).toBe(false)
    expect(w.find('[data-test="save-report"]').exists()).toBe(true)
    w.unmount()
  }, 60000)

  it('offers no second return while one is pending, and marks the revision that answered one', async () => {
    current = report({ correctionRequested: { reason: '请核实', by: 'manager.nc', at: '2026-11-20T02:00:00Z' } })
    let w = await page(['manager'])
    expect(w.find('[data-test="return-report"]').exists()).toBe(false)
    expect(w.find('[data-test="save-report"]').exists()).toBe(false)
    w.unmount()
    current = report({ revision: 2, answersCorrection: { reason: '请核实', by: 'manager.nc', at: '2026-11-20T02:00:00Z' } })
    w = await page(['manager'])
    expect(w.find('[data-test="answers-correction"]').text()).toContain('答复退回')
    expect(w.find('[data-test="return-report"]').exists()).toBe(true)
    w.unmount()
  }, 60000)
})
