// Dates in Asia/Shanghai whatever the browser's zone; money as the API gives it (万元).
export const ZONE = 'Asia/Shanghai'

const intlLocale = (locale) => (locale === 'en' ? 'en-GB' : 'zh-CN')

export function formatDateTime(instant, locale = 'zh-CN') {
  if (!instant) return '—'
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(instant))
}

export function formatDate(value, locale = 'zh-CN') {
  if (!value) return '—'
  // a plain date (YYYY-MM-DD) is a calendar day: no zone shift
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value + 'T12:00:00+08:00') : new Date(value)
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d)
}

/** 12345.5 → "12,345.5" (up to four decimals, as the API stores them). */
export function formatAmount(value, locale = 'zh-CN') {
  if (value === null || value === undefined || value === '') return '—'
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 4 }).format(Number(value))
}

/** The calendar day (YYYY-MM-DD) of an instant in Shanghai. */
export function shanghaiDay(instant) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant))
  return parts
}

/** YYYY-MM of the month before the one `now` falls in (Shanghai): the month whose report is due now. */
export function previousPeriod(now = new Date()) {
  const [y, m] = shanghaiDay(now).split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

export function periodBefore(period) {
  const [y, m] = period.split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

const PREVIOUS_REPORT_STATE = { FILED: 'filed', FILED_LATE: 'late', DUE: 'due', MISSING: 'missing', NOT_REQUIRED: 'notRequired' }

/** A project's `previousReport {period, state}` (project-service) as the key under `reportState.*`; null if absent. */
export const reportStateOf = (previousReport) => PREVIOUS_REPORT_STATE[previousReport?.state] ?? null

/**
 * Working days from today (Shanghai) until the deadline's day, on the year's calendar
 * (`holidays` are days off, `workingDays` swapped working weekend days); negative when overdue.
 */
export function workingDaysUntil(dueAt, calendar, now = new Date()) {
  if (!dueAt) return null
  const holidays = new Set((calendar && calendar.holidays) || [])
  const swapped = new Set((calendar && calendar.workingDays) || [])
  const isWorking = (day) => {
    if (holidays.has(day)) return false
    if (swapped.has(day)) return true
    const dow = new Date(day + 'T12:00:00Z').getUTCDay()
    return dow !== 0 && dow !== 6
  }
  const from = shanghaiDay(now)
  const to = shanghaiDay(dueAt)
  const sign = to >= from ? 1 : -1
  let count = 0
  let d = new Date(from + 'T12:00:00Z')
  const end = to
  while ((sign > 0 && d.toISOString().slice(0, 10) < end) || (sign < 0 && d.toISOString().slice(0, 10) > end)) {
    d = new Date(d.getTime() + sign * 86400000)
    if (isWorking(d.toISOString().slice(0, 10))) count += sign
  }
  return count
}

// ---- figures for Chinese readers (part 2) ----

/**
 * Money given in 万元 (as every API answers it): under 1 亿 as "12,345.6 万元", from 1 亿 (10,000 万元)
 * up as "1.23 亿元". English: "12,345.6 ×10k yuan", "1.23 ×100m yuan" (the same units, named).
 */
export function formatMoney(wan, locale = 'zh-CN') {
  if (wan === null || wan === undefined || wan === '' || Number.isNaN(Number(wan))) return '—'
  const v = Number(wan)
  const en = locale === 'en'
  if (Math.abs(v) >= 10000) {
    const yi = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v / 10000)
    return en ? `${yi} ×100m yuan` : `${yi} 亿元`
  }
  const w = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(v)
  return en ? `${w} ×10k yuan` : `${w} 万元`
}

/** A percentage the API gives as 0–100 (e.g. 42.857) → "42.9%"; null → "—". */
export function formatPercent(value) {
  if (value === null || value === undefined || value === '' || Number.isNaN(Number(value))) return '—'
  return `${(Math.round(Number(value) * 10) / 10).toFixed(1)}%`
}

/** A ratio the API gives as 0–1 (e.g. accountability's onTimeRate 0.8333) → "83.3%". */
export function formatRatio(value) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '—'
  return formatPercent(Number(value) * 100)
}

/** A count with thousands separators. */
export function formatCount(value, locale = 'zh-CN') {
  if (value === null || value === undefined) return '—'
  return new Intl.NumberFormat(intlLocale(locale)).format(Number(value))
}

/** Hours with one decimal: 12.345 → "12.3". */
export function formatHours(value) {
  if (value === null || value === undefined) return '—'
  return (Math.round(Number(value) * 10) / 10).toFixed(1)
}

/** The month `period` (YYYY-MM) of an instant in Shanghai. */
export function shanghaiMonth(instant) {
  return shanghaiDay(instant).slice(0, 7)
}
