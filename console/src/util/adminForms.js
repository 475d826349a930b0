// Checks of the admin forms before sending (the services check again and answer 400 with fields).

/** field → i18n key of the problem; empty when the rules may be sent. */
export function warningRulesProblems(r) {
  const out = {}
  const limits = { startSlipYellowMonths: 24, startSlipRedMonths: 36, paceYellowPoints: 100, paceRedPoints: 100 }
  for (const [f, max] of Object.entries(limits)) {
    const v = r[f]
    if (v === null || v === undefined || v === '' || !Number.isInteger(Number(v)) || v < 0 || v > max) out[f] = 'rules.range'
  }
  if (!out.startSlipRedMonths && !out.startSlipYellowMonths && r.startSlipRedMonths < r.startSlipYellowMonths) out.startSlipRedMonths = 'rules.redAfterYellow'
  if (!out.paceRedPoints && !out.paceYellowPoints && r.paceRedPoints < r.paceYellowPoints) out.paceRedPoints = 'rules.redAfterYellow'
  return out
}

/**
 * A rules preview `{projects, changing, changes: {"GREEN→YELLOW": 3, …}}` as rows `{from, to, count}`,
 * most changes first (then by the colour they go to, red first).
 */
export function previewRows(preview) {
  const rank = { RED: 0, YELLOW: 1, GREEN: 2 }
  return Object.entries(preview?.changes || {})
    .map(([key, count]) => {
      const [from, to] = key.split('→')
      return { key, from, to, count }
    })
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || (rank[a.to] ?? 3) - (rank[b.to] ?? 3) || a.key.localeCompare(b.key))
}

/** The escalation policy form: whole working days, at least 1, urgent not longer than normal. */
export function policyProblems(p) {
  const out = {}
  const ok = (v) => Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 60
  if (!ok(p.acceptWorkingDays)) out.acceptWorkingDays = 'policy.range'
  for (const level of ['COUNTY', 'CITY', 'PROVINCE']) {
    const d = p.resolveWorkingDays?.[level] || {}
    if (!ok(d.normal)) out[level + '.normal'] = 'policy.range'
    if (!ok(d.urgent)) out[level + '.urgent'] = 'policy.range'
    else if (ok(d.normal) && Number(d.urgent) > Number(d.normal)) out[level + '.urgent'] = 'policy.urgentLonger'
  }
  return out
}

/** A calendar day list: a day may not be both a holiday and a swapped working day, and must be in the year. */
export function calendarProblems(year, holidays, workingDays) {
  const out = []
  const both = holidays.filter((d) => workingDays.includes(d))
  if (both.length) out.push({ key: 'calendars.both', days: both.join('、') })
  const outside = [...holidays, ...workingDays].filter((d) => !d.startsWith(`${year}-`))
  if (outside.length) out.push({ key: 'calendars.outside', days: outside.join('、') })
  return out
}
