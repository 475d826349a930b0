// First-load size: the entry chunk, every chunk it imports statically, and their CSS, gzipped.
// Lazy routes are left out: they load when their page is opened. Run after `vite build`.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

const dir = process.argv[2] || 'target/classes/META-INF/resources'
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))
const files = new Set(['index.html'])
const visit = (key) => {
  const chunk = manifest[key]
  if (!chunk || files.has(chunk.file)) return
  files.add(chunk.file)
  for (const css of chunk.css || []) files.add(css)
  for (const imported of chunk.imports || []) visit(imported)
}
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key)

let total = 0
for (const f of [...files].sort()) {
  const size = gzipSync(readFileSync(join(dir, f)), { level: 9 }).length
  total += size
  console.log(`${(size / 1024).toFixed(1).padStart(8)} KB  ${f}`)
}
console.log(`${(total / 1024).toFixed(1).padStart(8)} KB  first load, gzip (budget 500 KB)`)
if (total > 500 * 1024) {
  console.error('over the 500 KB budget')
  process.exit(1)
}
