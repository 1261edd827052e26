import type { FormItemRule, FormRules } from 'element-plus'
import { checkIdNumber, parseBirthDate } from '@/utils/idCard'

/** The enrolment form (the fields of `EnrolInput`, flat for Element Plus). */
export interface EnrolForm {
  kind: 'grade_one' | 'no_prior_record'
  nationalCheck: 'passed' | 'failed' | 'not_done'
  idType: string
  idNumber: string
  name: string
  formerName: string
  /** Only typed for other documents; a resident ID gives it. */
  sex: '' | 'male' | 'female'
  birthDate: string
  ethnicity: string
  nationality: string
  hukouKind: string
  hukouAddress: string
  currentAddress: string
  migrantChild: boolean
  leftBehind: boolean
  orphan: boolean
  disabilityKind: string
  studyMode: 'regular' | 'inclusive' | 'home_teaching'
  foreignNational: boolean
  grade: number
  className: string
  entryDate: string
  family: {
    name: string
    relation: string
    phone: string
    idNumber: string
    employer: string
    guardian: boolean
  }[]
}

export function emptyForm(today: string): EnrolForm {
  return {
    kind: 'grade_one',
    nationalCheck: 'passed',
    idType: 'resident_id',
    idNumber: '',
    name: '',
    formerName: '',
    sex: '',
    birthDate: '',
    ethnicity: '汉族',
    nationality: '中国',
    hukouKind: '',
    hukouAddress: '',
    currentAddress: '',
    migrantChild: false,
    leftBehind: false,
    orphan: false,
    disabilityKind: '',
    studyMode: 'regular',
    foreignNational: false,
    grade: 1,
    className: '',
    entryDate: today,
    family: [
      { name: '', relation: '', phone: '', idNumber: '', employer: '', guardian: true },
    ],
  }
}

/** Whether the form holds anything the registrar typed (worth keeping as a draft). */
export function isBlank(form: EnrolForm, today: string): boolean {
  return JSON.stringify(form) === JSON.stringify(emptyForm(today))
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff〇]|[\ud840-\ud87f][\udc00-\udfff]/
const DOT_LOOKALIKES = /[•・‧･∙．]/g

/** Checks a person's name like `PersonName::parse` (domain/src/name.rs); null when fine. */
export function nameProblem(input: string): string | null {
  const s = input.trim().replace(DOT_LOOKALIKES, '·')
  const chars = Array.from(s)
  if (chars.length === 0) return '姓名不能为空'
  if (chars.length > 30) return '姓名不能超过30个字符'
  const bad = chars.find((c) => !(CJK.test(c) || c === '·' || /[A-Za-z \-]/.test(c)))
  if (bad) return `姓名中不能含有“${bad}”`
  const hasCjk = chars.some((c) => CJK.test(c))
  if (hasCjk && s.includes(' ')) return '中文姓名中不能有空格'
  if (s.startsWith('·') || s.endsWith('·') || s.includes('··')) {
    return '间隔号“·”只能出现在两段姓名之间'
  }
  if (s.includes('  ') || s.startsWith('-') || s.endsWith('-')) return '姓名格式不正确'
  return null
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/

/** A real date written `YYYY-MM-DD`. */
export function isDate(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && parseBirthDate(v.replaceAll('-', '')) !== null
}

type Validator = NonNullable<FormItemRule['validator']>

function check(problem: (value: string) => string | null): Validator {
  return (_rule, value, callback) => {
    const p = problem(String(value ?? ''))
    if (p) callback(new Error(p))
    else callback()
  }
}

const required = (message: string): FormItemRule => ({
  required: true,
  message,
  trigger: ['blur', 'change'],
})

/** Rules for the form; the ID number is checked as typed (GB 11643, R7.1). */
export function enrolRules(form: EnrolForm, today: () => string): FormRules {
  return {
    idNumber: [
      // As typed: what is already wrong (a bad character, province, date or check character),
      // not yet "too short".
      {
        validator: check((v) => {
          if (form.idType !== 'resident_id') return null
          const r = checkIdNumber(v, today())
          return r.ok || !r.complete ? null : r.message
        }),
        trigger: 'change',
      },
      // On leaving the field and on submit: everything.
      {
        validator: check((v) => {
          if (form.idType !== 'resident_id') return v.trim() ? null : '请填写证件号码'
          const r = checkIdNumber(v, today())
          return r.ok ? null : r.message
        }),
        trigger: 'blur',
      },
    ],
    name: [{ validator: check(nameProblem), trigger: ['blur', 'change'] }],
    sex: [
      {
        validator: check((v) => (form.idType === 'resident_id' || v ? null : '请选择性别')),
        trigger: 'change',
      },
    ],
    birthDate: [
      {
        validator: check((v) => {
          if (form.idType === 'resident_id') return null
          if (!v) return '请填写出生日期'
          if (!isDate(v)) return '请按 YYYY-MM-DD 填写日期，如 2019-03-01'
          return v > today() ? '出生日期不能晚于今天' : null
        }),
        trigger: ['blur', 'change'],
      },
    ],
    ethnicity: [required('请填写民族')],
    nationality: [required('请填写国籍/地区')],
    hukouKind: [required('请选择户口性质')],
    hukouAddress: [required('请填写户口所在地')],
    currentAddress: [required('请填写现住址')],
    entryDate: [
      required('请填写入学日期'),
      {
        validator: check((v) => {
          if (!v) return null
          if (!isDate(v)) return '请按 YYYY-MM-DD 填写日期，如 2025-09-01'
          return v > today() ? '入学日期不能晚于今天' : null
        }),
        trigger: 'blur',
      },
    ],
    grade: [required('请选择年级')],
  }
}

/** Rules of one family member row. */
export function familyRules(i: number): FormRules {
  return {
    [`family.${i}.name`]: [{ validator: check(nameProblem), trigger: ['blur', 'change'] }],
    [`family.${i}.relation`]: [required('请填写与学生关系')],
    [`family.${i}.phone`]: [
      {
        validator: check((v) =>
          !v.trim() || PHONE.test(v.trim()) ? null : '请填写11位手机号或带区号的固定电话',
        ),
        trigger: ['blur', 'change'],
      },
    ],
  }
}

export const ID_TYPE_OPTIONS = [
  { value: 'resident_id', label: '居民身份证' },
  { value: 'hk_macao_pass', label: '港澳居民来往内地通行证' },
  { value: 'taiwan_pass', label: '台湾居民来往大陆通行证' },
  { value: 'passport', label: '护照' },
  { value: 'other', label: '其他证件' },
]

export const HUKOU_KINDS = ['非农业户口', '农业户口', '居民户口']

export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族',
  '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族',
  '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族', '其他',
]

export const DISABILITY_KINDS = [
  '视力残疾', '听力残疾', '言语残疾', '肢体残疾', '智力残疾', '精神残疾', '多重残疾',
]

export const RELATIONS = ['父亲', '母亲', '祖父', '祖母', '外祖父', '外祖母', '其他监护人']
