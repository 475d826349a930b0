import { defineStore } from 'pinia'
import * as endpoints from '../api/endpoints.js'
import { flattenRegions } from '../util/regions.js'

/** Who is signed in (/api/me) and the region names (/api/regions), loaded once per page load. */
export const useSession = defineStore('session', {
  state: () => ({ me: null, regions: {}, loaded: false, error: null }),
  getters: {
    roles: (s) => s.me?.roles || [],
    primaryRole: (s) => ['admin', 'manager', 'coordinator', 'owner'].find((r) => s.me?.roles?.includes(r)),
  },
  actions: {
    async load() {
      if (this.loaded) return
      try {
        const [me, tree] = await Promise.all([endpoints.me(), endpoints.regions().catch(() => null)])
        this.me = me
        this.regions = flattenRegions(tree)
        this.loaded = true
      } catch (e) {
        this.error = e
        throw e
      }
    },
    hasAnyRole(roles) {
      return !roles || roles.some((r) => this.roles.includes(r))
    },
    parentOf(code) {
      return this.regions[code]?.parent || null
    },
  },
})
