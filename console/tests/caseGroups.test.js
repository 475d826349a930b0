import { describe, it, expect, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { clusterChoices, groupBody } from '../src/util/caseGroups.js'
import { plugins } from './setup.js'

const cluster = {
  key: 'LAND:360100:a', category: 'LAND', regionCode: '360100', regionName: '南昌市', score: 0.534,
  reasons: ['用地', '同一县：进贤县', '文本相似度 0.53', '共同词：补偿、征地'],
  cases: [
    { id: 'i1', number: 'JX-1', title: '征地补偿未到位', projectName: '甲' },
    { id: 'i2', number: 'JX-2', title: '征地补偿标准争议', projectName: '乙' },
    { id: 'i3', number: 'JX-3', title: '征地补偿款拖欠', projectName: '丙' },
  ],
}

describe('case group choices', () => {
  it('ticks every case of a suggestion and sends a title only when written', () => {
    const c = clusterChoices([cluster])
    expect(c['LAND:360100:a']).toEqual({ caseIds: ['i1', 'i2', 'i3'], title: '' })
    expect(groupBody(c['LAND:360100:a'])).toEqual({ caseIds: ['i1', 'i2', 'i3'] })
    expect(groupBody({ caseIds: ['i1', 'i2'], title: '  进贤征地 ' })).toEqual({ caseIds: ['i1', 'i2'], title: '进贤征地' })
  })
})

const confirm = vi.fn()
vi.mock('../src/api/endpoints.js', () => ({
  caseGroups: {
    clusters: async () => ({ regionCode: '360100', compared: 40, limit: 2000, truncated: false, threshold: 0.3, clusters: [cluster] }),
    list: async () => ({ content: [], totalElements: 0 }),
    confirm: (...a) => confirm(...a),
  },
}))

describe('case groups page', () => {
  it('shows a suggestion with its score and reasons and confirms the ticked cases', async () => {
    confirm.mockResolvedValue({ id: 'g1' })
    const [pinia, i18n] = plugins()
    const { useSession } = await import('../src/stores/session.js')
    useSession(pinia).$patch({ me: { roles: ['coordinator'], region: { code: '360100', level: 'CITY' } }, regions: {}, loaded: true })
    const Page = (await import('../src/pages/coordinator/CaseGroups.vue')).default
    const w = mount(Page, { global: { plugins: [pinia, i18n], stubs: { 'router-link': { template: '<a><slot /></a>', props: ['to'] } } } })
    await vi.waitFor(() => expect(w.find('[data-test="score"]').exists()).toBe(true), { timeout: 15000 })
    expect(w.find('[data-test="score"]').text()).toBe('相似度 0.53')
    expect(w.find('.reasons').text()).toContain('共同词：补偿、征地')
    expect(w.find('[data-test="confirm-group"]').text()).toContain('3 件')
    await w.find('[data-cluster] form').trigger('submit')
    await vi.waitFor(() => expect(confirm).toHaveBeenCalledWith({ caseIds: ['i1', 'i2', 'i3'] }), { timeout: 15000 })
  })
})
