// Suggested case groups (clusters) → what a coordinator confirms.

/** Per suggested group: every case ticked at first, no title. */
export function clusterChoices(clusters) {
  return Object.fromEntries((clusters || []).map((c) => [c.key, { caseIds: c.cases.map((i) => i.id), title: '' }]))
}

/** The POST /api/case-groups body: the ticked cases, the title only when one was written. */
export function groupBody(choice) {
  const body = { caseIds: [...choice.caseIds] }
  const title = (choice.title || '').trim()
  if (title) body.title = title
  return body
}
