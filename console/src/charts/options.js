// ECharts option builders: pure functions of the API's figures (tested in tests/chartOptions.test.js).
// No ECharts import here, so the pages' tables and the tests do not pull the chart library in.

const GREY = '#dcdfe6'
const PALETTE = ['#409eff', '#67c23a', '#e6a23c', '#f56c6c', '#909399']

const num = (v) => (v === null || v === undefined || v === '' ? null : Number(v))
const round1 = (v) => (v === null ? null : Math.round(v * 10) / 10)

/** The measures a map can colour the regions by, and how each is read from a DashboardView. */
export const MEASURES = {
  red: { get: (v) => num(v?.warnings?.RED) ?? 0, percent: false, high: 'bad' },
  overdue: { get: (v) => (v?.fiveNots?.coordination?.available ? num(v.fiveNots.coordination.overdueNow) : null), percent: false, high: 'bad' },
  completion: { get: (v) => num(v?.completionRatePercent), percent: true, high: 'good' },
  doubleHalf: { get: (v) => num(v?.doubleHalf?.firstHalfPercent), percent: true, high: 'good' },
}

/**
 * The map of the province's cities.
 * @param features GeoJSON features of the map ({id, properties.name})
 * @param views code → DashboardView of the regions the caller may see (others are greyed, no figures)
 * @param measure a key of MEASURES
 * @param fmt value → text
 */
export function mapOption({ mapName, features, views, measure, fmt, noAccess, noData }) {
  const m = MEASURES[measure]
  const data = features.map((f) => {
    const view = views[f.id]
    if (!view) {
      return { name: f.properties.name, code: f.id, value: null, allowed: false, itemStyle: { areaColor: GREY }, label: { color: '#a8abb2' } }
    }
    return { name: f.properties.name, code: f.id, value: m.get(view), allowed: true }
  })
  const values = data.filter((d) => d.allowed && d.value !== null).map((d) => d.value)
  const max = Math.max(m.percent ? 100 : 1, ...values)
  // light → strong red when high is bad; light → strong green when high is good
  const colours = m.high === 'bad' ? ['#fdf6ec', '#f56c6c', '#b71c1c'] : ['#fef0f0', '#e1f3d8', '#2e7d32']
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => (p.data && p.data.allowed ? `${p.name}<br/>${p.data.value === null ? noData : fmt(p.data.value)}` : `${p.name}<br/>${noAccess}`),
    },
    visualMap: { type: 'continuous', min: 0, max, inRange: { color: colours }, calculable: false, left: 'left', bottom: 10, text: [fmt(max), fmt(0)], seriesIndex: 0 },
    series: [
      {
        type: 'map',
        map: mapName,
        roam: false,
        selectedMode: false,
        nameProperty: 'name',
        // the figure is written on the map too: colour is never the only signal
        label: { show: true, fontSize: 11, formatter: (p) => (p.data && p.data.allowed && p.data.value !== null ? `${p.name}\n${fmt(p.data.value)}` : p.name) },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#fde68a' } },
        data,
      },
    ],
  }
}

/** Bars of one measure per child region (counties of a city); the region names on the axis. */
export function regionBarOption({ children, measure, fmt, nameOf }) {
  const m = MEASURES[measure]
  const rows = children.map((c) => ({ name: nameOf(c), value: m.get(c) }))
  return {
    grid: { left: 8, right: 40, top: 10, bottom: 10, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v === null ? '—' : fmt(v)) },
    xAxis: { type: 'value', max: m.percent ? 100 : undefined },
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true },
    series: [{ type: 'bar', data: rows.map((r) => r.value), itemStyle: { color: PALETTE[0] }, label: { show: true, position: 'right', formatter: (p) => (p.value === null ? '—' : fmt(p.value)) } }],
  }
}

