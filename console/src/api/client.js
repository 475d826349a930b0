// The one way the console talks to the gateway: same-origin fetch with the session cookie,
// the CSRF header on writes, problem+json turned into an ApiError.

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`)
    this.status = status
    this.problem = problem || {}
    /** field → message, from the problem's `errors: [{field, message}]` */
    this.fieldErrors = {}
    for (const e of this.problem.errors || []) {
      if (e && e.field) this.fieldErrors[e.field] = e.message
    }
  }

  get conflict() {
    return this.status === 409
  }
  get forbidden() {
    return this.status === 403
  }
  get notFound() {
    return this.status === 404
  }
  get hasFieldErrors() {
    return Object.keys(this.fieldErrors).length > 0
  }
}

export function readCookie(name, cookies = globalThis.document ? document.cookie : '') {
  for (const part of cookies.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return decodeURIComponent(v.join('='))
  }
  return null
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Hook for tests and for the session-expired case (contract: 401 → reload, the gateway logs in again). */
export const hooks = {
  sessionExpired: () => window.location.reload(),
}

export async function api(path, { method = 'GET', body, headers = {}, query, form } = {}) {
  let url = path
  if (query) {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== null && v !== '') params.append(k, v)
    }
    const s = params.toString()
    if (s) url += (url.includes('?') ? '&' : '?') + s
  }
  const h = { Accept: 'application/json', ...headers }
  if (body !== undefined) h['Content-Type'] = 'application/json'
  if (WRITES.has(method)) {
    const token = readCookie('XSRF-TOKEN')
    if (token) h['X-XSRF-TOKEN'] = token
  }
  let response
  try {
    response = await fetch(url, {
      method,
      headers: h,
      credentials: 'same-origin',
      body: form !== undefined ? form : body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (e) {
    throw new ApiError(0, { title: 'Network error', detail: null, network: true })
  }
  if (response.status === 401) {
    hooks.sessionExpired()
    throw new ApiError(401, { title: 'Unauthorized' })
  }
  const type = response.headers.get('Content-Type') || ''
  const json = type.includes('json') ? await response.json().catch(() => null) : null
  if (!response.ok) {
    throw new ApiError(response.status, json)
  }
  if (response.status === 204) return null
  return json
}

/** A lookup that answers null on 404 instead of throwing (e.g. a month with no report yet). */
export async function apiOrNull(path, options) {
  try {
    return await api(path, options)
  } catch (e) {
    if (e instanceof ApiError && e.notFound) return null
    throw e
  }
}
