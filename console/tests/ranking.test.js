import { describe, it, expect, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { plugins } from './setup.js'

const ranking = vi.fn()
vi.mock('../src/api/endpoints.js', () => ({ accountabilityRanking: (...a) => ranking(...a) }))

const place = (rank, regionCode, regionName, onTimeRate) => ({ rank, regionCode, regionName, resolved: 4, resolvedOnTime: 3, onTimeRate, hoursHoldingPerStay: 12.5 })

async function board(view) {
  ranking.mockResolvedValue(view)
  const [pinia, i18n] = plugins()
  const RankingBoard = (await import('../src/pages/manager/RankingBoard.vue')).default
  const w = mount(RankingBoard, { props: { regionCode: '360100' }, global: { plugins: [pinia, i18n] } })
  await vi.waitFor(() => expect(w.find('[data-test="ranking-state"]').exists()).toBe(true), { timeout: 15000 })
  return w
}

describe('红黑榜', () => {
  it('shows a frozen month with its hash check and each level’s red and black lists', async () => {
    const w = await board({
      period: '2026-10', minResolved: 3, frozen: true, frozenAt: '2026-11-01T01:00:00Z', intact: true,
      levels: [{ level: 'COUNTY', eligible: 4, best: [place(1, '360113', '红谷滩区', 1)], worst: [place(4, '360121', '南昌县', 0.25)] }],
    })
    expect(ranking).toHaveBeenCalledWith(expect.objectContaining({ regionCode: '360100' }))
    expect(w.find('[data-test="ranking-state"]').text()).toContain('哈希链校验通过')
    expect(w.find('[data-board="best"]').text()).toContain('红谷滩区')
    expect(w.find('[data-board="best"]').text()).toContain('100.0%')
    expect(w.find('[data-board="worst"]').text()).toContain('南昌县')
    expect(w.find('[data-board="worst"] h3').text()).toContain('黑榜')
  })
  it('says when a frozen month was changed after freezing', async () => {
    const w = await board({ period: '2026-10', minResolved: 3, frozen: true, frozenAt: '2026-11-01T01:00:00Z', intact: false, levels: [] })
    expect(w.find('[data-test="ranking-state"]').text()).toContain('校验失败')
    expect(w.text()).toContain('暂无榜单')
  })
})
