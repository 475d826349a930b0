import { describe, it, expect, vi, beforeEach } from 'vitest'
import { api, ApiError, hooks, readCookie } from '../src/api/client.js'

const respond = (status, body, type = 'application/problem+json') =>
  vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } }))

describe('API client', () => {
  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=tok%2D123'
  })

  it('sends the CSRF cookie back as X-XSRF-TOKEN on writes, not on reads', async () => {
    globalThis.fetch = respond(200, { ok: true }, 'application/json')
    await api('/api/issues', { method: 'POST', body: { a: 1 }, headers: { 'Idempotency-Key': 'k1' } })
    const [url, init] = fetch.mock.calls[0]
    expect(url).toBe('/api/issues')
    expect(init.headers['X-XSRF-TOKEN']).toBe('tok-123')
    expect(init.headers['Idempotency-Key']).toBe('k1')
    expect(init.headers.Accept).toBe('application/json')
    expect(init.credentials).toBe('same-origin')
    await api('/api/issues', { query: { status: 'OPEN', category: '', page: 0 } })
    expect(fetch.mock.calls[1][0]).toBe('/api/issues?status=OPEN&page=0')
    expect(fetch.mock.calls[1][1].headers['X-XSRF-TOKEN']).toBeUndefined()
  })

  it('turns problem+json into an error with its field errors', async () => {
    globalThis.fetch = respond(400, { type: 'x', title: 'Bad Request', status: 400, detail: 'The request has invalid fields', errors: [{ field: 'title', message: 'must not be blank' }] })
    const e = await api('/api/issues', { method: 'POST', body: {} }).catch((x) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect(e.status).toBe(400)
    expect(e.message).toBe('The request has invalid fields')
    expect(e.fieldErrors).toEqual({ title: 'must not be blank' })
  })

  it('marks a 409 as a conflict and a 403 as forbidden', async () => {
    globalThis.fetch = respond(409, { title: 'Conflict', status: 409, detail: 'stale' })
    expect((await api('/api/x').catch((x) => x)).conflict).toBe(true)
    globalThis.fetch = respond(403, { title: 'Forbidden', status: 403 })
    expect((await api('/api/x').catch((x) => x)).forbidden).toBe(true)
  })

  it('reloads the page on 401 so the gateway logs the user in again', async () => {
    globalThis.fetch = respond(401, undefined)
    hooks.sessionExpired = vi.fn()
    await expect(api('/api/me')).rejects.toMatchObject({ status: 401 })
    expect(hooks.sessionExpired).toHaveBeenCalled()
  })

  it('reports a lost connection as status 0', async () => {
    globalThis.fetch = vi.fn(async () => { throw new TypeError('Failed to fetch') })
    expect((await api('/api/x').catch((x) => x)).status).toBe(0)
  })

  it('reads a cookie among others', () => {
    expect(readCookie('XSRF-TOKEN', 'a=1; XSRF-TOKEN=abc%3D; b=2')).toBe('abc=')
  })
})