/** Planned vs completed investment (万元) of each child region, bars side by side. */
export function planVsDoneOption({ children, nameOf, labels }) {
  return {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.planned, labels.done] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: children.map(nameOf), axisLabel: { interval: 0, rotate: children.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', name: labels.unit },
    series: [
      { name: labels.planned, type: 'bar', data: children.map((c) => num(c.plannedInvestment)), itemStyle: { color: '#a0cfff' } },
      { name: labels.done, type: 'bar', data: children.map((c) => num(c.completedInvestment)), itemStyle: { color: PALETTE[0] } },
    ],
  }
}

/**
 * Cumulative investment of a project's year, month by month, against the plan's even pace
 * (plan × month / 12), with the reported physical progress on a second axis.
 * @returns rows {period, month, done, cumulative, pace, physical} for the table alternative
 */
export function cumulativeRows(reports, year, plannedInvestment) {
  const plan = num(plannedInvestment)
  const byPeriod = {}
  for (const r of reports || []) byPeriod[r.period] = r
  const rows = []
  let cumulative = 0
  for (let m = 1; m <= 12; m++) {
    const period = `${year}-${String(m).padStart(2, '0')}`
    const r = byPeriod[period]
    const done = r ? num(r.investmentCompleted) : null
    if (done !== null) cumulative += done
    rows.push({
      period,
      month: m,
      done,
      cumulative: r ? Math.round(cumulative * 10000) / 10000 : null,
      pace: plan === null ? null : Math.round((plan * m) / 12 * 10000) / 10000,
      physical: r ? num(r.physicalProgressPercent) : null,
    })
  }
  return rows
}

export function cumulativeOption(rows, labels) {
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.cumulative, labels.pace, labels.physical] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map((r) => r.period.slice(5)) },
    yAxis: [
      { type: 'value', name: labels.unit },
      { type: 'value', name: '%', max: 100, splitLine: { show: false } },
    ],
    series: [
      { name: labels.cumulative, type: 'line', data: rows.map((r) => r.cumulative), symbol: 'circle', connectNulls: false, itemStyle: { color: PALETTE[0] } },
      { name: labels.pace, type: 'line', data: rows.map((r) => r.pace), lineStyle: { type: 'dashed' }, symbol: 'none', itemStyle: { color: PALETTE[4] } },
      { name: labels.physical, type: 'bar', yAxisIndex: 1, data: rows.map((r) => r.physical), itemStyle: { color: '#b3e19d' }, barMaxWidth: 18 },
    ],
  }
}

/** Cases per month of a year by one of their instants (`createdAt`, `resolvedAt`, `closedAt`); cases without it are left out. */
export function perMonth(issues, year, monthOf, field = 'createdAt') {
  const counts = Array(12).fill(0)
  for (const i of issues || []) {
    if (!i[field]) continue
    const p = monthOf(i[field])
    if (p.startsWith(String(year) + '-')) counts[Number(p.slice(5)) - 1] += 1
  }
  return counts
}

export function monthlyCasesOption({ months, opened, resolved, closed, labels }) {
  return {
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.opened, labels.resolved, labels.closed] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.opened, type: 'bar', data: opened, itemStyle: { color: PALETTE[2] } },
      { name: labels.resolved, type: 'bar', data: resolved, itemStyle: { color: PALETTE[1] } },
      { name: labels.closed, type: 'bar', data: closed, itemStyle: { color: PALETTE[0] } },
    ],
  }
}

/**
 * The dashboard's `monthly {year, thisYear[12], lastYear[12]}` (cumulative planned/completed per month)
 * as table rows: month, this year's plan and done, last year's; `completed` is null for months to come.
 */
export function monthlyInvestmentRows(monthly) {
  const at = (list, m) => (list || []).find((p) => Number(String(p.month).slice(-2)) === m) || {}
  return Array.from({ length: 12 }, (_, i) => {
    const m = i + 1
    const now = at(monthly?.thisYear, m)
    const last = at(monthly?.lastYear, m)
    return { month: String(m).padStart(2, '0'), planned: num(now.planned), completed: num(now.completed), lastPlanned: num(last.planned), lastCompleted: num(last.completed) }
  })
}

