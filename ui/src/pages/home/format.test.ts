import { describe, expect, it } from 'vitest'
import { dueText, isOverdue, targetOf } from './format'
import { barOption, pieOption } from './charts'

describe('首页 to-do deadlines', () => {
  it('reads working days left, due today and overdue, provisional dates alike', () => {
    expect(dueText({ dueOn: '2026-03-06', workingDaysLeft: 4 })).toBe('剩 4 个工作日')
    expect(dueText({ dueOn: '2026-03-02', workingDaysLeft: 0 })).toBe('今天到期')
    expect(dueText({ dueOn: '2026-02-27', workingDaysLeft: -1 })).toBe('逾期 1 个工作日')
    expect(dueText({ dueOn: null, workingDaysLeft: null })).toBe('无期限')
    // 2027 counted on the statutory holidays (its notice not loaded): still working days
    expect(dueText({ dueOn: '2027-01-11', workingDaysLeft: 6 })).toBe('剩 6 个工作日')
  })

  it('is red once overdue', () => {
    expect(isOverdue({ overdue: true, workingDaysLeft: null })).toBe(true)
    expect(isOverdue({ overdue: false, workingDaysLeft: -2 })).toBe(true)
    expect(isOverdue({ overdue: false, workingDaysLeft: 3 })).toBe(false)
  })

  it('links to the application, else to the student', () => {
    expect(targetOf({ applicationId: 7, studentId: 3 })).toBe('/changes/7')
    expect(targetOf({ applicationId: null, studentId: 3 })).toBe('/students/3')
    expect(targetOf({ applicationId: null, studentId: null })).toBeNull()
  })
})

describe('首页 charts', () => {
  const counts = [
    { code: '1', label: '一年级', count: 40 },
    { code: '2', label: '二年级', count: 0 },
  ]

  it('draws counts as labelled bars', () => {
    const o = barOption(counts, '人数') as { xAxis: { data: string[] }; series: { data: number[] }[] }
    expect(o.xAxis.data).toEqual(['一年级', '二年级'])
    expect(o.series[0].data).toEqual([40, 0])
  })

  it('leaves empty slices out of the ring', () => {
    const o = pieOption(counts, '状态') as { series: { data: { name: string; value: number }[] }[] }
    expect(o.series[0].data).toEqual([{ name: '一年级', value: 40 }])
  })
})
