import { defineStore } from 'pinia'
import { notifications } from '../api/endpoints.js'

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
      source.addEventListener('ready', () => this.refresh())
      this.source = source
    },
  },
})
