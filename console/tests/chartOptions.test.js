import { describe, it, expect } from 'vitest'
import {
  mapOption, regionBarOption, cumulativeRows, cumulativeOption, perMonth, monthlyCasesOption, byCategory, monthlyInvestmentRows, monthlyInvestmentOption,
  rankUnits, onTimeOption, holdingByLevel, MEASURES,
} from '../src/charts/options.js'

const features = [
  { id: '360100', properties: { name: '南昌市' } },
  { id: '360700', properties: { name: '赣州市' } },
]
const nc = { regionCode: '360100', regionName: '南昌市', warnings: { RED: 3 }, completionRatePercent: 42.5, doubleHalf: { firstHalfPercent: 51 }, fiveNots: { coordination: { available: true, overdueNow: 2 } } }

describe('the map option', () => {
  const opt = (views, measure = 'red') => mapOption({ mapName: 'jiangxi', features, views, measure, fmt: String, noAccess: 'no', noData: 'none' })

  it('colours a city the caller may see by the chosen measure', () => {
    expect(opt({ 360100: nc }).series[0].data[0]).toMatchObject({ name: '南昌市', value: 3, allowed: true })
    expect(opt({ 360100: nc }, 'completion').series[0].data[0].value).toBe(42.5)
    expect(opt({ 360100: nc }, 'overdue').series[0].data[0].value).toBe(2)
  })
  it('greys a city outside the caller area and carries no figure for it', () => {
    const ganzhou = opt({ 360100: nc }).series[0].data[1]
    expect(ganzhou).toMatchObject({ name: '赣州市', value: null, allowed: false })
    expect(ganzhou.itemStyle.areaColor).toBeTruthy()
    expect(opt({ 360100: nc }).series[0].label.formatter({ name: '赣州市', data: ganzhou })).toBe('赣州市')
    expect(opt({ 360100: nc }).tooltip.formatter({ name: '赣州市', data: ganzhou })).toContain('no')
  })
  it('writes the figure on the map so colour is not the only signal', () => {
    const o = opt({ 360100: nc })
    expect(o.series[0].label.formatter({ name: '南昌市', data: o.series[0].data[0] })).toBe('南昌市\n3')
  })
  it('scales percentages to 100 and counts to their largest value', () => {
    expect(opt({ 360100: nc }, 'completion').visualMap.max).toBe(100)
    expect(opt({ 360100: { ...nc, warnings: { RED: 7 } }, 360700: nc }).visualMap.max).toBe(7)
  })
  it('reads an unavailable coordination figure as no data', () => {
    expect(MEASURES.overdue.get({ fiveNots: { coordination: { available: false } } })).toBeNull()
  })
})

describe('county bars', () => {
  it('lists every county with its value', () => {
    const o = regionBarOption({ children: [nc, { ...nc, regionName: '红谷滩区', warnings: { RED: 0 } }], measure: 'red', fmt: String, nameOf: (c) => c.regionName })
    expect(o.yAxis.data).toEqual(['南昌市', '红谷滩区'])
    expect(o.series[0].data).toEqual([3, 0])
  })
})

describe('cumulative investment of a project', () => {
  const reports = [
    { period: '2026-01', investmentCompleted: '100', physicalProgressPercent: 5 },
    { period: '2026-03', investmentCompleted: 50.5, physicalProgressPercent: 9 },
    { period: '2025-12', investmentCompleted: 999 },
  ]
  it('adds the months of the year up and leaves months without a report empty', () => {
    const rows = cumulativeRows(reports, 2026, 1200)
    expect(rows).toHaveLength(12)
    expect(rows[0]).toMatchObject({ period: '2026-01', done: 100, cumulative: 100, pace: 100, physical: 5 })
    expect(rows[1]).toMatchObject({ done: null, cumulative: null, pace: 200 })
    expect(rows[2]).toMatchObject({ cumulative: 150.5, pace: 300 })
    expect(rows[11].pace).toBe(1200)
  })
  it('has no pace line without a plan', () => {
    expect(cumulativeRows(reports, 2026, null)[5].pace).toBeNull()
  })
  it('draws cumulative, pace and physical progress on two axes', () => {
    const o = cumulativeOption(cumulativeRows(reports, 2026, 1200), { cumulative: 'c', pace: 'p', physical: 'ph', unit: 'u' })
    expect(o.xAxis.data[0]).toBe('01')
    expect(o.series.map((s) => s.name)).toEqual(['c', 'p', 'ph'])
    expect(o.series[2].yAxisIndex).toBe(1)
  })
})

