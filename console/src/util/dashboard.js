// Reading /api/dashboard for the overview: the five nots as tiles with last month's trend; open cases by level and colour.

const FIGURES = {
  notStopped: (f) => f.notStopped?.percent,
  intensity: (f) => f.intensity?.workersOnSite,
  startsNotDelayed: (f) => f.startsNotDelayed?.percent,
  coordination: (f) => (f.coordination?.available ? f.coordination.onTimePercent : null),
  planning: (f) => f.planningNotBrokenOff?.projects,
}
const num = (v) => (v === null || v === undefined || v === '' ? null : Number(v))

/**
 * The five tiles; `figure` is a percentage or a count; `delta` is the change against last month's
 * five nots (`previous`: percentage points for percentages), null where last month has no figure.
 */
export function fiveNotTiles(view) {
  const f = view?.fiveNots || {}
  const last = view?.previous?.fiveNots
  const it = f.intensity
  const ns = f.notStopped || {}
  const st = f.startsNotDelayed || {}
  const co = f.coordination || {}
  const pl = f.planningNotBrokenOff || {}
  const tile = (key, percent, extra) => {
    const figure = num(FIGURES[key](f))
    const previous = last ? num(FIGURES[key](last)) : null
    const delta = figure !== null && previous !== null ? Math.round((figure - previous) * 10) / 10 : null
    return { key, figure, percent, previous, delta, previousMonth: view?.previous?.month ?? null, ...extra }
  }
  return [
    tile('notStopped', true, { details: { inConstruction: ns.inConstruction ?? 0, stopped: ns.stopped ?? 0 } }),
    tile('intensity', false, { details: it ? { month: it.month, previousMonth: it.previousMonth, previous: it.previousWorkersOnSite ?? '—' } : null }),
    tile('startsNotDelayed', true, { details: { due: st.due ?? 0, onTime: st.onTime ?? 0 } }),
    tile('coordination', true, {
      unavailable: co.available === false,
      details: co.available ? { received: co.received, resolved: co.resolved, overdueNow: co.overdueNow } : null,
    }),
    tile('planning', false, { details: { nextYear: pl.nextYear } }),
  ].map((t) => (t.key === 'planning' && t.figure === null ? { ...t, figure: 0 } : t))
}

/** `/api/issues/counts` as rows: by level (county, city, province) and by colour, each with its count. */
export function openCaseRows(counts) {
  return {
    total: counts?.open ?? 0,
    byLevel: ['COUNTY', 'CITY', 'PROVINCE'].map((level) => ({ level, count: counts?.byLevel?.[level] ?? 0 })),
    byWarning: ['RED', 'YELLOW', 'GREEN'].map((warning) => ({ warning, count: counts?.byWarning?.[warning] ?? 0 })),
  }
}

/** The 红黑榜's levels, county first, leaving out levels with no eligible unit. */
export function rankingLevels(view) {
  const order = { COUNTY: 0, CITY: 1, PROVINCE: 2 }
  return (view?.levels || []).filter((l) => l.eligible > 0).sort((a, b) => (order[a.level] ?? 3) - (order[b.level] ?? 3))
}

/** Years a selector offers: this one and the four before, plus next year (planning). */
export function yearChoices(now = new Date()) {
  const y = now.getFullYear()
  return [y + 1, y, y - 1, y - 2, y - 3, y - 4]
}
