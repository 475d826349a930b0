import { describe, it, expect, vi, beforeEach } from 'vitest'
import { mount } from '@vue/test-utils'
import { plugins, flush } from './setup.js'
import { ApiError } from '../src/api/client.js'

// a plain function, not vi.fn(): a spy records an async rejection as the test's own failure
const calls = []
let answer = async () => null
const upload = (...a) => {
  calls.push(a)
  return answer(...a)
}
vi.mock('../src/api/endpoints.js', async () => {
  const real = await vi.importActual('../src/api/endpoints.js')
  return { reportFiles: { ...real.reportFiles, upload: (...a) => upload(...a) } }
})

const stubs = { 'router-link': { template: '<a><slot /></a>', props: ['to'] } }
async function page(roles, region = '360113') {
  const [pinia, i18n] = plugins()
  const { useSession } = await import('../src/stores/session.js')
  useSession(pinia).$patch({
    me: { roles, region: { code: region, level: 'CITY' } },
    regions: { 360100: { code: '360100', name: '南昌市', level: 'CITY' }, 360113: { code: '360113', name: '红谷滩区', level: 'COUNTY', parent: '360100' } },
    loaded: true,
  })
  const ReportFiles = (await import('../src/pages/common/ReportFiles.vue')).default
  return mount(ReportFiles, { global: { plugins: [pinia, i18n], stubs } })
}
async function pick(w, name = 'reports.xlsx') {
  const input = w.find('[data-test="bulk-file"]')
  const file = new File(['x'], name)
  Object.defineProperty(input.element, 'files', { value: [file] })
  await input.trigger('change')
  return file
}

describe('一次填报 page', () => {
  beforeEach(() => {
    calls.length = 0
  }, 60000)

  it('offers the owner the month’s template and lists every bad cell by row and column, nothing filed', async () => {
    answer = async () => {
      throw new ApiError(400, {
        title: 'Bad Request',
        errors: [
          { field: 'row 3: investmentCompleted', message: 'column H (本月完成投资（万元）) must not be negative' },
          { field: 'row 5: suspensionReason', message: 'column L (停工原因) is required when the site is suspended' },
        ],
      })
    }
    const w = await page(['owner'])
    expect(w.find('[data-test="template"]').attributes('href')).toMatch(/^\/api\/progress-reports\/template\?period=\d{4}-\d{2}$/)
    expect(w.find('[data-test="bulk-export"]').exists()).toBe(false)
    const file = await pick(w)
    await w.find('form').trigger('submit')
    await vi.waitFor(() => expect(w.find('[data-test="bulk-errors"]').exists()).toBe(true), { timeout: 15000 })
    expect(calls).toEqual([[expect.stringMatching(/^\d{4}-\d{2}$/), file]])
    const rows = w.findAll('.row-error').map((e) => e.text())
    expect(rows[0]).toContain('row 3: investmentCompleted')
    expect(rows[0]).toContain('column H (本月完成投资（万元）)')
    expect(rows[1]).toContain('row 5: suspensionReason')
    expect(w.find('[data-test="bulk-failed"]').text()).toContain('没有报送任何项目')
    expect(w.find('[data-test="bulk-done"]').exists()).toBe(false)
  }, 60000)

  it('shows what an accepted upload filed, row by row', async () => {
    answer = async () => ({ filed: 2, unchanged: 1, revisions: [{ row: 2, projectId: 'p1', revision: 1 }, { row: 4, projectId: 'p2', revision: 3 }] })
    const w = await page(['owner'])
    await pick(w)
    await w.find('form').trigger('submit')
    await vi.waitFor(() => expect(w.find('[data-test="bulk-done"]').exists()).toBe(true), { timeout: 15000 })
    expect(w.find('[data-test="bulk-done"]').text()).toContain('已报送 2 个项目，1 行')
    expect(w.find('[data-test="bulk-done"]').text()).toContain('第 4 行：已形成第 3 版')
    expect(w.find('[data-test="bulk-errors"]').exists()).toBe(false)
  }, 60000)

  it('sends nothing without a file', async () => {
    const w = await page(['owner'])
    await w.find('form').trigger('submit')
    await flush()
    expect(calls).toEqual([])
  }, 60000)

  it('gives officials the export of their region’s month and no upload', async () => {
    const w = await page(['coordinator'], '360100')
    expect(w.find('[data-test="bulk-upload"]').exists()).toBe(false)
    expect(w.find('[data-test="export-link"]').attributes('href')).toMatch(/^\/api\/progress-reports\/export\?regionCode=360100&period=\d{4}-\d{2}$/)
  }, 60000)
})
