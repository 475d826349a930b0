import { describe, it, expect, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import ReportForm from '../src/components/ReportForm.vue'
import { ApiError } from '../src/api/client.js'
import { plugins, settle } from './setup.js'

function mountForm(save = vi.fn(async (body) => ({ revision: 1, ...body }))) {
  const wrapper = mount(ReportForm, {
    props: { save, previousPeriod: '2026-10', previous: { investmentCompleted: 12345.5, physicalProgressPercent: 40, workersOnSite: 120, siteState: 'WORKING' } },
    global: { plugins: plugins() },
  })
  return { wrapper, save }
}
const fill = async (wrapper, values) => {
  for (const [name, value] of Object.entries(values)) await wrapper.find(`[name="${name}"]`).setValue(value)
}
const submit = async (wrapper) => {
  await wrapper.find('form').trigger('submit')
  await settle()
}

describe('monthly report form', () => {
  it('says next to each empty field that it is required and sends nothing', async () => {
    const { wrapper, save } = mountForm()
    await submit(wrapper)
    expect(save).not.toHaveBeenCalled()
    expect(wrapper.findAll('.el-form-item__error').map((e) => e.text())).toEqual(['请填写此项', '请填写此项', '请填写此项'])
  })

  it('shows the previous month with thousands separators', () => {
    const { wrapper } = mountForm()
    expect(wrapper.find('[data-test="previous"]').text()).toContain('12,345.5')
  })

  it('refuses a percentage above 100 and a fractional number of workers', async () => {
    const { wrapper, save } = mountForm()
    await fill(wrapper, { investmentCompleted: '10', physicalProgressPercent: '120', workersOnSite: '3.5' })
    await submit(wrapper)
    expect(save).not.toHaveBeenCalled()
    const text = wrapper.text()
    expect(text).toContain('请输入 0–100 之间的数')
    expect(text).toContain('请输入不小于 0 的整数')
  })

  it('tells before sending that a suspended site needs a reason', async () => {
    const { wrapper, save } = mountForm()
    expect(wrapper.find('[data-test="suspension-hint"]').text()).toContain('时必须填写停工原因')
    await fill(wrapper, { investmentCompleted: '0', physicalProgressPercent: '35', workersOnSite: '0' })
    await wrapper.findAll('input[type="radio"]').find((r) => r.element.value === 'SUSPENDED').setValue(true)
    await submit(wrapper)
    expect(save).not.toHaveBeenCalled()
    expect(wrapper.find('.el-form-item__error').text()).toBe('现场停工时必须填写停工原因')

    await fill(wrapper, { suspensionReason: '环保督察停工' })
    await submit(wrapper)
    expect(save).toHaveBeenCalledWith({
      investmentCompleted: 0, physicalProgressPercent: 35, workersOnSite: 0,
      siteState: 'SUSPENDED', suspensionReason: '环保督察停工', note: null,
    })
    expect(wrapper.emitted('saved')[0][0].revision).toBe(1)
  })

  it('puts the server’s field errors next to the field', async () => {
    const save = vi.fn(async () => {
      throw new ApiError(400, { status: 400, title: 'Bad Request', errors: [{ field: 'period', message: 'must not be in the future' }, { field: 'note', message: 'size must be at most 4000' }] })
    })
    const { wrapper } = mountForm(save)
    await fill(wrapper, { investmentCompleted: '1', physicalProgressPercent: '1', workersOnSite: '1' })
    await submit(wrapper)
    expect(save).toHaveBeenCalled()
    expect(wrapper.find('.el-form-item__error').text()).toBe('size must be at most 4000')
    expect(wrapper.find('.problem').text()).toContain('请按提示修改标出的字段')
  })

  it('explains a 409 and offers a reload', async () => {
    const save = vi.fn(async () => {
      throw new ApiError(409, { status: 409, title: 'Conflict', detail: 'changed by someone else' })
    })
    const { wrapper } = mountForm(save)
    await fill(wrapper, { investmentCompleted: '1', physicalProgressPercent: '1', workersOnSite: '1' })
    await submit(wrapper)
    const alert = wrapper.find('.problem')
    expect(alert.text()).toContain('刚被其他人修改过')
    await alert.find('button').trigger('click')
    expect(wrapper.emitted('reload')).toHaveLength(1)
  })
})
