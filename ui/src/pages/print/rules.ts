import type { FormRules } from 'element-plus'

/** Voiding an issued document: the reason is required. */
export const voidRules: FormRules = {
  reason: [
    { required: true, message: '请填写作废原因', trigger: ['blur', 'change'] },
    { max: 200, message: '原因不超过 200 个字', trigger: ['blur', 'change'] },
  ],
}

/** The document kinds grouped as the print page lists them. */
export const KIND_GROUPS: { title: string; kinds: string[] }[] = [
  { title: '证书与证明', kinds: ['certificate', 'completion_proof', 'attendance_statement'] },
  { title: '学籍表册', kinds: ['record_card', 'roster', 'change_statistics'] },
  {
    title: '申请审批表',
    kinds: [
      'transfer_form',
      'leave_form',
      'resume_form',
      'deferral_form',
      'skip_form',
      'repeat_form',
      'basic_data_change_form',
      'key_data_change_form',
      'withdrawal_form',
      'enrolment_approval_form',
      'reform_school_form',
      'abroad_form',
    ],
  },
  {
    title: '报告、决定与通知',
    kinds: ['dropout_report', 'cancellation_report', 'leave_order', 'sanction_decision', 'sanction_lift_notice'],
  },
]
