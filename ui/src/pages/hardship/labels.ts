/** The words of the hardship pages: statuses, levels, factors and special groups as the form prints them. */
import type { HardshipFactor, HardshipLevel, Semester, SpecialGroup } from '@/bindings/bindings'

/** Status codes of the list (as the backend shows them), in the order of the procedure. */
export const statuses: { value: string; label: string }[] = [
  { value: 'applied', label: '待班级评议' },
  { value: 'class_assessed', label: '待学校认定' },
  { value: 'in_notice', label: '公示中' },
  { value: 'objection_pending', label: '公示异议待处理' },
  { value: 'effective', label: '已生效' },
  { value: 'expired', label: '已过期' },
  { value: 'not_recognised', label: '不予认定' },
]

export const levels: { value: HardshipLevel; label: string }[] = [
  { value: 'special', label: '特别困难' },
  { value: 'hardship', label: '困难' },
  { value: 'ordinary', label: '一般困难' },
  { value: 'not_recognised', label: '不认定' },
]

/** The factors of 教财〔2018〕16号 第六条, in the form's order. */
export const factors: { value: HardshipFactor; label: string; hint: string }[] = [
  { value: 'family_finances', label: '家庭经济因素', hint: '家庭收入、财产、债务等' },
  { value: 'special_group', label: '特殊群体因素', hint: '勾选下方特殊群体时自动计入' },
  { value: 'region', label: '地域因素', hint: '家庭所在地经济社会发展水平' },
  { value: 'emergency', label: '突发状况因素', hint: '遭受重大自然灾害、重大突发意外事件等' },
  { value: 'student_spending', label: '学生消费因素', hint: '学生日常消费情况' },
  { value: 'other', label: '其他影响家庭经济状况的因素', hint: '家庭负担、劳动力、职业状况等' },
]

export const groups: { value: SpecialGroup; label: string }[] = [
  { value: 'minimum_living_allowance', label: '最低生活保障家庭' },
  { value: 'extreme_poverty_support', label: '特困供养人员' },
  { value: 'orphan', label: '孤儿' },
  { value: 'de_facto_unsupported_child', label: '事实无人抚养儿童' },
  { value: 'disability', label: '残疾学生或残疾人子女' },
  { value: 'martyr_child', label: '烈士子女' },
  { value: 'registered_poor_household', label: '建档立卡脱贫户' },
  { value: 'near_minimum_allowance', label: '低保边缘家庭' },
]

export const semesters: { value: Semester; label: string }[] = [
  { value: 'first', label: '第一学期' },
  { value: 'second', label: '第二学期' },
]

/** The tag colour of a status. */
export function statusType(code: string): 'info' | 'warning' | 'success' | 'danger' | 'primary' {
  switch (code) {
    case 'effective':
      return 'success'
    case 'in_notice':
      return 'primary'
    case 'objection_pending':
      return 'danger'
    case 'applied':
    case 'class_assessed':
      return 'warning'
    default:
      return 'info'
  }
}

export function factorLabel(f: HardshipFactor): string {
  return factors.find((x) => x.value === f)?.label ?? f
}

export function groupLabel(g: SpecialGroup): string {
  return groups.find((x) => x.value === g)?.label ?? g
}
