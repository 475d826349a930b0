// Reading milestones and investment at risk (issue 14 §1) from project-service's plan and dashboard.

const num = (v) => (v === null || v === undefined || v === '' ? 0 : Number(v))

/**
 * A milestone's state as a word key under `milestone.state.*`: done, held up by open blockers,
 * late (past its date, not done) or on schedule.
 */
export function milestoneState(m, today) {
  if (m.done) return 'done'
  if (m.blockers?.length) return 'heldUp'
  if (m.plannedDate && m.plannedDate < today) return 'late'
  return 'onSchedule'
}

/** The plan's milestones a case names, in the case's order; ids the plan no longer has are listed as unknown. */
export function caseMilestones(plan, ids) {
  const byId = new Map((plan?.milestones || []).map((m) => [m.id, m]))
  return (ids || []).map((id) => byId.get(id) || { id, unknown: true })
}

/** The dashboard's figures of issue 14: investment held up, milestones slipping, reports returned; the sub-regions with money at risk, most first. */
export function riskFigures(view) {
  const children = (view?.children || [])
    .filter((c) => num(c.investmentAtRisk) > 0)
    .sort((a, b) => num(b.investmentAtRisk) - num(a.investmentAtRisk))
    .map((c) => ({ regionCode: c.regionCode, investmentAtRisk: num(c.investmentAtRisk), milestonesSlipping: num(c.milestonesSlipping) }))
  return {
    investmentAtRisk: num(view?.investmentAtRisk),
    milestonesSlipping: num(view?.milestonesSlipping),
    pendingCorrection: num(view?.reportsPendingCorrection),
    children,
  }
}
