// The coordination meetings list (GET /api/coordination-meetings).
export const MEETINGS_PAGE = 20

/** The list's query from the page's filters (empty ones left out); `page` counted from 1, dates YYYY-MM-DD. */
export function meetingQuery(filters, page = 1) {
  const q = { page: page - 1, size: MEETINGS_PAGE }
  if (filters.regionCode) q.regionCode = filters.regionCode
  if (filters.status) q.status = filters.status
  if (filters.dates?.[0]) q.from = filters.dates[0]
  if (filters.dates?.[1]) q.to = filters.dates[1]
  return q
}
