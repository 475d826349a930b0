// Which actions the case page offers to whom; issue-service decides for real (403/409), this only
// avoids showing buttons a caller could never use.
const ACTIVE = ['OPEN', 'IN_PROGRESS']

/**
 * The extension requests still waiting: the case's own `pendingExtensionRequests` (issue-service),
 * or, from a service without that field, read from the timeline.
 */
export function pendingExtensions(timeline, issue) {
  if (Array.isArray(issue?.pendingExtensionRequests)) {
    return issue.pendingExtensionRequests.map((r) => ({
      id: r.id,
      newDueAt: r.newDueAt,
      reason: r.reason,
      requestedBy: r.requestedBy,
      region: r.handlingRegion,
    }))
  }
  const decided = new Set(
    (timeline || []).filter((e) => e.type === 'EXTENSION_DECIDED').map((e) => e.details?.requestId),
  )
  return (timeline || [])
    .filter((e) => e.type === 'EXTENSION_REQUESTED' && !decided.has(e.details?.requestId))
    .map((e) => ({
      id: e.details.requestId,
      newDueAt: e.details.newDueAt,
      reason: e.details.reason,
      requestedBy: e.actor,
      region: e.toRegion || e.fromRegion,
    }))
}

/** Coordination-meeting decisions recorded on the case and not yet done. */
export function openDecisions(timeline) {
  const done = new Set(
    (timeline || []).filter((e) => e.type === 'DECISION_DONE').map((e) => e.details?.decisionId),
  )
  return (timeline || []).filter(
    (e) => e.type === 'DECISION_RECORDED' && !done.has(e.details?.decisionId),
  )
}

/**
 * @param issue the case (IssueView)
 * @param me the caller (/api/me)
 * @param parentOf code → parent region code
 * @param pending pending extension requests
 */
export function caseActions(issue, me, parentOf = () => null, pending = []) {
  if (!issue || !me) return []
  const roles = me.roles || []
  const myRegion = me.region?.code
  const actions = []
  const holder = roles.includes('coordinator') && issue.handlingRegion === myRegion
  if (holder && issue.status === 'OPEN') actions.push('accept')
  if (holder && issue.status === 'IN_PROGRESS') actions.push('resolve')
  if (holder && ACTIVE.includes(issue.status)) {
    if (issue.level !== 'PROVINCE') actions.push('escalate')
    if (issue.level !== 'COUNTY') actions.push('return')
    if (issue.level !== 'PROVINCE' && pending.length === 0) actions.push('extend')
  }
  const approver =
    (roles.includes('coordinator') || roles.includes('manager')) &&
    ACTIVE.includes(issue.status) &&
    parentOf(issue.handlingRegion) === myRegion
  if (approver && pending.length > 0) actions.push('decideExtension')
  if (roles.includes('owner') && issue.reporterOrg === me.org && issue.status === 'RESOLVED') {
    actions.push('confirm', 'reopen')
  }
  if (roles.includes('manager') && ACTIVE.includes(issue.status) && !issue.supervised) {
    actions.push('supervise')
  }
  return actions
}
