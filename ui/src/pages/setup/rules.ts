import type { FormItemRule } from 'element-plus'
import type { SchoolProfile } from '@/bindings/bindings'

/** The school kinds the law knows, with their grades (小学 1–6, 初中 7–9, 九年一贯制 1–9). */
export const SCHOOL_KINDS = [
  { value: 'primary', label: '小学', first: 1, last: 6, graduating: [6] },
  { value: 'junior', label: '初中', first: 7, last: 9, graduating: [9] },
  { value: 'nine_year', label: '九年一贯制学校', first: 1, last: 9, graduating: [6, 9] },
  { value: 'special_education', label: '特殊教育学校', first: 1, last: 9, graduating: [9] },
] as const

export type SchoolKindValue = (typeof SCHOOL_KINDS)[number]['value']

export const RULE_PROFILES = [
  { value: 'zhejiang-2017', label: '浙江省义务教育阶段学生学籍管理办法（2017）' },
  { value: 'national-2025', label: '中小学生学籍管理办法（2025）' },
] as const


export function kindInfo(kind: string) {
  return SCHOOL_KINDS.find((k) => k.value === kind) ?? SCHOOL_KINDS[0]
}

/** The grades a school of this kind has. */
export function gradesOf(kind: string): number[] {
  const k = kindInfo(kind)
  return Array.from({ length: k.last - k.first + 1 }, (_, i) => k.first + i)
}

/** A new profile: a 小学 under the Zhejiang 2017 rules. */
export function emptySchool(): SchoolProfile {
  return {
    name: '',
    code: '',
    kind: 'primary',
    countyBureau: '',
    township: '',
    graduatingGrades: [6],
    mayAdmitForeign: false,
    offersHomeTeaching: false,
    ruleProfile: 'zhejiang-2017',
  }
}

/** 学校标识码: the ten digits the Ministry of Education gives every school. */
export const SCHOOL_CODE = /^\d{10}$/

export const schoolRules: Record<string, FormItemRule[]> = {
  name: [
    { required: true, message: '请填写学校名称', trigger: 'change' },
    { max: 60, message: '学校名称不超过60个字', trigger: 'change' },
  ],
  code: [
    {
      validator: (_rule, value: string | null, callback) => {
        if (value && !SCHOOL_CODE.test(value.trim())) callback(new Error('学校标识码为10位数字'))
        else callback()
      },
      trigger: 'change',
    },
  ],
  kind: [{ required: true, message: '请选择学校类型', trigger: 'change' }],
  countyBureau: [
    { required: true, message: '请填写主管教育行政部门，如“杭州市西湖区教育局”', trigger: 'change' },
  ],
  township: [
    { required: true, message: '请填写学校所在乡镇人民政府或街道办事处', trigger: 'change' },
  ],
  graduatingGrades: [
    { type: 'array', required: true, min: 1, message: '请至少选择一个毕业年级', trigger: 'change' },
  ],
  ruleProfile: [{ required: true, message: '请选择适用的规定', trigger: 'change' }],
}

/** The account policy (R30.3): 8+ characters, letters and digits, not containing the user name. */
export interface PasswordCheck {
  long: boolean
  mixed: boolean
  notUsername: boolean
}

export function checkPassword(password: string, username: string): PasswordCheck {
  const user = username.trim().toLowerCase()
  return {
    long: [...password].length >= 8,
    mixed: /\p{L}/u.test(password) && /[0-9]/.test(password),
    notUsername: !user || !password.toLowerCase().includes(user),
  }
}

/** The first thing wrong with a password, or null. */
export function passwordProblem(password: string, username: string): string | null {
  const c = checkPassword(password, username)
  if (!c.long) return '密码至少8位'
  if (!c.mixed) return '密码须同时包含字母和数字'
  if (!c.notUsername) return '密码不能包含用户名'
  return null
}

/** 1–32 letters, digits, `_`, `.` or `-`, as the backend requires. */
export const USERNAME = /^[A-Za-z0-9_.-]{1,32}$/

export interface AdminForm {
  username: string
  displayName: string
  password: string
  confirm: string
}

export function adminRules(form: AdminForm): Record<string, FormItemRule[]> {
  return {
    username: [
      { required: true, message: '请填写用户名', trigger: 'change' },
      {
        pattern: USERNAME,
        message: '用户名为1至32位字母、数字、下划线、点或连字符',
        trigger: 'change',
      },
    ],
    displayName: [{ required: true, message: '请填写管理员姓名', trigger: 'change' }],
    password: [
      {
        validator: (_rule, value: string, callback) => {
          const problem = passwordProblem(value ?? '', form.username)
          if (problem) callback(new Error(problem))
          else callback()
        },
        trigger: 'change',
      },
    ],
    confirm: [
      {
        validator: (_rule, value: string, callback) => {
          if (!value) callback(new Error('请再次输入密码'))
          else if (value !== form.password) callback(new Error('两次输入的密码不一致'))
          else callback()
        },
        trigger: 'change',
      },
    ],
  }
}
