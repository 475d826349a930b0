// Enums of the API the pages offer as choices (DESIGN.md "Request bodies").
export const CATEGORIES = ['LAND', 'FUNDING', 'PERMIT', 'LABOR', 'MATERIALS', 'LOGISTICS', 'ENERGY', 'EPIDEMIC_CONTROL', 'DEMOLITION', 'OTHER']
export const LEVELS = ['COUNTY', 'CITY', 'PROVINCE']
