/** The resident ID number (GB 11643) as typed: what is wrong, or the birth date and sex it holds. */
export type IdCheck =
  | { ok: true; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; message: string }

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECKS = '10X98765432'

export function validateIdNumber(input: string): IdCheck {
  const v = input.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(v)) {
    return { ok: false, message: `身份证号应为18位（前17位数字，末位数字或X），已输入${v.length}位` }
  }
  const y = Number(v.slice(6, 10))
  const m = Number(v.slice(10, 12))
  const d = Number(v.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) {
    return { ok: false, message: '身份证号中的出生日期不存在' }
  }
  const sum = WEIGHTS.reduce((acc, w, i) => acc + Number(v[i]) * w, 0)
  if (CHECKS[sum % 11] !== v[17]) {
    return { ok: false, message: '身份证号校验位不正确，请核对' }
  }
  const birthDate = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`
  return { ok: true, birthDate, sex: Number(v[16]) % 2 === 1 ? 'male' : 'female' }
}
