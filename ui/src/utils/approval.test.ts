import { describe, expect, it } from 'vitest'
import { approvalRules, documentNumberYear } from './approval'

/** Runs a rule's validator and returns its message, or '' when it passes. */
function check(rule: { validator?: unknown }, value: unknown): string {
  let message = ''
  const validator = rule.validator as (r: unknown, v: unknown, cb: (e?: Error) => void) => void
  validator({}, value, (e?: Error) => {
    message = e?.message ?? ''
  })
  return message
}

describe('the bureau approval as the forms check it (R30.2)', () => {
  it('reads the year of a document number in its official form', () => {
    expect(documentNumberYear('西教籍〔2026〕5号')).toBe(2026)
    expect(documentNumberYear(' 杭教办（2025）12号 ')).toBe(2025)
    expect(documentNumberYear('西教籍[2026]5号')).toBe(2026)
    for (const bad of ['同意', '2026-5', '西教籍〔26〕5号', '西教籍〔2026〕号', '〔2026〕5号', 'ABC〔2026〕5号', '西教籍〔2026〕0号']) {
      expect(documentNumberYear(bad), bad).toBeNull()
    }
  })

  it('asks for both parts when the disclosure needs them, and for the other part when one is given', () => {
    const form = { approvalRef: '', approvedOn: null as string | null }
    let needed = true
    const rules = approvalRules(form, () => needed)
    expect(check(rules.approvalRef[0], '')).toContain('R30.2')
    expect(check(rules.approvedOn[0], null)).toContain('核准日期')
    needed = false
    expect(check(rules.approvalRef[0], '')).toBe('')
    expect(check(rules.approvedOn[0], null)).toBe('')
    form.approvalRef = '西教籍〔2026〕5号'
    expect(check(rules.approvedOn[0], null)).toContain('核准日期')
    expect(check(rules.approvedOn[0], '2025-12-30')).toContain('2026')
    expect(check(rules.approvedOn[0], '2026-12-01')).toBe('')
    expect(check(rules.approvalRef[0], '局里同意')).toContain('机关代字')
  })
})
