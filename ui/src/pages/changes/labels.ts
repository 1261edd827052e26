/** Chinese labels of the codes the change views carry. */

import type { Party } from '@/bindings/bindings'

/** Who records a step (the permission a step needs). */
export const permissionLabels: Record<string, string> = {
  decide_school_steps: '学校审核人',
  propose_sanctions: '德育处',
  submit_changes: '学籍管理员',
}

export const stateLabels: Record<string, string> = {
  open: '办理中',
  approved: '已办结',
  rejected: '已退回',
  withdrawn: '已撤回',
  applied: '已生效',
}

export const stateTypes: Record<string, 'primary' | 'success' | 'info' | 'warning' | 'danger'> = {
  open: 'primary',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'info',
  applied: 'success',
}

export const decisionLabels: Record<string, string> = {
  pending: '待办理',
  approved: '同意',
  rejected: '退回',
  skipped: '未举行',
}

/** The parties a list can wait on. */
export const parties: { value: Party; label: string }[] = [
  { value: 'guardian', label: '监护人' },
  { value: 'school', label: '学校' },
  { value: 'receiving_school', label: '转入学校' },
  { value: 'sending_school', label: '转出学校' },
  { value: 'receiving_bureau', label: '转入地主管教育行政部门' },
  { value: 'sending_bureau', label: '转出地主管教育行政部门' },
  { value: 'bureau', label: '主管教育行政部门' },
  { value: 'reform_school', label: '工读学校' },
  { value: 'moral_education_office', label: '德育部门' },
  { value: 'school_council', label: '校务会议' },
  { value: 'principal', label: '校长' },
  { value: 'national_system', label: '全国学籍系统' },
]
