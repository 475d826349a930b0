// The region tree flattened: code → {code, name, nameEn, level, parent}.
export function flattenRegions(root, into = {}) {
  if (!root) return into
  const { children, ...region } = root
  into[region.code] = region
  for (const child of children || []) flattenRegions(child, into)
  return into
}

/** "南昌市 · 市级" / "Nanchang · city level"; the code itself when the tree does not know it. */
export function regionLabel(code, level, byCode, t, locale) {
  if (!code) return '—'
  const region = byCode[code]
  const name = region ? (locale === 'en' && region.nameEn ? region.nameEn : region.name) : code
  const lvl = level || (region && region.level)
  return lvl ? `${name} · ${t('level.' + lvl)}` : name
}

/** The regions a user of region `mine` may choose: `mine` and everything under it (all without `mine`). */
export function regionsWithin(mine, byCode) {
  const within = (code) => {
    for (let c = code; c; c = byCode[c]?.parent) if (c === mine) return true
    return !mine
  }
  return Object.values(byCode).filter((r) => within(r.code))
}
