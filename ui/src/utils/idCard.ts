/**
 * The 18-character resident ID number of GB 11643-1999 (R7.1), checked as the registrar types.
 * Mirrors `src-tauri/crates/domain/src/id_card.rs`: province code, a real birth date from 1900
 * and not after today, the ISO 7064 MOD 11-2 check character. The backend checks again on save;
 * this only tells the registrar early what is wrong.
 */

import { beijingToday } from './dates'

/** Weights of the first 17 digits (2^(17-i) mod 11). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
/** Check character for a weighted sum mod 11. */
const CHECK = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2']

/** Province-level codes (GB/T 2260), plus 71 Taiwan, 81 Hong Kong, 82 Macao, 83. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41',
  '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71',
  '81', '82', '83',
])

export type Sex = 'male' | 'female'

/** What a typed ID number tells, or what is wrong with it. */
export type IdCardCheck =
  | { ok: true; value: string; birthDate: string; sex: Sex; areaCode: string }
  | { ok: false; value: string; message: string; complete: boolean }

/** The MOD 11-2 check character of 17 leading digits, or null if they are not 17 digits. */
export function checkCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK[sum % 11]
}

/** Full-width digits and `Ｘ`/`x` become ASCII upper case; surrounding blanks go. */
export function normaliseIdNumber(input: string): string {
  return Array.from(input.trim())
    .map((c) => {
      const code = c.charCodeAt(0)
      if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48)
      if (c === 'x' || c === 'Ｘ' || c === 'ｘ') return 'X'
      return c
    })
    .join('')
}

/** `YYYYMMDD` as an ISO date if it is a real date from 1900 on. */
export function parseBirthDate(digits: string): string | null {
  if (!/^\d{8}$/.test(digits)) return null
  const y = Number(digits.slice(0, 4))
  const m = Number(digits.slice(4, 6))
  const d = Number(digits.slice(6, 8))
  if (y < 1900 || m < 1 || m > 12 || d < 1) return null
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  if (d > days) return null
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`
}

function invalid(value: string, message: string, complete = true): IdCardCheck {
  return { ok: false, value, message, complete }
}

/**
 * Checks an ID number as typed. `complete: false` marks a number still being typed (too short,
 * nothing wrong yet), so the form can wait before showing red.
 */
export function checkIdNumber(input: string, today: string = beijingToday()): IdCardCheck {
  const s = normaliseIdNumber(input)
  const chars = Array.from(s)
  if (chars.length > 0 && chars.length <= 17) {
    const typed = chars.slice(0, 17)
    const bad = typed.findIndex((c) => !/\d/.test(c))
    if (bad >= 0) return invalid(s, '身份证号前17位应为数字')
    if (chars.length >= 2 && !PROVINCES.has(s.slice(0, 2))) {
      return invalid(s, `身份证号地址码“${s.slice(0, Math.min(6, s.length))}”不是有效的省级代码`)
    }
  }
  if (chars.length !== 18) {
    return invalid(s, `身份证号应为18位，实际为${chars.length}位`, chars.length > 18)
  }
  if (!chars.slice(0, 17).every((c) => /\d/.test(c))) {
    return invalid(s, '身份证号前17位应为数字')
  }
  const last = chars[17]
  if (!/[\dX]/.test(last)) return invalid(s, '身份证号第18位应为数字或X')
  if (!PROVINCES.has(s.slice(0, 2))) {
    return invalid(s, `身份证号地址码“${s.slice(0, 6)}”不是有效的省级代码`)
  }
  const birthDate = parseBirthDate(s.slice(6, 14))
  if (!birthDate) return invalid(s, `身份证号中的出生日期“${s.slice(6, 14)}”不存在`)
  if (checkCharacter(s.slice(0, 17)) !== last) {
    return invalid(s, '身份证号校验码错误，请核对是否输错')
  }
  if (birthDate > today) return invalid(s, '身份证号中的出生日期晚于今天')
  return {
    ok: true,
    value: s,
    birthDate,
    sex: Number(s[16]) % 2 === 1 ? 'male' : 'female',
    areaCode: s.slice(0, 6),
  }
}

/** Full years of age on `on` for a birth date (both ISO dates); 29 February counts on 1 March. */
export function ageOn(birth: string, on: string): number {
  if (on < birth) return 0
  const [by, bm, bd] = birth.split('-').map(Number)
  const [oy, om, od] = on.split('-').map(Number)
  let years = oy - by
  if (om < bm || (om === bm && od < bd)) years -= 1
  return Math.max(0, years)
}

/** `男` / `女`. */
export function sexLabel(sex: Sex | string): string {
  if (sex === 'male') return '男'
  if (sex === 'female') return '女'
  return sex
}
