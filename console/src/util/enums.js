// Enums of the API the pages offer as choices (DESIGN.md "Request bodies").
export const CATEGORIES = ['LAND', 'FUNDING', 'PERMIT', 'LABOR', 'MATERIALS', 'LOGISTICS', 'ENERGY', 'EPIDEMIC_CONTROL', 'DEMOLITION', 'OTHER']
export const LEVELS = ['COUNTY', 'CITY', 'PROVINCE']
export const INDUSTRIES = ['TRANSPORT', 'ENERGY', 'WATER', 'INDUSTRY', 'URBAN', 'SOCIAL', 'OTHER']
export const PROJECT_LEVELS = ['PROVINCIAL', 'CITY', 'COUNTY']
export const PROJECT_STATUSES = ['PLANNED', 'PRE_CONSTRUCTION', 'UNDER_CONSTRUCTION', 'COMPLETED', 'SUSPENDED']
export const COLOURS = ['RED', 'YELLOW', 'GREEN']

export const PORTFOLIO_PAGE = 100

/** The project list's query: the filters as the API names them (empty ones left out), `page` counted from 1. */
export function portfolioQuery(filters, page = 1) {
  const q = { page: page - 1, size: PORTFOLIO_PAGE, sort: filters.sort || 'warning' }
  for (const k of ['regionCode', 'level', 'industry', 'status', 'warning', 'q']) if (filters[k]) q[k] = filters[k]
  return q
}
