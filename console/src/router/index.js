import { createRouter, createWebHistory } from 'vue-router'
import { routes } from './routes.js'
import { useSession } from '../stores/session.js'

export function makeRouter(history = createWebHistory('/')) {
  const router = createRouter({ history, routes })
  router.beforeEach(async (to) => {
    const session = useSession()
    try {
      await session.load()
    } catch {
      return true // the layout shows the error; a 401 already reloads into the login
    }
    if (!session.hasAnyRole(to.meta.roles)) {
      return { name: 'forbidden', query: { from: to.fullPath } }
    }
    return true
  })
  // a page chunk that cannot load (a new build replaced its hashed file): load the page afresh
  router.onError((error, to) => {
    if (/dynamically imported module|Importing a module script failed/.test(String(error?.message))) {
      window.location.assign(to.fullPath)
    }
  })
  return router
}
