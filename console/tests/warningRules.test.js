import { describe, it, expect, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { plugins } from './setup.js'

const rules = { startSlipYellowMonths: 3, startSlipRedMonths: 6, paceYellowPoints: 10, paceRedPoints: 20, suspendedIsRed: true, missingReportIsYellow: true }
const preview = vi.fn()
const save = vi.fn()
vi.mock('../src/api/endpoints.js', () => ({
  warningRules: { get: async () => ({ ...rules }), preview: (...a) => preview(...a), save: (...a) => save(...a) },
}))

describe('warning rules page', () => {
  it('previews how many projects the edited rules would recolour, without saving', async () => {
    preview.mockResolvedValue({ projects: 12, changing: 4, changes: { 'GREEN→YELLOW': 1, 'YELLOW→RED': 3 } })
    const [pinia, i18n] = plugins()
    const WarningRules = (await import('../src/pages/admin/WarningRules.vue')).default
    const w = mount(WarningRules, { global: { plugins: [pinia, i18n] } })
    await vi.waitFor(() => expect(w.find('[data-test="preview-rules"]').exists()).toBe(true), { timeout: 15000 })
    await w.find('[data-test="preview-rules"]').trigger('click')
    await vi.waitFor(() => expect(w.find('[data-test="preview"]').exists()).toBe(true), { timeout: 15000 })
    expect(preview).toHaveBeenCalledWith(rules)
    expect(save).not.toHaveBeenCalled()
    expect(w.find('[data-test="preview-summary"]').text()).toBe('12 个项目中有 4 个会变色（尚未保存）。')
    const first = w.find('[data-change="YELLOW→RED"]').text()
    expect(first).toContain('黄灯')
    expect(first).toContain('红灯')
    expect(first).toContain('3 个项目')
    expect(w.findAll('[data-change]').map((e) => e.attributes('data-change'))).toEqual(['YELLOW→RED', 'GREEN→YELLOW'])
  })
})
