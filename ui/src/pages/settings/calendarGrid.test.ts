import { describe, expect, it } from 'vitest'
import {
  adjustProblem,
  effectiveDays,
  isWeekend,
  markOf,
  monthCells,
  monthsOf,
  weekdayIndex,
  withAdjustment,
  yearMonths,
} from './calendarGrid'

describe('工作日历 month grid', () => {
  it('knows the weekdays', () => {
    expect(weekdayIndex('2026-02-15')).toBe(6) // Sunday
    expect(weekdayIndex('2026-02-16')).toBe(0) // Monday
    expect(isWeekend('2026-02-14')).toBe(true)
    expect(isWeekend('2026-02-24')).toBe(false)
  })

  it('lays a month out Monday to Sunday', () => {
    const cells = monthCells('2026-02')
    // 1 February 2026 is a Sunday: six blanks first
    expect(cells.slice(0, 7)).toEqual([null, null, null, null, null, null, '2026-02-01'])
    expect(cells.filter(Boolean)).toHaveLength(28)
    expect(cells.length % 7).toBe(0)
    expect(monthsOf(['2026-02-15', '2025-12-31', '2026-02-28'])).toEqual(['2025-12', '2026-02'])
    expect(yearMonths(2027)).toHaveLength(12)
    expect(yearMonths(2027)[11]).toBe('2027-12')
  })

  it('applies the registrar’s adjustments over the notice', () => {
    const entries = [
      { date: '2026-02-15', kind: 'holiday', festival: '春节' },
      { date: '2026-02-14', kind: 'makeup_workday', festival: '春节' },
    ]
    const adjustments = withAdjustment([], { date: '2026-02-14', kind: null, reason: '更正' })
    const days = effectiveDays(entries, withAdjustment(adjustments, { date: '2026-02-24', kind: 'holiday', reason: '补充' }))
    expect(markOf('2026-02-15', days)).toBe('holiday')
    expect(markOf('2026-02-14', days)).toBe('weekend')
    expect(markOf('2026-02-24', days)).toBe('holiday')
    expect(days.get('2026-02-24')?.festival).toBe('（手工调整）')
    expect(markOf('2026-02-25', days)).toBe('workday')
    // one adjustment per day, the latest wins
    const twice = withAdjustment(adjustments, { date: '2026-02-14', kind: 'holiday', reason: '再改' })
    expect(twice).toHaveLength(1)
    expect(twice[0].kind).toBe('holiday')
  })

  it('refuses a make-up workday on a weekday', () => {
    expect(adjustProblem('2026-02-24', 'makeup_workday')).toMatch(/周六或周日/)
    expect(adjustProblem('2026-02-28', 'makeup_workday')).toBeNull()
    expect(adjustProblem('2026-02-24', 'holiday')).toBeNull()
  })
})
