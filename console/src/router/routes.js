// Every page is lazy-loaded; `meta.roles` lists who may open it (others get the 403 page).
// Never start a path with /api, /oauth2, /login, /logout, /docs or /v3: the gateway owns those.
export const routes = [
  { path: '/', name: 'home', component: () => import('../pages/common/HomeRedirect.vue') },
  { path: '/projects', name: 'projects', component: () => import('../pages/owner/MyProjects.vue'), meta: { roles: ['owner'] } },
  { path: '/projects/:id', name: 'report', component: () => import('../pages/owner/ProgressReport.vue') },
  { path: '/issues/new', name: 'report-blocker', component: () => import('../pages/owner/ReportBlocker.vue'), meta: { roles: ['owner'] } },
  { path: '/issues', name: 'my-cases', component: () => import('../pages/owner/MyCases.vue'), meta: { roles: ['owner'] } },
  { path: '/issues/:id', name: 'case', component: () => import('../pages/common/CasePage.vue') },
  { path: '/queue', name: 'queue', component: () => import('../pages/coordinator/WorkQueue.vue'), meta: { roles: ['coordinator'] } },
  { path: '/meetings', name: 'meetings', component: () => import('../pages/coordinator/Meetings.vue'), meta: { roles: ['coordinator'] } },
  { path: '/meetings/:id', name: 'meeting', component: () => import('../pages/coordinator/MeetingPage.vue'), meta: { roles: ['coordinator'] } },
  { path: '/inbox', name: 'inbox', component: () => import('../pages/common/InboxPage.vue') },
  { path: '/preferences', name: 'preferences', component: () => import('../pages/common/PreferencesPage.vue') },
  { path: '/forbidden', name: 'forbidden', component: () => import('../pages/common/ErrorPage.vue'), props: { status: 403 } },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('../pages/common/ErrorPage.vue'), props: { status: 404 } },
]
