// The menu, by role. Part 2 adds its entries here (and its routes in router/routes.js).
export const MENU = [
  { to: '/projects', label: 'menu.myProjects', icon: 'OfficeBuilding', roles: ['owner'] },
  { to: '/reports', label: 'menu.bulkReports', icon: 'Upload', roles: ['owner'] },
  { to: '/issues/new', label: 'menu.reportBlocker', icon: 'Warning', roles: ['owner'] },
  { to: '/issues', label: 'menu.myCases', icon: 'Tickets', roles: ['owner'] },
  { to: '/queue', label: 'menu.queue', icon: 'List', roles: ['coordinator'] },
  { to: '/meetings', label: 'menu.meetings', icon: 'Calendar', roles: ['coordinator'] },
  { to: '/case-groups', label: 'menu.caseGroups', icon: 'Connection', roles: ['coordinator'] },
  { to: '/overview', label: 'menu.overview', icon: 'DataBoard', roles: ['manager', 'coordinator', 'admin'] },
  { to: '/map', label: 'menu.map', icon: 'MapLocation', roles: ['manager', 'coordinator', 'admin'] },
  { to: '/charts', label: 'menu.charts', icon: 'TrendCharts', roles: ['manager', 'coordinator', 'admin'] },
  { to: '/portfolio', label: 'menu.portfolio', icon: 'OfficeBuilding', roles: ['manager', 'coordinator', 'admin'] },
  { to: '/reports', label: 'menu.reportExport', icon: 'Download', roles: ['manager', 'coordinator', 'admin'] },
  { to: '/accountability', label: 'menu.accountability', icon: 'Medal', roles: ['manager', 'coordinator', 'admin'] },
  { to: '/admin/warning-rules', label: 'menu.rules', icon: 'Warning', roles: ['admin'] },
  { to: '/admin/calendars', label: 'menu.calendars', icon: 'Calendar', roles: ['admin'] },
  { to: '/admin/escalation-policy', label: 'menu.policy', icon: 'Timer', roles: ['admin'] },
  { to: '/admin/deliveries', label: 'menu.deliveries', icon: 'Message', roles: ['admin'] },
  { to: '/admin/imports', label: 'menu.imports', icon: 'Upload', roles: ['admin'] },
  { to: '/inbox', label: 'menu.inbox', icon: 'Bell' },
  { to: '/preferences', label: 'menu.preferences', icon: 'Setting' },
]

// one entry per page even for someone holding two roles that both list it
export const menuFor = (roles) =>
  MENU.filter((m) => !m.roles || m.roles.some((r) => roles.includes(r))).filter((m, i, all) => all.findIndex((o) => o.to === m.to) === i)

/** Where "/" sends each role. */
export const HOME = { owner: '/projects', coordinator: '/queue', manager: '/overview', admin: '/overview' }
