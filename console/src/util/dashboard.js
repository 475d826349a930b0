// Reading /api/dashboard for the overview: the five nots as tiles, open cases tallied by level and colour.

/** The five tiles; `figure` is a percentage or a count, `trend` only where the API gives last month. */
export function fiveNotTiles(view) {
  const f = view?.fiveNots || {}
  const ns = f.notStopped || {}
  const it = f.intensity
  const st = f.startsNotDelayed || {}
  const co = f.coordination || {}
  const pl = f.planningNotBrokenOff || {}
  return [
    { key: 'notStopped', figure: ns.percent ?? null, percent: true, details: { inConstruction: ns.inConstruction ?? 0, stopped: ns.stopped ?? 0 } },
    {
      key: 'intensity',
      figure: it ? it.workersOnSite : null,
      percent: false,
      trend: it && it.changePercent !== null && it.changePercent !== undefined ? Number(it.changePercent) : null,
      details: it ? { month: it.month, previousMonth: it.previousMonth, previous: it.previousWorkersOnSite ?? '—' } : null,
    },
    { key: 'startsNotDelayed', figure: st.percent ?? null, percent: true, details: { due: st.due ?? 0, onTime: st.onTime ?? 0 } },
    {
      key: 'coordination',
      figure: co.available ? co.onTimePercent ?? null : null,
      percent: true,
      unavailable: co.available === false,
      details: co.available ? { received: co.received, resolved: co.resolved, overdueNow: co.overdueNow } : null,
    },
    { key: 'planning', figure: pl.projects ?? 0, percent: false, details: { nextYear: pl.nextYear } },
  ]
}

/** Active cases counted by handling level and warning colour: {COUNTY: {RED, YELLOW, GREEN, total}, …}. */
export function casesByLevelAndColour(issues) {
  const out = {}
  for (const level of ['COUNTY', 'CITY', 'PROVINCE']) out[level] = { RED: 0, YELLOW: 0, GREEN: 0, total: 0 }
  for (const i of issues || []) {
    const row = out[i.level]
    if (!row) continue
    const colour = i.warning?.level || 'GREEN'
    row[colour] = (row[colour] || 0) + 1
    row.total += 1
  }
  return out
}

/** Years a selector offers: this one and the four before, plus next year (planning). */
export function yearChoices(now = new Date()) {
  const y = now.getFullYear()
  return [y + 1, y, y - 1, y - 2, y - 3, y - 4]
}
