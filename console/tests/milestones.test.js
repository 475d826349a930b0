import { describe, it, expect, vi, beforeEach } from 'vitest'
import { mount } from '@vue/test-utils'
import { plugins, settle } from './setup.js'
import { milestoneState, caseMilestones, riskFigures } from '../src/util/milestones.js'

const done = vi.fn()
vi.mock('../src/api/endpoints.js', () => ({ plans: { done: (...a) => done(...a) } }))

const plan = {
  projectId: 'p1', year: 2026, plannedInvestment: 2400, investmentAtRisk: 1200,
  milestones: [
    { id: 'ms-a', name: '管廊主体贯通', plannedDate: '2026-06-30', actualDate: null, done: false, slipDays: 40, slipProjected: false, blockers: ['JX-2026-000007'], investmentAtRisk: 1200 },
    { id: 'ms-b', name: '竣工验收', plannedDate: '2026-12-31', actualDate: null, done: false, slipDays: 0, slipProjected: false, blockers: [], investmentAtRisk: 0 },
    { id: 'ms-c', name: '开工', plannedDate: '2026-01-10', actualDate: '2026-01-12', done: true, slipDays: 2, slipProjected: false, blockers: [], investmentAtRisk: 0 },
  ],
}

describe('milestones and investment at risk', () => {
  it('names each milestone’s state', () => {
    expect(plan.milestones.map((m) => milestoneState(m, '2026-08-01'))).toEqual(['heldUp', 'onSchedule', 'done'])
    expect(milestoneState({ ...plan.milestones[1], plannedDate: '2026-07-01' }, '2026-08-01')).toBe('late')
  }, 60000)

  it('keeps a case’s order and says when an id is gone from the plan', () => {
    expect(caseMilestones(plan, ['ms-b', 'ms-x']).map((m) => m.name || (m.unknown && 'unknown:' + m.id))).toEqual(['竣工验收', 'unknown:ms-x'])
  }, 60000)

  it('reads the dashboard’s figures, sub-regions with money at risk first', () => {
    const r = riskFigures({
      investmentAtRisk: '42000.5', milestonesSlipping: 3, reportsPendingCorrection: 2,
      children: [{ regionCode: 'a', investmentAtRisk: 0 }, { regionCode: 'b', investmentAtRisk: 100, milestonesSlipping: 1 }, { regionCode: 'c', investmentAtRisk: 41900.5, milestonesSlipping: 2 }],
    })
    expect(r).toMatchObject({ investmentAtRisk: 42000.5, milestonesSlipping: 3, pendingCorrection: 2 })
    expect(r.children.map((c) => c.regionCode)).toEqual(['c', 'b'])
    expect(riskFigures(null)).toMatchObject({ investmentAtRisk: 0, milestonesSlipping: 0, pendingCorrection: 0, children: [] })
  }, 60000)
})

describe('milestone list', () => {
  beforeEach(() => done.mockReset())
  const mountList = async (props) => {
    const [pinia, i18n] = plugins()
    const MilestoneList = (await import('../src/components/MilestoneList.vue')).default
    return mount(MilestoneList, { props: { plan, ...props }, global: { plugins: [pinia, i18n] } })
  }

  it('shows slip, the blockers and the money at risk; only a case’s milestones when given', async () => {
    const w = await mountList({ only: ['ms-a'] })
    expect(w.findAll('.milestone')).toHaveLength(1)
    expect(w.find('[data-test="milestone-state"]').text()).toContain('被问题卡住')
    expect(w.find('[data-test="slip"]').text()).toContain('已滞后 40 天')
    expect(w.find('[data-test="blockers"]').text()).toContain('JX-2026-000007')
    expect(w.find('[data-test="milestone-at-risk"]').text()).toContain('1,200 万元')
    expect(w.find('[data-test="mark-done"]').exists()).toBe(false)
  }, 60000)

  it('lets the owner mark a milestone done with its actual date and hands back the new plan', async () => {
    const after = { ...plan, investmentAtRisk: 0 }
    done.mockResolvedValue(after)
    const w = await mountList({ canMarkDone: true })
    expect(w.findAll('[data-test="mark-done"]')).toHaveLength(2)
    await w.find('[data-milestone="ms-a"] [data-test="mark-done"]').trigger('click')
    await w.find('[data-milestone="ms-a"] form').trigger('submit')
    await vi.waitFor(() => expect(w.emitted('changed')).toBeTruthy())
    expect(done).toHaveBeenCalledWith('p1', 2026, 'ms-a', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/))
    expect(w.emitted('changed')[0]).toEqual([after])
  }, 60000)

  it('refuses a date in the future without asking the API', async () => {
    const w = await mountList({ canMarkDone: true })
    await w.find('[data-milestone="ms-b"] [data-test="mark-done"]').trigger('click')
    w.vm.$.setupState.marking.date = '2999-01-01'
    await w.find('[data-milestone="ms-b"] form').trigger('submit')
    await settle() // a form item shows its error after a debounce
    expect(done).not.toHaveBeenCalled()
    expect(w.text()).toContain('完成日期不能晚于今天')
  }, 60000)
})
