// Paths of the existing services, one function each (DESIGN.md "API conventions").
import { api, apiOrNull } from './client.js'

export const me = () => api('/api/me')
export const regions = () => api('/api/regions')

export const projects = {
  list: (query) => api('/api/projects', { query: { size: 100, ...query } }),
  one: (id) => api(`/api/projects/${id}`),
  reports: (id) => api(`/api/projects/${id}/progress-reports`),
  report: (id, period) => apiOrNull(`/api/projects/${id}/progress-reports/${period}`),
  revisions: (id, period) => api(`/api/projects/${id}/progress-reports/${period}/revisions`),
  submitReport: (id, period, body) =>
    api(`/api/projects/${id}/progress-reports/${period}`, { method: 'PUT', body }),
  /** return a filed month for correction (coordinator, manager): the report with `correctionRequested` */
  returnReport: (id, period, reason) =>
    api(`/api/projects/${id}/progress-reports/${period}/return`, { method: 'POST', body: { reason } }),
}

/** 一次填报: the owner's template, its upload, and the officials' export of a region's month */
export const reportFiles = {
  templateUrl: (period) => '/api/progress-reports/template?' + new URLSearchParams({ period }),
  /** all rows or none: {filed, unchanged, revisions: [{row, projectId, revision}]}; 400 names row and column */
  upload: (period, file) => {
    const form = new FormData()
    form.append('file', file)
    return api('/api/progress-reports/import', { method: 'POST', query: { period }, form })
  },
  exportUrl: (query) =>
    '/api/progress-reports/export?' + new URLSearchParams(Object.entries(query).filter(([, v]) => v)),
}

export const issues = {
  list: (query) => api('/api/issues', { query }),
  /** open cases of a region's subtree: {regionCode, open, byLevel, byWarning} (groupBy: 'level,warning') */
  counts: (query) => api('/api/issues/counts', { query }),
  one: (id) => api(`/api/issues/${id}`),
  submit: (body, idempotencyKey) =>
    api('/api/issues', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
  // no If-Match: issue-service's own background writes move an issue's version within a second of
  // any action, so a version the page holds is stale at once; state checks still answer 409
  action: (id, action, body) => api(`/api/issues/${id}/${action}`, { method: 'POST', body }),
  /** the reporter or the holding coordinators name all the milestones it holds up: {milestoneIds, version} */
  milestones: (id, body) => api(`/api/issues/${id}/milestones`, { method: 'PUT', body }),
  requestExtension: (id, body) =>
    api(`/api/issues/${id}/extension-requests`, { method: 'POST', body }),
  decideExtension: (id, requestId, approve) =>
    api(`/api/issues/${id}/extension-requests/${requestId}/${approve ? 'approve' : 'decline'}`, {
      method: 'POST',
    }),
  messages: (id) => api(`/api/issues/${id}/messages`, { query: { size: 100 } }),
  post: (id, body) => api(`/api/issues/${id}/messages`, { method: 'POST', body: { body } }),
  timeline: (id) => api(`/api/issues/${id}/timeline`),
  verify: (id) => api(`/api/issues/${id}/timeline/verify`),
}

export const caseGroups = {
  /** suggested groups among the region's open cases: {compared, limit, truncated, threshold, clusters} */
  clusters: (query) => api('/api/issues/clusters', { query }),
  list: (query) => api('/api/case-groups', { query }),
  confirm: (body) => api('/api/case-groups', { method: 'POST', body }),
}

export const calendars = { year: (year) => apiOrNull(`/api/calendars/${year}`) }

export const meetings = {
  /** paged, newest first: {content: [{id, title, scheduledAt, regionCode, organiser, status, caseCount, decisionCounts}]} */
  list: (query) => api('/api/coordination-meetings', { query }),
  create: (body) => api('/api/coordination-meetings', { method: 'POST', body }),
  one: (id) => api(`/api/coordination-meetings/${id}`),
  decide: (id, body) => api(`/api/coordination-meetings/${id}/decisions`, { method: 'POST', body }),
  done: (id, decisionId) =>
    api(`/api/coordination-meetings/${id}/decisions/${decisionId}/done`, { method: 'POST' }),
}

export const notifications = {
  list: (query) => api('/api/notifications', { query }),
  unreadCount: () => api('/api/notifications/unread-count'),
  read: (id) => api(`/api/notifications/${id}/read`, { method: 'POST' }),
  readAll: () => api('/api/notifications/read-all', { method: 'POST' }),
  preferences: () => api('/api/notification-preferences'),
  savePreferences: (body) => api('/api/notification-preferences', { method: 'PUT', body }),
}

// ---- part 2: managers and admins ----
export const dashboard = (query) => api('/api/dashboard', { query })
export const accountability = (query) => api('/api/accountability', { query })
/** 红黑榜 of a month: {period, frozen, intact, levels: [{level, eligible, best, worst}]} */
export const accountabilityRanking = (query) => api('/api/accountability/ranking', { query })

export const plans = {
  /** the year's plan with each milestone's `done`, `slipDays`, `blockers`, `investmentAtRisk`; null without one */
  year: (id, year) => apiOrNull(`/api/projects/${id}/plans/${year}`),
  /** the owner organisation marks a milestone done: the plan again */
  done: (id, year, milestoneId, actualDate) =>
    api(`/api/projects/${id}/plans/${year}/milestones/${milestoneId}/done`, { method: 'POST', body: { actualDate } }),
}

export const warningRules = {
  get: () => api('/api/warning-rules'),
  save: (body) => api('/api/warning-rules', { method: 'PUT', body }),
  /** how many projects the candidate rules would recolour (stores nothing) */
  preview: (body) => api('/api/warning-rules/preview', { method: 'POST', body }),
}

export const calendarAdmin = {
  save: (year, body) => api(`/api/calendars/${year}`, { method: 'PUT', body }),
}

export const escalationPolicy = {
  current: () => api('/api/escalation-policy'),
  version: (v) => api(`/api/escalation-policy/versions/${v}`),
  save: (body) => api('/api/escalation-policy', { method: 'PUT', body }),
}

export const deliveries = {
  list: (query) => api('/api/notifications/deliveries', { query }),
  retry: (id) => api(`/api/notifications/deliveries/${id}/retry`, { method: 'POST' }),
}

export const regionAdmin = {
  importTree: (divisions) => api('/api/regions/import', { method: 'POST', body: divisions }),
}

export const projectFiles = {
  /** multipart upload: the body is FormData, so no JSON content type */
  importSheet: (file) => {
    const form = new FormData()
    form.append('file', file)
    return api('/api/projects/import', { method: 'POST', form })
  },
  exportUrl: (query) => {
    const params = new URLSearchParams(Object.entries(query || {}).filter(([, v]) => v))
    const s = params.toString()
    return '/api/projects/export' + (s ? '?' + s : '')
  },
}

/**
 * Every page of a list endpoint up to `max` items (pages of 100): {items, total, complete}.
 * The APIs have no aggregate for some figures the pages show; `complete` says when they are partial.
 */
export async function collect(listFn, query, max = 500) {
  const items = []
  let total = 0
  for (let page = 0; items.length < max; page++) {
    const p = await listFn({ ...query, page, size: 100 })
    total = p.totalElements ?? p.content.length
    items.push(...p.content)
    if (p.content.length < 100 || items.length >= total) break
  }
  return { items, total, complete: items.length >= total }
}
