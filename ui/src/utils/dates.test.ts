import { describe, expect, it } from 'vitest'
import { beijingToday } from './dates'

describe('dates', () => {
  it('today is the Beijing date', () => {
    expect(beijingToday(new Date('2025-08-31T16:30:00Z'))).toBe('2025-09-01')
    expect(beijingToday(new Date('2025-08-31T15:30:00Z'))).toBe('2025-08-31')
  })
})
