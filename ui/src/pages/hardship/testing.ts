/** Shared by the hardship pages' unit tests (not shipped: only the tests import it). */
import type { Permission } from '@/bindings/bindings'
import { useAuthStore } from '@/stores/auth'

/** Logs a user with `permissions` into the auth store (as `setup_status` would). */
export function loginAs(role: 'registrar' | 'approver' | 'moral_education', permissions: Permission[]) {
  useAuthStore().status = {
    initialized: true,
    unlocked: true,
    keyMissing: false,
    locked: false,
    session: {
      username: role,
      displayName: role === 'approver' ? '李主任' : '王老师',
      role,
      roleLabel: role === 'approver' ? '学校审核人' : '学籍管理员',
      permissions,
      idleLockMinutes: 10,
    },
  }
}

export const registrar: Permission[] = ['view_students', 'edit_hardship', 'view_hardship', 'print_documents']
export const approver: Permission[] = ['view_students', 'decide_school_steps', 'view_hardship', 'print_documents']

/** An assessment as `hardship_show` returns it, at the step `over` puts it. */
export function hardshipView(over: Record<string, unknown> = {}) {
  return {
    id: 5,
    studentId: 7,
    studentName: '张小明',
    xuejiNumber: 'G330106201603010011',
    gradeLabel: '四年级',
    className: '1班',
    schoolYear: 2026,
    schoolYearLabel: '2026—2027学年',
    status: { code: 'applied', label: '待班级评议' },
    appliedOn: '2026-11-30',
    data: {
      guardianName: '张大山',
      guardianRelation: '父亲',
      guardianPhone: '13800000000',
      members: [
        { name: '张大山', relation: '父亲', age: 42, occupation: '务工', annualIncomeYuan: 24000, health: '慢性肾病' },
      ],
      householdIncomeYuan: 30000,
      householdSize: 3,
      factors: ['family_finances', 'special_group'],
      groups: ['minimum_living_allowance'],
      otherGroups: [],
      reason: '父亲患病需长期治疗。',
    },
    classResult: null,
    classNote: null,
    classAssessedOn: null,
    level: null,
    decisionNote: null,
    decidedOn: null,
    decidedBy: null,
    noticeFrom: null,
    noticeUntil: null,
    noticeProvisional: null,
    effectiveOn: null,
    objections: [] as Record<string, unknown>[],
    aid: [] as Record<string, unknown>[],
    inForce: false,
    createdBy: 'registrar',
    ...over,
  }
}

export const classAssessed = {
  status: { code: 'class_assessed', label: '待学校认定' },
  classResult: { code: 'special', label: '特别困难' },
  classNote: '情况属实',
  classAssessedOn: '2026-12-01',
}

export const decided = {
  ...classAssessed,
  level: { code: 'special', label: '特别困难' },
  decidedOn: '2026-12-02',
  decidedBy: 'approver',
  noticeFrom: '2026-12-02',
  noticeUntil: '2026-12-08',
}
