/**
 * The hardship forms' rules (checked as typed; the Rust side has the last word) and the pure
 * steps between a form and a command's input.
 */
import type { FormRules } from 'element-plus'
import type { HardshipApplyInput, HardshipFactor, Semester, SpecialGroup } from '@/bindings/bindings'
import { beijingToday } from '@/utils/dates'

/** The start year of the school year a `YYYY-MM-DD` date falls in (September to August). */
export function schoolYearOf(date: string): number {
  const [y, m] = date.split('-').map(Number)
  return m >= 9 ? y : y - 1
}

/** `2026—2027学年` */
export function schoolYearLabel(start: number): string {
  return `${start}—${start + 1}学年`
}

/** The semester a date falls in: September to January the first, February to August the second. */
export function semesterOf(date: string): Semester {
  const m = Number(date.split('-')[1])
  return m >= 2 && m <= 8 ? 'second' : 'first'
}

/** The school years the list offers: the next one, the current one and four before it. */
export function schoolYearChoices(today: string = beijingToday()): number[] {
  const current = schoolYearOf(today)
  return [current + 1, current, current - 1, current - 2, current - 3, current - 4]
}

/** A family member as the form edits it. */
export interface MemberDraft {
  name: string
  relation: string
  age: number | null
  occupation: string
  annualIncomeYuan: number | null
  health: string
}

export function emptyMember(): MemberDraft {
  return { name: '', relation: '', age: null, occupation: '', annualIncomeYuan: null, health: '' }
}

/** The application form. */
export interface ApplyDraft {
  schoolYear: number
  appliedOn: string
  guardianName: string
  guardianRelation: string
  guardianPhone: string
  members: MemberDraft[]
  /** Empty: the members' incomes added up. */
  householdIncomeYuan: number | null
  householdSize: number | null
  factors: HardshipFactor[]
  groups: SpecialGroup[]
  /** Other groups, one a line. */
  otherGroups: string
  reason: string
}

export function emptyApply(today: string = beijingToday()): ApplyDraft {
  return {
    schoolYear: schoolYearOf(today),
    appliedOn: today,
    guardianName: '',
    guardianRelation: '',
    guardianPhone: '',
    members: [emptyMember()],
    householdIncomeYuan: null,
    householdSize: null,
    factors: [],
    groups: [],
    otherGroups: '',
    reason: '',
  }
}

/** The members' yearly incomes added up, in yuan. */
export function summedIncome(members: MemberDraft[]): number {
  return members.reduce((sum, m) => sum + (m.annualIncomeYuan ?? 0), 0)
}

/** Yearly income per head, in whole yuan; `null` without a household size. */
export function perCapita(income: number, size: number | null): number | null {
  return size && size > 0 ? Math.round(income / size) : null
}

/**
 * The factors the application relies on, as the backend will record them: a ticked special
 * group is itself the 特殊群体因素.
 */
export function effectiveFactors(draft: Pick<ApplyDraft, 'factors' | 'groups' | 'otherGroups'>): HardshipFactor[] {
  const set = new Set(draft.factors)
  if (draft.groups.length || otherGroupList(draft.otherGroups).length) set.add('special_group')
  return [...set]
}

function otherGroupList(text: string): string[] {
  return text
    .split(/\n|；|;/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** What the form is missing before it can be sent, or `null` (the backend checks again). */
export function applyProblem(draft: ApplyDraft, studentId: number | null): string | null {
  if (studentId === null) return '请选择学生'
  if (!draft.members.length) return '请填写家庭成员情况'
  if (effectiveFactors(draft).length === 0) return '请勾选至少一项认定因素'
  if (!draft.householdSize) return '请填写家庭人口数'
  return null
}

/** The command's input from the form. */
export function toApplyInput(draft: ApplyDraft, studentId: number): HardshipApplyInput {
  return {
    studentId,
    schoolYear: draft.schoolYear,
    appliedOn: draft.appliedOn || null,
    guardianName: draft.guardianName.trim(),
    guardianRelation: draft.guardianRelation.trim(),
    guardianPhone: draft.guardianPhone.trim(),
    members: draft.members.map((m) => ({
      name: m.name.trim(),
      relation: m.relation.trim(),
      age: m.age ?? 0,
      occupation: m.occupation.trim(),
      annualIncomeYuan: m.annualIncomeYuan ?? 0,
      health: m.health.trim(),
    })),
    householdIncomeYuan: draft.householdIncomeYuan,
    householdSize: draft.householdSize ?? 0,
    factors: draft.factors,
    groups: draft.groups,
    otherGroups: otherGroupList(draft.otherGroups),
    reason: draft.reason.trim(),
  }
}

/** Yuan as typed (at most two decimals) to fen; `null` when it is not an amount. */
export function yuanToFen(yuan: number | null): number | null {
  if (yuan === null || !Number.isFinite(yuan) || yuan <= 0) return null
  return Math.round(yuan * 100)
}

const notFuture = (_rule: unknown, value: string, callback: (e?: Error) => void) => {
  if (value && value > beijingToday()) callback(new Error('日期不能晚于今天'))
  else callback()
}

const required = (message: string) => ({ required: true, message, trigger: ['blur', 'change'] })

export const applyRules: FormRules = {
  appliedOn: [required('请选择申请日期'), { validator: notFuture, trigger: 'change' }],
  guardianName: [required('请填写监护人姓名')],
  guardianRelation: [required('请填写监护人与学生的关系')],
  householdSize: [required('请填写家庭人口数（含学生本人）')],
  reason: [required('请填写家庭经济困难情况')],
}

export const assessRules: FormRules = {
  note: [required('请填写班级认定小组意见')],
  assessedOn: [required('请选择评议日期'), { validator: notFuture, trigger: 'change' }],
}

export const decideRules: FormRules = {
  decidedOn: [required('请选择认定日期'), { validator: notFuture, trigger: 'change' }],
}

export const objectRules: FormRules = {
  content: [required('请填写异议内容')],
  raisedOn: [required('请选择提出日期'), { validator: notFuture, trigger: 'change' }],
}

export const aidRules: FormRules = {
  kind: [required('请填写资助项目')],
  amountYuan: [required('请填写资助金额')],
  grantedOn: [required('请选择发放日期'), { validator: notFuture, trigger: 'change' }],
}
