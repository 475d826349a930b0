import { describe, it, expect } from 'vitest'
import { formatMoney, formatPercent, formatRatio, formatHours, shanghaiMonth } from '../src/util/format.js'

describe('figures for Chinese readers', () => {
  it('writes money under 1 亿 in 万元 with separators and at most one decimal', () => {
    expect(formatMoney(1234.56)).toBe('1,234.6 万元')
    expect(formatMoney(800)).toBe('800 万元')
    expect(formatMoney(9999.9)).toBe('9,999.9 万元')
  })
  it('switches to 亿元 with two decimals from 10,000 万元', () => {
    expect(formatMoney(10000)).toBe('1.00 亿元')
    expect(formatMoney(123456.78)).toBe('12.35 亿元')
    expect(formatMoney(-25000)).toBe('-2.50 亿元')
  })
  it('names the same units in English', () => {
    expect(formatMoney(1234.56, 'en')).toBe('1,234.6 ×10k yuan')
    expect(formatMoney(250000, 'en')).toBe('25.00 ×100m yuan')
  })
  it('shows a dash for a missing figure', () => {
    expect(formatMoney(null)).toBe('—')
    expect(formatPercent(null)).toBe('—')
    expect(formatRatio(undefined)).toBe('—')
  })
  it('gives percentages with one decimal, from 0–100 and from ratios', () => {
    expect(formatPercent(42.857)).toBe('42.9%')
    expect(formatPercent('50')).toBe('50.0%')
    expect(formatPercent(0)).toBe('0.0%')
    expect(formatRatio(0.8333)).toBe('83.3%')
    expect(formatRatio(1)).toBe('100.0%')
  })
  it('rounds hours to one decimal and reads months in Shanghai', () => {
    expect(formatHours(12.345)).toBe('12.3')
    expect(shanghaiMonth('2026-06-30T16:30:00Z')).toBe('2026-07')
  })
})