/** Cumulative done vs plan, this year (solid) and last year (dashed), from `monthlyInvestmentRows`. */
export function monthlyInvestmentOption(rows, labels) {
  const line = (name, key, color, dashed) => ({
    name, type: 'line', data: rows.map((r) => r[key]), connectNulls: false, symbol: dashed ? 'none' : 'circle',
    lineStyle: dashed ? { type: 'dashed' } : undefined, itemStyle: { color },
  })
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.completed, labels.planned, labels.lastCompleted, labels.lastPlanned] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map((r) => r.month) },
    yAxis: { type: 'value', name: labels.unit },
    series: [
      line(labels.completed, 'completed', PALETTE[0], false),
      line(labels.planned, 'planned', PALETTE[4], true),
      line(labels.lastCompleted, 'lastCompleted', PALETTE[1], false),
      line(labels.lastPlanned, 'lastPlanned', '#c0c4cc', true),
    ],
  }
}

/** Count of cases per category, largest first. */
export function byCategory(issues) {
  const counts = {}
  for (const i of issues || []) counts[i.category] = (counts[i.category] || 0) + 1
  return Object.entries(counts)
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category))
}

export function categoryOption(rows, nameOf) {
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => nameOf(r.category)), inverse: true },
    series: [{ type: 'bar', data: rows.map((r) => r.count), itemStyle: { color: PALETTE[0] }, label: { show: true, position: 'right' } }],
  }
}

/**
 * Accountability rows ranked: on-time rate high to low (units without a resolved case last),
 * then fewer overdue now, then more received; ranks shared by equal rates.
 */
export function rankUnits(rows) {
  const sorted = [...(rows || [])].sort((a, b) => {
    const ra = a.onTimeRate ?? -1
    const rb = b.onTimeRate ?? -1
    if (rb !== ra) return rb - ra
    if (a.overdueNow !== b.overdueNow) return a.overdueNow - b.overdueNow
    if (b.received !== a.received) return b.received - a.received
    return a.regionCode.localeCompare(b.regionCode)
  })
  let rank = 0
  let previous
  return sorted.map((r, i) => {
    if (r.onTimeRate === null || r.onTimeRate === undefined) return { ...r, rank: null }
    if (r.onTimeRate !== previous) rank = i + 1
    previous = r.onTimeRate
    return { ...r, rank }
  })
}

export function onTimeOption(ranked, nameOf) {
  const rows = ranked.filter((r) => r.onTimeRate !== null && r.onTimeRate !== undefined)
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v}%` },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map(nameOf), inverse: true },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => round1(r.onTimeRate * 100)),
        itemStyle: { color: (p) => (p.value >= 90 ? PALETTE[1] : p.value >= 60 ? PALETTE[2] : PALETTE[3]) },
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  }
}

/** Hours the ball was held, per level: total and per case received (accountability rows summed). */
export function holdingByLevel(rows) {
  const out = {}
  for (const level of ['COUNTY', 'CITY', 'PROVINCE']) out[level] = { level, hours: 0, received: 0, perCase: null }
  for (const r of rows || []) {
    const o = out[r.level]
    if (!o) continue
    o.hours += Number(r.hoursHolding || 0)
    o.received += Number(r.received || 0)
  }
  return Object.values(out).map((o) => ({ ...o, hours: round1(o.hours), perCase: o.received ? round1(o.hours / o.received) : null }))
}

export function holdingOption(levels, nameOf, labels) {
  return {
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.perCase] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: levels.map((l) => nameOf(l.level)) },
    yAxis: { type: 'value', name: labels.unit },
    series: [{ name: labels.perCase, type: 'bar', data: levels.map((l) => l.perCase), itemStyle: { color: PALETTE[4] }, label: { show: true, position: 'top' } }],
  }
}
