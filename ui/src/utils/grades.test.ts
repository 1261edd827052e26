import { describe, expect, it } from 'vitest'
import { GRADE_OPTIONS, gradeLabel } from './grades'

describe('grades', () => {
  it('names a grade as the law writes it', () => {
    expect(gradeLabel(1)).toBe('一年级')
    expect(gradeLabel(7)).toBe('七年级')
    expect(gradeLabel(9)).toBe('九年级')
    expect(gradeLabel(10)).toBe('10年级')
    expect(gradeLabel(null)).toBe('—')
    expect(gradeLabel(undefined)).toBe('—')
  })

  it('offers grades one to nine', () => {
    expect(GRADE_OPTIONS).toHaveLength(9)
    expect(GRADE_OPTIONS[0]).toEqual({ value: 1, label: '一年级' })
    expect(GRADE_OPTIONS[8]).toEqual({ value: 9, label: '九年级' })
  })
})
