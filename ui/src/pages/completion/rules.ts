import type { FormRules } from 'element-plus'

/** The batch's first step: which grade, which day. */
export const batchRules: FormRules = {
  grade: [{ required: true, message: '请选择毕业年级', trigger: 'change' }],
  on: [{ required: true, message: '请选择毕业日期', trigger: 'change' }],
}

/** The confirmation: the bureau's approval number is required. */
export const confirmRules: FormRules = {
  reference: [
    { required: true, message: '请填写主管教育行政部门核准文号', trigger: ['blur', 'change'] },
    { max: 60, message: '文号不超过 60 个字', trigger: ['blur', 'change'] },
  ],
}

/** What is wrong with a 学籍辅号 as typed (the rule profile's exact pattern is checked later). */
export function auxProblem(text: string): string | null {
  const t = text.trim()
  if (t === '') return null
  if (!/^[A-Za-z0-9]+$/.test(t)) return '学籍辅号只能是字母或数字（R26.1）'
  if (t.length > 30) return '学籍辅号不超过 30 位（R26.1）'
  return null
}

/** The start year of the school year a date falls in (September to August). */
export function schoolYearOf(date: Date): number {
  return date.getMonth() >= 8 ? date.getFullYear() : date.getFullYear() - 1
}

/** `2026—2027学年` */
export function schoolYearLabel(start: number): string {
  return `${start}—${start + 1}学年`
}
