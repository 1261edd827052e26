import type { FormRules } from 'element-plus'

/**
 * Which fields the everyday edit may change, and which go through an application (R11.1 basic
 * data, R11.2 key fields). Mirrors `src-tauri/crates/app/src/students/edit.rs`.
 */
export const KEY_FIELDS = ['name', 'id_number'] as const
export const BASIC_FIELDS = [
  'former_name',
  'ethnicity',
  'nationality',
  'hukou_kind',
  'hukou_address',
  'disability_kind',
] as const
export const EVERYDAY_FIELDS = [
  'current_address',
  'class_name',
  'migrant_child',
  'left_behind',
  'orphan',
] as const

export type EditField =
  | (typeof KEY_FIELDS)[number]
  | (typeof BASIC_FIELDS)[number]
  | (typeof EVERYDAY_FIELDS)[number]

/** What the registrar is told when a field needs an application instead. */
export function procedureFor(field: string): { rule: string; text: string } | null {
  if ((KEY_FIELDS as readonly string[]).includes(field)) {
    return {
      rule: 'R11.2',
      text: '姓名、身份证件号为关键信息，须提交关键信息变更申请，经主管教育行政部门核准并重新查重后变更',
    }
  }
  if ((BASIC_FIELDS as readonly string[]).includes(field)) {
    return {
      rule: 'R11.1',
      text: '学籍基础信息须由监护人提出申请并提供证明材料，经学校核办后变更，请提交基础信息变更申请',
    }
  }
  return null
}

export const FIELD_LABELS: Record<EditField, string> = {
  name: '姓名',
  id_number: '身份证件号',
  former_name: '曾用名',
  ethnicity: '民族',
  nationality: '国籍/地区',
  hukou_kind: '户口性质',
  hukou_address: '户口所在地',
  disability_kind: '残疾类型',
  current_address: '现住址',
  class_name: '班级',
  migrant_child: '随迁子女',
  left_behind: '留守儿童',
  orphan: '孤儿',
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/

export const editRules: FormRules = {
  current_address: [
    { required: true, message: '请填写现住址', trigger: ['blur', 'change'] },
    { max: 100, message: '现住址不超过100字', trigger: ['blur', 'change'] },
  ],
  class_name: [{ max: 20, message: '班级名称不超过20字', trigger: ['blur', 'change'] }],
}

/** Rules of one family member row (index i). */
export function familyRules(i: number): FormRules {
  return {
    [`family.${i}.name`]: [{ required: true, message: '请填写姓名', trigger: ['blur', 'change'] }],
    [`family.${i}.relation`]: [
      { required: true, message: '请填写与学生关系', trigger: ['blur', 'change'] },
    ],
    [`family.${i}.phone`]: [
      {
        validator: (_r: unknown, v: string | null, cb: (e?: Error) => void) =>
          !v || PHONE.test(v.trim()) ? cb() : cb(new Error('请填写11位手机号或带区号的固定电话')),
        trigger: ['blur', 'change'],
      },
    ],
  }
}
