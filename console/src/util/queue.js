// The coordinator's queue order: red first, then yellow, then by deadline (earliest first).
const RANK = { RED: 0, YELLOW: 1, GREEN: 2 }

export function queueOrder(a, b) {
  const ra = RANK[a.warning] ?? 3
  const rb = RANK[b.warning] ?? 3
  if (ra !== rb) return ra - rb
  const da = a.dueAt ? Date.parse(a.dueAt) : Infinity
  const db = b.dueAt ? Date.parse(b.dueAt) : Infinity
  if (da !== db) return da - db
  return String(a.number).localeCompare(String(b.number))
}

export const sortQueue = (cases) => [...cases].sort(queueOrder)
