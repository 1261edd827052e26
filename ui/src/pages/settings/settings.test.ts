import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { noticeProblem, passwordProblem, termsProblem } from './rules'
import { useDraft } from './useDraft'
import { fileSize } from './labels'

describe('设置 form rules', () => {
  it('checks passwords as the app does', () => {
    expect(passwordProblem('short1')).toMatch(/8 位/)
    expect(passwordProblem('abcdefgh')).toMatch(/字母和数字/)
    expect(passwordProblem('wang2024x', 'wang')).toMatch(/用户名/)
    expect(passwordProblem('xueji2024')).toBeNull()
  })

  it('wants a pasted notice with dates in it', () => {
    expect(noticeProblem('  ')).toMatch(/原文/)
    expect(noticeProblem('国务院办公厅关于2027年部分节假日安排的通知')).toMatch(/没有找到日期/)
    expect(noticeProblem('一、元旦：1月1日（周五）至3日（周日）放假，共3天。')).toBeNull()
    expect(noticeProblem('一、元旦:1月1日(星期五)放假')).toBeNull()
  })

  it('wants each term to end after it starts, and no term twice', () => {
    const t = { schoolYear: 2025, semester: 'second', start: '2026-02-24', end: '2026-07-03' }
    expect(termsProblem([t])).toBeNull()
    expect(termsProblem([{ ...t, end: '2026-02-01' }])).toMatch(/晚于/)
    expect(termsProblem([t, t])).toMatch(/两次/)
    expect(termsProblem([{ ...t, start: '' }])).toMatch(/填写/)
  })

  it('shows file sizes', () => {
    expect(fileSize(3 * 1024 * 1024)).toBe('3.0 MB')
  })
})

describe('drafts', () => {
  beforeEach(() => sessionStorage.clear())
  afterEach(() => sessionStorage.clear())

  it('survive a closed dialog but never keep a password', async () => {
    const make = () => useDraft('t', () => ({ username: '', password: '' }), ['password'])
    const first = make()
    first.form.username = 'li'
    first.form.password = 'secret123'
    await nextTick()
    const again = make()
    expect(again.form.username).toBe('li')
    expect(again.form.password).toBe('')
    expect(again.dirty()).toBe(true)
    again.discard()
    expect(make().form.username).toBe('')
  })
})

describe('typed dates', () => {
  it('completes eight digits and checks the calendar', async () => {
    const { isDate, normaliseDate } = await import('./dates')
    expect(normaliseDate('20260224')).toBe('2026-02-24')
    expect(normaliseDate('2026/2/4')).toBe('2026-2-4')
    expect(isDate('2026-02-24')).toBe(true)
    expect(isDate('2026-02-30')).toBe(false)
    expect(isDate('2026-2-4')).toBe(false)
  })
})
