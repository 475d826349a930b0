import { defineStore } from 'pinia'
import { markRaw } from 'vue'
import { notifications } from '../api/endpoints.js'

const FIRST_RETRY_MS = 2000
const MAX_RETRY_MS = 60000
let retryDelay = 0

/** The bell: unread count, kept live from the SSE stream; `tick` moves on each live event. */
export const useNotifications = defineStore('notifications', {
  state: () => ({ unread: 0, latest: null, tick: 0, source: null }),
  actions: {
    async refresh() {
      try {
        this.unread = (await notifications.unreadCount()).count
      } catch {
        /* the bell stays as it was; pages show their own errors */
      }
    },
    connect() {
      if (this.source || typeof EventSource === 'undefined') return
      this.refresh()
      const source = new EventSource('/api/notifications/stream')
      source.addEventListener('notification', (e) => {
        try {
          this.latest = JSON.parse(e.data)
        } catch {
          this.latest = null
        }
        this.unread += 1
        this.tick += 1
      })
      // after a dropped connection the browser reconnects by itself; recount then
      source.addEventListener('ready', () => {
        retryDelay = 0
        this.refresh()
      })
      // but it gives up when the answer is no stream (a 503 while notification-service restarts,
      // a 401 once the session is gone): then open a new one, waiting longer each time, up to a
      // minute, so the bell comes back live without reloading the page
      source.addEventListener('error', () => {
        if (source.readyState !== EventSource.CLOSED || this.source !== source) return
        this.source = null
        retryDelay = Math.min(MAX_RETRY_MS, retryDelay ? retryDelay * 2 : FIRST_RETRY_MS)
        setTimeout(() => this.connect(), retryDelay)
      })
      this.source = markRaw(source) // a browser object, not state to watch
    },
  },
})
