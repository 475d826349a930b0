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
}

export const issues = {
  list: (query) => api('/api/issues', { query }),
  one: (id) => api(`/api/issues/${id}`),
  submit: (body, idempotencyKey) =>
    api('/api/issues', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
  // no If-Match: issue-service's own background writes move an issue's version within a second of
  // any action, so a version the page holds is stale at once; state checks still answer 409
  action: (id, action, body) => api(`/api/issues/${id}/${action}`, { method: 'POST', body }),
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

export const calendars = { year: (year) => apiOrNull(`/api/calendars/${year}`) }

export const meetings = {
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
