import { describe, expect, it } from 'vitest'
import type { IpcError } from '@/bindings/bindings'
import { AppError, describeError, fieldError, firstSentence, lawCitation, toIpcError, unwrap } from './errors'

describe('IPC errors', () => {
  const refusal: IpcError = {
    kind: 'ruleViolation',
    code: 'rule_violation',
    message: '休学期间不得转学。',
    ruleId: 'R13.5',
  }

  it('unwrap returns the data of an ok result', () => {
    expect(unwrap({ status: 'ok', data: 42 })).toBe(42)
  })

  it('unwrap throws the error of a failed result as an AppError', () => {
    let thrown: unknown
    try {
      unwrap({ status: 'error', error: refusal })
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(AppError)
    expect((thrown as AppError).ipc).toEqual(refusal)
    expect((thrown as AppError).message).toBe('休学期间不得转学。')
  })

  it('names the rule that refused an action', () => {
    expect(describeError(refusal)).toBe('休学期间不得转学。（依据：R13.5）')
    expect(describeError({ kind: 'notFound', code: 'not_found', message: '找不到该学生。' })).toBe('找不到该学生。')
  })

  it('reads per-field messages of a validation error', () => {
    const e: IpcError = {
      kind: 'validation',
      code: 'validation',
      message: '请更正标红的项目。',
      fields: { idCardNumber: '身份证号校验位不正确' },
    }
    expect(fieldError(e, 'idCardNumber')).toBe('身份证号校验位不正确')
    expect(fieldError(e, 'name')).toBeUndefined()
    expect(fieldError(null, 'name')).toBeUndefined()
  })

  it('turns anything thrown by a call into an IpcError of a known kind', () => {
    expect(toIpcError(new AppError(refusal))).toEqual(refusal)
    expect(toIpcError(refusal)).toEqual(refusal)
    expect(toIpcError('command app_info not found').kind).toBe('internal')
    expect(toIpcError({ kind: 'explode', message: 'x' }).kind).toBe('internal')
    expect(toIpcError(undefined).message).toMatch(/通信失败/)
    expect(toIpcError(undefined).code).toBe('internal')
  })

  it('keeps the machine code, and gives an error without one the code of its kind', () => {
    expect(toIpcError({ kind: 'locked', code: 'key_missing', message: '找不到密钥' }).code).toBe('key_missing')
    expect(toIpcError({ kind: 'notFound', message: '找不到该学生。' })).toEqual({
      kind: 'notFound',
      code: 'not_found',
      message: '找不到该学生。',
    })
    expect(toIpcError({ kind: 'ruleViolation', code: 7, message: 'x' }).code).toBe('rule_violation')
  })
})

describe('law citations', () => {
  const LAW = '《浙江省义务教育阶段学生学籍管理办法》'
  const ARTICLE_13 =
    '第十三条  在符合相关政策的前提下，学生申请转到其他学校就读的，应由学生父母或其他监护人向转入学校提出申请。\n' +
    '学生在转学时不得变更就读年级，学生在休学期间不办理转学手续。'
  const base: IpcError = { kind: 'ruleViolation', code: 'rule_violation', message: '休学期间不得转学。', ruleId: 'R13.5' }

  it('reads the first sentence of an article, without the law name and the article label', () => {
    expect(firstSentence(LAW + ARTICLE_13)).toBe(
      '在符合相关政策的前提下，学生申请转到其他学校就读的，应由学生父母或其他监护人向转入学校提出申请。',
    )
    expect(firstSentence('第七条 没有句号的一段\n下一段')).toBe('没有句号的一段')
  })

  it('prefers the article and the sentence the backend names', () => {
    const sentence = '学生在转学时不得变更就读年级，学生在休学期间不办理转学手续。'
    expect(lawCitation({ ...base, article: '第十三条', lawSentence: sentence, lawText: LAW + ARTICLE_13 })).toEqual({
      law: LAW,
      article: '第十三条',
      sentence,
      text: LAW + ARTICLE_13,
    })
  })

  it('falls back to the article label and the first sentence of the text', () => {
    const c = lawCitation({ ...base, lawText: LAW + ARTICLE_13 })
    expect(c?.law).toBe(LAW)
    expect(c?.article).toBe('第十三条')
    expect(c?.sentence).toMatch(/^在符合相关政策的前提下.*提出申请。$/)
  })

  it('has no citation without law', () => {
    expect(lawCitation(base)).toBeNull()
    expect(lawCitation({ kind: 'validation', code: 'validation', message: '请更正' })).toBeNull()
  })
})