describe('cases per month and by category', () => {
  const monthOf = (i) => i.slice(0, 7)
  const issues = [
    { createdAt: '2026-01-03', category: 'LAND', resolvedAt: '2026-02-01', closedAt: '2026-03-02' },
    { createdAt: '2026-01-20', category: 'FUNDING', resolvedAt: '2026-02-10' },
    { createdAt: '2026-03-01', category: 'LAND' },
    { createdAt: '2025-12-31', category: 'LAND' },
  ]
  it('counts cases opened in each month of the year only', () => {
    expect(perMonth(issues, 2026, monthOf).slice(0, 3)).toEqual([2, 0, 1])
  })
  it('counts resolved and closed cases by their own month, leaving out cases not yet there', () => {
    expect(perMonth(issues, 2026, monthOf, 'resolvedAt').slice(0, 3)).toEqual([0, 2, 0])
    expect(perMonth(issues, 2026, monthOf, 'closedAt').slice(0, 3)).toEqual([0, 0, 1])
  })
  it('puts opened, resolved and closed side by side', () => {
    const o = monthlyCasesOption({ months: ['01', '02'], opened: [2, 0], resolved: [1, 1], closed: [0, 1], labels: { opened: 'o', resolved: 'r', closed: 'c' } })
    expect(o.series.map((s) => s.data)).toEqual([[2, 0], [1, 1], [0, 1]])
  })
  it('orders categories by count', () => {
    expect(byCategory(issues)).toEqual([{ category: 'LAND', count: 3 }, { category: 'FUNDING', count: 1 }])
  })
})

describe('accountability ranking', () => {
  const row = (regionCode, onTimeRate, extra = {}) => ({ regionCode, regionName: regionCode, level: 'COUNTY', onTimeRate, overdueNow: 0, received: 1, hoursHolding: 0, ...extra })
  it('ranks by on-time rate, ties share a rank, units without a resolved case last and unranked', () => {
    const ranked = rankUnits([row('a', 0.5), row('b', 1), row('c', null), row('d', 0.5, { overdueNow: 2 })])
    expect(ranked.map((r) => [r.regionCode, r.rank])).toEqual([['b', 1], ['a', 2], ['d', 2], ['c', null]])
  })
  it('charts the ranked units in percent with one decimal', () => {
    const o = onTimeOption(rankUnits([row('a', 0.8333), row('c', null)]), (r) => r.regionName)
    expect(o.yAxis.data).toEqual(['a'])
    expect(o.series[0].data).toEqual([83.3])
  })
  it('sums ball-holding hours per level and divides by cases received', () => {
    const levels = holdingByLevel([
      row('a', 1, { hoursHolding: 10, received: 2 }),
      row('b', 1, { hoursHolding: 5, received: 3 }),
      row('c', 1, { level: 'CITY', hoursHolding: 7.25, received: 1 }),
    ])
    expect(levels).toEqual([
      { level: 'COUNTY', hours: 15, received: 5, perCase: 3 },
      { level: 'CITY', hours: 7.3, received: 1, perCase: 7.3 },
      { level: 'PROVINCE', hours: 0, received: 0, perCase: null },
    ])
  })
})

describe("the region's monthly investment", () => {
  const monthly = {
    year: 2026,
    thisYear: [{ month: '2026-01', planned: '100', completed: '80' }, { month: '2026-02', planned: 200 }],
    lastYear: [{ month: '2025-01', planned: 90, completed: 95 }],
  }
  it('lines this year and last up by month, with no figure for months to come', () => {
    const rows = monthlyInvestmentRows(monthly)
    expect(rows).toHaveLength(12)
    expect(rows[0]).toEqual({ month: '01', planned: 100, completed: 80, lastPlanned: 90, lastCompleted: 95 })
    expect(rows[1]).toMatchObject({ planned: 200, completed: null, lastPlanned: null })
  })
  it('draws done and plan for both years, plans dashed', () => {
    const o = monthlyInvestmentOption(monthlyInvestmentRows(monthly), { completed: 'd', planned: 'p', lastCompleted: 'ld', lastPlanned: 'lp', unit: 'u' })
    expect(o.series.map((s) => [s.name, s.data[0], s.lineStyle?.type])).toEqual([['d', 80, undefined], ['p', 100, 'dashed'], ['ld', 95, undefined], ['lp', 90, 'dashed']])
  })
})
