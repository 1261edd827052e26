import { describe, expect, it } from 'vitest'
import { checkPassword, gradesOf, passwordProblem, SCHOOL_CODE, USERNAME } from './rules'

describe('first-run form rules', () => {
  it('checks the password policy as typed (R30.3)', () => {
    expect(passwordProblem('abc123', 'xjgly')).toBe('密码至少8位')
    expect(passwordProblem('abcdefgh', 'xjgly')).toBe('密码须同时包含字母和数字')
    expect(passwordProblem('12345678', 'xjgly')).toBe('密码须同时包含字母和数字')
    expect(passwordProblem('XJGLY2024', 'xjgly')).toBe('密码不能包含用户名')
    expect(passwordProblem('Xueji2024', 'xjgly')).toBeNull()
    expect(checkPassword('学籍管理abcd1', '')).toEqual({ long: true, mixed: true, notUsername: true })
  })

  it('knows the grades of each school kind', () => {
    expect(gradesOf('primary')).toEqual([1, 2, 3, 4, 5, 6])
    expect(gradesOf('junior')).toEqual([7, 8, 9])
    expect(gradesOf('nine_year')).toHaveLength(9)
  })

  it('checks the school code and the user name', () => {
    expect(SCHOOL_CODE.test('3133001234')).toBe(true)
    expect(SCHOOL_CODE.test('313300123')).toBe(false)
    expect(USERNAME.test('xjgly')).toBe(true)
    expect(USERNAME.test('王老师')).toBe(false)
  })
})
