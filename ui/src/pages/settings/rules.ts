// Form rules of the 设置 page, checked as the registrar types (the app checks them again).
import type { FormItemRule } from 'element-plus'
import { isDate } from './dates'

type Rules = Record<string, FormItemRule[]>

const required = (message: string): FormItemRule => ({ required: true, message, trigger: ['blur', 'change'] })

/** 8+ characters mixing letters and digits, not the user name (R30.3, the app's policy). */
export function passwordProblem(password: string, username = ''): string | null {
  if (password.length < 8) return '密码至少 8 位'
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码须同时包含字母和数字'
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名'
  return null
}

export const USERNAME = /^[A-Za-z0-9_.-]{1,32}$/

export const schoolRules: Rules = {
  name: [required('请填写学校名称')],
  kind: [required('请选择学校类型')],
  countyBureau: [required('请填写主管教育行政部门')],
  code: [{ pattern: /^\d{10}$/, message: '学校标识码为 10 位数字', trigger: 'blur' }],
}

export function userRules(form: { username: string; password: string }): Rules {
  return {
    username: [
      required('请填写用户名'),
      { pattern: USERNAME, message: '用户名为1至32位字母、数字、下划线、点或连字符', trigger: 'change' },
    ],
    displayName: [required('请填写姓名')],
    role: [required('请选择角色')],
    password: [
      required('请填写初始密码'),
      {
        validator: (_r, value: string, cb) => {
          const p = passwordProblem(value ?? '', form.username)
          if (p) cb(new Error(p))
          else cb()
        },
        trigger: 'change',
      },
    ],
  }
}

export function passwordRules(form: { newPassword: string; username: string }): Rules {
  return {
    oldPassword: [required('请填写原密码')],
    newPassword: [
      required('请填写新密码'),
      {
        validator: (_r, value: string, cb) => {
          const p = passwordProblem(value ?? '', form.username)
          if (p) cb(new Error(p))
          else cb()
        },
        trigger: 'change',
      },
    ],
    confirm: [
      required('请再次填写新密码'),
      {
        validator: (_r, value: string, cb) => {
          if (value !== form.newPassword) cb(new Error('两次填写的新密码不一致'))
          else cb()
        },
        trigger: 'change',
      },
    ],
  }
}

const dateRule: FormItemRule = {
  validator: (_r, value: string, cb) => {
    if (value && !isDate(value)) cb(new Error('日期应为 YYYY-MM-DD，例如 2026-02-24'))
    else cb()
  },
  trigger: 'change',
}

export const registrarRules: Rules = {
  name: [required('请填写学籍管理员姓名')],
  onDutyFrom: [required('请填写任职日期'), dateRule],
  trainedOn: [required('学籍管理员应经培训后上岗（第二十八条），请填写培训日期'), dateRule],
}

/** A first check of a holiday notice text before the app parses it line by line. */
/** A pasted notice: some text with dates in it (the app reads it and says what it could not). */
export function noticeProblem(text: string): string | null {
  const t = text.trim()
  if (!t) return '请粘贴国务院办公厅节假日安排通知的原文'
  if (!/\d{1,2}\s*月\s*\d{1,2}\s*日/.test(t)) return '没有找到日期：请粘贴通知的全文（含“一、元旦：……”各项）'
  return null
}

export const noticeRules: Rules = {
  text: [
    {
      validator: (_r, value: string, cb) => {
        const p = noticeProblem(value ?? '')
        if (p) cb(new Error(p))
        else cb()
      },
      trigger: 'change',
    },
  ],
}

/** An adjusted day needs its reason. */
export function adjustmentProblem(reason: string): string | null {
  return reason.trim() ? null : '请填写调整原因（如：县教育局转发的更正通知）'
}

/** Terms: each ends after it starts; no term twice. Returns the first problem. */
export function termsProblem(
  terms: { schoolYear: number; semester: string; start: string; end: string }[],
): string | null {
  const seen = new Set<string>()
  for (const t of terms) {
    if (!t.start || !t.end) return '请填写每个学期的开学和结束日期'
    if (!isDate(t.start) || !isDate(t.end)) return '日期应为 YYYY-MM-DD，例如 2026-02-24'
    if (t.end <= t.start) return `${t.schoolYear}学年${t.semester === 'first' ? '第一' : '第二'}学期的结束日期应晚于开学日期`
    const key = `${t.schoolYear}-${t.semester}`
    if (seen.has(key)) return `${t.schoolYear}学年${t.semester === 'first' ? '第一' : '第二'}学期填写了两次`
    seen.add(key)
  }
  return null
}

export const restoreRules: Rules = {
  password: [required('请输入您的登录密码')],
}
