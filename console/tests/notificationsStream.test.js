import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useNotifications } from '../src/stores/notifications.js'

/** The browser's EventSource as far as the bell uses it: listeners, readyState, the URL. */
class FakeEventSource {
  static CONNECTING = 0
  static OPEN = 1
  static CLOSED = 2
  static opened = []
  constructor(url) {
    this.url = url
    this.readyState = FakeEventSource.CONNECTING
    this.listeners = {}
    FakeEventSource.opened.push(this)
  }
  addEventListener(type, fn) {
    ;(this.listeners[type] ||= []).push(fn)
  }
  emit(type, data) {
    for (const fn of this.listeners[type] || []) fn({ data })
  }
  close() {
    this.readyState = FakeEventSource.CLOSED
  }
}

/** The browser gives up on a stream (e.g. answered 503): CLOSED, then an error event. */
const giveUp = (source) => {
  source.readyState = FakeEventSource.CLOSED
  source.emit('error')
}

describe('the bell’s live stream', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    FakeEventSource.opened = []
    globalThis.EventSource = FakeEventSource
    globalThis.fetch = vi.fn(async () => new Response(JSON.stringify({ count: 3 }), { status: 200, headers: { 'Content-Type': 'application/json' } }))
    setActivePinia(createPinia())
  })
  afterEach(() => {
    vi.useRealTimers()
    delete globalThis.EventSource
  })

  it('counts live notifications and recounts when the stream (re)opens', async () => {
    const bell = useNotifications()
    bell.connect()
    const [source] = FakeEventSource.opened
    expect(source.url).toBe('/api/notifications/stream')
    await vi.runOnlyPendingTimersAsync()
    expect(bell.unread).toBe(3)
    source.emit('notification', JSON.stringify({ id: 'n1', title: '新案件' }))
    expect(bell.unread).toBe(4)
    expect(bell.latest.id).toBe('n1')
    source.emit('ready', '{}')
    await vi.runOnlyPendingTimersAsync()
    expect(bell.unread).toBe(3)
  })

  it('lets the browser retry a dropped stream, and opens a new one, later each time, when it gave up', async () => {
    const bell = useNotifications()
    bell.connect()
    const first = FakeEventSource.opened[0]

    // a dropped connection the browser retries by itself (still CONNECTING): nothing to do
    first.emit('error')
    await vi.advanceTimersByTimeAsync(120000)
    expect(FakeEventSource.opened).toHaveLength(1)

    // the browser gave up (the answer was a 503 while the service restarted)
    giveUp(first)
    await vi.advanceTimersByTimeAsync(1999)
    expect(FakeEventSource.opened).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(FakeEventSource.opened).toHaveLength(2)

    // still down: the next try waits twice as long
    giveUp(FakeEventSource.opened[1])
    await vi.advanceTimersByTimeAsync(3999)
    expect(FakeEventSource.opened).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(FakeEventSource.opened).toHaveLength(3)

    // back: the stream says ready, and a later give-up starts again from the first wait
    const third = FakeEventSource.opened[2]
    third.emit('ready', '{}')
    giveUp(third)
    await vi.advanceTimersByTimeAsync(2000)
    expect(FakeEventSource.opened).toHaveLength(4)
    expect(bell.source).toBe(FakeEventSource.opened[3])
  })

  it('never waits more than a minute between tries', async () => {
    const bell = useNotifications()
    bell.connect()
    for (let i = 0; i < 8; i++) {
      giveUp(FakeEventSource.opened.at(-1))
      await vi.advanceTimersByTimeAsync(60000)
    }
    expect(FakeEventSource.opened).toHaveLength(9)
  })
})
