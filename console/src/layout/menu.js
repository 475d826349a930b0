// The menu, by role. Part 2 adds its entries here (and its routes in router/routes.js).
export const MENU = [
  { to: '/projects', label: 'menu.myProjects', icon: 'OfficeBuilding', roles: ['owner'] },
  { to: '/issues/new', label: 'menu.reportBlocker', icon: 'Warning', roles: ['owner'] },
  { to: '/issues', label: 'menu.myCases', icon: 'Tickets', roles: ['owner'] },
  { to: '/queue', label: 'menu.queue', icon: 'List', roles: ['coordinator'] },
  { to: '/meetings', label: 'menu.meetings', icon: 'Calendar', roles: ['coordinator'] },
  { to: '/inbox', label: 'menu.inbox', icon: 'Bell' },
  { to: '/preferences', label: 'menu.preferences', icon: 'Setting' },
]

export const menuFor = (roles) => MENU.filter((m) => !m.roles || m.roles.some((r) => roles.includes(r)))

/** Where "/" sends each role. */
export const HOME = { owner: '/projects', coordinator: '/queue', manager: '/inbox', admin: '/inbox' }
