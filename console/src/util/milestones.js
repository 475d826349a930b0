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

/**
 * The milestones a blocker may be tied to: those of this year's plan not done yet, earliest first;
 * `keep` (a case's current ids) stay offered even once done, so editing never drops one unseen.
 */
export function pickableMilestones(plan, keep = []) {
  const kept = new Set(keep || [])
  return (plan?.milestones || [])
    .filter((m) => !m.done || kept.has(m.id))
    .sort((a, b) => String(a.plannedDate || '').localeCompare(String(b.plannedDate || '')))
}

/**
 * Who may change the milestones a case holds up (issue-service: the reporting organisation or a
 * coordinator of the holding region), offered while the case is open (not yet resolved).
 */
export function canEditMilestones(issue, me) {
  if (!issue || !me || !['OPEN', 'IN_PROGRESS'].includes(issue.status)) return false
  const roles = me.roles || []
  const reporter = roles.includes('owner') && issue.reporterOrg === me.org
  const holder = roles.includes('coordinator') && issue.handlingRegion === me.region?.code
  return reporter || holder
}

/** The same ids, order aside. */
export const sameIds = (a, b) => (a || []).length === (b || []).length && (a || []).every((id) => (b || []).includes(id))
