// Every page is lazy-loaded; `meta.roles` lists who may open it (others get the 403 page).
// Never start a path with /api, /oauth2, /login, /logout, /docs or /v3: the gateway owns those.
const LEADS = ['manager', 'coordinator', 'admin']

export const routes = [
  { path: '/', name: 'home', component: () => import('../pages/common/HomeRedirect.vue') },
  { path: '/projects', name: 'projects', component: () => import('../pages/owner/MyProjects.vue'), meta: { roles: ['owner'] } },
  { path: '/projects/:id', name: 'report', component: () => import('../pages/owner/ProgressReport.vue') },
  { path: '/reports', name: 'report-files', component: () => import('../pages/common/ReportFiles.vue'), meta: { roles: ['owner', ...LEADS] } },
  { path: '/issues/new', name: 'report-blocker', component: () => import('../pages/owner/ReportBlocker.vue'), meta: { roles: ['owner'] } },
  { path: '/issues', name: 'my-cases', component: () => import('../pages/owner/MyCases.vue'), meta: { roles: ['owner'] } },
  { path: '/issues/:id', name: 'case', component: () => import('../pages/common/CasePage.vue') },
  { path: '/queue', name: 'queue', component: () => import('../pages/coordinator/WorkQueue.vue'), meta: { roles: ['coordinator'] } },
  { path: '/meetings', name: 'meetings', component: () => import('../pages/coordinator/Meetings.vue'), meta: { roles: ['coordinator'] } },
  { path: '/meetings/:id', name: 'meeting', component: () => import('../pages/coordinator/MeetingPage.vue'), meta: { roles: ['coordinator'] } },
  { path: '/case-groups', name: 'case-groups', component: () => import('../pages/coordinator/CaseGroups.vue'), meta: { roles: ['coordinator'] } },
  { path: '/inbox', name: 'inbox', component: () => import('../pages/common/InboxPage.vue') },
  { path: '/preferences', name: 'preferences', component: () => import('../pages/common/PreferencesPage.vue') },
  // part 2: managers (coordinators read the same pages) and admins
  { path: '/overview', name: 'overview', component: () => import('../pages/manager/Overview.vue'), meta: { roles: LEADS } },
  { path: '/map', name: 'map', component: () => import('../pages/manager/MapPage.vue'), meta: { roles: LEADS } },
  { path: '/map/:code', name: 'map-city', component: () => import('../pages/manager/MapPage.vue'), meta: { roles: LEADS } },
  { path: '/charts', name: 'charts', component: () => import('../pages/manager/Charts.vue'), meta: { roles: LEADS } },
  { path: '/portfolio', name: 'portfolio', component: () => import('../pages/manager/ProjectList.vue'), meta: { roles: LEADS } },
  { path: '/portfolio/:id', name: 'portfolio-project', component: () => import('../pages/manager/ProjectPage.vue'), meta: { roles: LEADS } },
  { path: '/accountability', name: 'accountability', component: () => import('../pages/manager/Accountability.vue'), meta: { roles: LEADS } },
  { path: '/unit-cases/:code', name: 'unit-cases', component: () => import('../pages/manager/UnitCases.vue'), meta: { roles: LEADS } },
  { path: '/admin/warning-rules', name: 'admin-rules', component: () => import('../pages/admin/WarningRules.vue'), meta: { roles: ['admin'] } },
  { path: '/admin/calendars', name: 'admin-calendars', component: () => import('../pages/admin/Calendars.vue'), meta: { roles: ['admin'] } },
  { path: '/admin/escalation-policy', name: 'admin-policy', component: () => import('../pages/admin/Policy.vue'), meta: { roles: ['admin'] } },
  { path: '/admin/deliveries', name: 'admin-deliveries', component: () => import('../pages/admin/Deliveries.vue'), meta: { roles: ['admin'] } },
  { path: '/admin/imports', name: 'admin-imports', component: () => import('../pages/admin/Imports.vue'), meta: { roles: ['admin'] } },
  { path: '/forbidden', name: 'forbidden', component: () => import('../pages/common/ErrorPage.vue'), props: { status: 403 } },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('../pages/common/ErrorPage.vue'), props: { status: 404 } },
]
