import { describe, expect, it } from 'vitest'
import type { IpcError } from '@/bindings/bindings'
import { AppError, describeError, fieldError, toIpcError, unwrap } from './errors'

describe('IPC errors', () => {
  const refusal: IpcError = { kind: 'ruleViolation', message: '休学期间不得转学。', ruleId: 'R13.5' }

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
    expect(describeError({ kind: 'notFound', message: '找不到该学生。' })).toBe('找不到该学生。')
  })

  it('reads per-field messages of a validation error', () => {
    const e: IpcError = {
      kind: 'validation',
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
  })
})
