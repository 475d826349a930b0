// Enums of the API the pages offer as choices (DESIGN.md "Request bodies").
export const CATEGORIES = ['LAND', 'FUNDING', 'PERMIT', 'LABOR', 'MATERIALS', 'LOGISTICS', 'ENERGY', 'EPIDEMIC_CONTROL', 'DEMOLITION', 'OTHER']
export const LEVELS = ['COUNTY', 'CITY', 'PROVINCE']
export const INDUSTRIES = ['TRANSPORT', 'ENERGY', 'WATER', 'INDUSTRY', 'URBAN', 'SOCIAL', 'OTHER']
export const PROJECT_LEVELS = ['PROVINCIAL', 'CITY', 'COUNTY']
export const PROJECT_STATUSES = ['PLANNED', 'PRE_CONSTRUCTION', 'UNDER_CONSTRUCTION', 'COMPLETED', 'SUSPENDED']
export const COLOURS = ['RED', 'YELLOW', 'GREEN']

const WARNING_ORDER = { RED: 0, YELLOW: 1, GREEN: 2 }
/** Red first, then yellow, then green (no colour last), then by code. */
export const byWarning = (a, b) =>
  (WARNING_ORDER[a.warning?.level] ?? 3) - (WARNING_ORDER[b.warning?.level] ?? 3) || String(a.code).localeCompare(String(b.code))
