import { describe, it, expect } from 'vitest'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { messages } from '../src/i18n/index.js'

const flat = (o, p = '') => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flat(v, p + k + '.') : [p + k]))
const files = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? files(join(d, f)) : [join(d, f)]))

describe('translations', () => {
  it('has every Chinese message in English too, and nothing extra', () => {
    expect(flat(messages.en).sort()).toEqual(flat(messages['zh-CN']).sort())
  })

  it('knows every literal key the pages use', () => {
    const keys = new Set(flat(messages['zh-CN']))
    const used = new Set()
    for (const f of files('src').filter((f) => /\.(vue|js)$/.test(f))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\$?t\('([a-zA-Z]+\.[a-zA-Z.]+)'/g)) used.add(m[1])
      for (const m of readFileSync(f, 'utf8').matchAll(/label: '([a-z]+\.[a-zA-Z]+)'/g)) used.add(m[1])
    }
    expect([...used].filter((k) => !keys.has(k) && !k.endsWith('.'))).toEqual([])
  })
})
