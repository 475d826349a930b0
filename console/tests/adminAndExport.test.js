import { describe, it, expect } from 'vitest'
import { unzipSync, strFromU8 } from 'fflate'
import { xlsxBytes } from '../src/util/xlsx.js'
import { warningRulesProblems, policyProblems, calendarProblems, previewRows } from '../src/util/adminForms.js'
import { fiveNotTiles, openCaseRows, rankingLevels } from '../src/util/dashboard.js'
import { portfolioQuery } from '../src/util/enums.js'

describe('the xlsx export', () => {
  it('is a workbook with one sheet holding the rows, strings escaped, numbers as numbers', () => {
    const files = unzipSync(xlsxBytes([['单位', '按时办结率'], ['南昌市 <市级> & "x"', 83.3]], '责任落实'))
    expect(Object.keys(files)).toContain('xl/worksheets/sheet1.xml')
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'])
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">南昌市 &lt;市级&gt; &amp; &quot;x&quot;</t></is></c>')
    expect(sheet).toContain('<c r="B2"><v>83.3</v></c>')
    expect(strFromU8(files['xl/workbook.xml'])).toContain('name="责任落实"')
  })
})

describe('admin form checks', () => {
  const rules = { startSlipYellowMonths: 0, startSlipRedMonths: 3, paceYellowPoints: 10, paceRedPoints: 30 }
  it('accepts the default warning rules and refuses out of range or red below yellow', () => {
    expect(warningRulesProblems(rules)).toEqual({})
    expect(warningRulesProblems({ ...rules, paceRedPoints: 101 })).toEqual({ paceRedPoints: 'rules.range' })
    expect(warningRulesProblems({ ...rules, paceRedPoints: 5 })).toEqual({ paceRedPoints: 'rules.redAfterYellow' })
    expect(warningRulesProblems({ ...rules, startSlipYellowMonths: null })).toEqual({ startSlipYellowMonths: 'rules.range' })
  })
  it('refuses a policy with zero days or urgent longer than normal', () => {
    const ok = { acceptWorkingDays: 1, resolveWorkingDays: { COUNTY: { normal: 5, urgent: 2 }, CITY: { normal: 10, urgent: 5 }, PROVINCE: { normal: 15, urgent: 7 } } }
    expect(policyProblems(ok)).toEqual({})
    expect(policyProblems({ ...ok, acceptWorkingDays: 0 })).toEqual({ acceptWorkingDays: 'policy.range' })
    expect(policyProblems({ ...ok, resolveWorkingDays: { ...ok.resolveWorkingDays, CITY: { normal: 3, urgent: 5 } } })).toEqual({ 'CITY.urgent': 'policy.urgentLonger' })
  })
  it('refuses a day both off and working, and days of another year', () => {
    expect(calendarProblems(2026, ['2026-10-01'], ['2026-10-11'])).toEqual([])
    expect(calendarProblems(2026, ['2026-10-01'], ['2026-10-01']).map((p) => p.key)).toEqual(['calendars.both'])
    expect(calendarProblems(2026, ['2027-01-01'], []).map((p) => p.key)).toEqual(['calendars.outside'])
  })
})

describe('the overview', () => {
  const now = {
    notStopped: { inConstruction: 10, stopped: 1, percent: 90 },
    intensity: { month: '2026-05', workersOnSite: 120, previousMonth: '2026-04', previousWorkersOnSite: 100, changePercent: 20 },
    startsNotDelayed: { due: 4, onTime: 3, percent: 75 },
    coordination: { available: true, onTimePercent: 80, received: 5, resolved: 5, overdueNow: 0 },
    planningNotBrokenOff: { nextYear: 2027, projects: 6 },
  }
  it('reads five tiles, each with its change against last month', () => {
    const tiles = fiveNotTiles({
      fiveNots: now,
      previous: {
        month: '2026-04',
        fiveNots: { ...now, notStopped: { percent: 92.5 }, intensity: { workersOnSite: 100 }, startsNotDelayed: { percent: 75 }, coordination: { available: false }, planningNotBrokenOff: { projects: 4 } },
      },
    })
    expect(tiles.map((t) => [t.key, t.figure, t.delta])).toEqual([
      ['notStopped', 90, -2.5], ['intensity', 120, 20], ['startsNotDelayed', 75, 0], ['coordination', 80, null], ['planning', 6, 2],
    ])
    expect(tiles[0].previousMonth).toBe('2026-04')
  })
  it('has no trend without last month and marks unavailable case figures', () => {
    const tiles = fiveNotTiles({ fiveNots: { ...now, coordination: { available: false } } })
    expect(tiles.every((t) => t.delta === null)).toBe(true)
    expect(tiles[3]).toMatchObject({ figure: null, unavailable: true })
  })
  it('lists open cases by level and by colour from the counts endpoint', () => {
    const rows = openCaseRows({ regionCode: '360100', open: 7, byLevel: { COUNTY: 5, CITY: 2 }, byWarning: { RED: 1, YELLOW: 2, GREEN: 4 } })
    expect(rows.total).toBe(7)
    expect(rows.byLevel).toEqual([{ level: 'COUNTY', count: 5 }, { level: 'CITY', count: 2 }, { level: 'PROVINCE', count: 0 }])
    expect(rows.byWarning.map((r) => r.count)).toEqual([1, 2, 4])
  })
})

describe('the project list query', () => {
  it('asks the server for the colour and the warning order, a page at a time, without empty filters', () => {
    expect(portfolioQuery({ regionCode: '360113', level: '', industry: '', status: '', warning: 'RED', sort: 'warning' }, 3)).toEqual({
      regionCode: '360113', warning: 'RED', sort: 'warning', page: 2, size: 100,
    })
    expect(portfolioQuery({ sort: 'code,asc', q: '隧道' })).toEqual({ sort: 'code,asc', q: '隧道', page: 0, size: 100 })
  })
})

describe('the warning rules preview', () => {
  it('lists the colour changes, most first, leaving out empty ones', () => {
    expect(previewRows({ projects: 40, changing: 6, changes: { 'GREEN→YELLOW': 3, 'YELLOW→RED': 3, 'RED→GREEN': 0 } })).toEqual([
      { key: 'YELLOW→RED', from: 'YELLOW', to: 'RED', count: 3 },
      { key: 'GREEN→YELLOW', from: 'GREEN', to: 'YELLOW', count: 3 },
    ])
    expect(previewRows(null)).toEqual([])
  })
})

describe('the red and black list', () => {
  it('shows the levels with ranked units, county first', () => {
    const view = { levels: [{ level: 'CITY', eligible: 2, best: [], worst: [] }, { level: 'PROVINCE', eligible: 0 }, { level: 'COUNTY', eligible: 5, best: [], worst: [] }] }
    expect(rankingLevels(view).map((l) => l.level)).toEqual(['COUNTY', 'CITY'])
    expect(rankingLevels(undefined)).toEqual([])
  })
})
