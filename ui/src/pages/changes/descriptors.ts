/**
 * One descriptor per change type: the facts the wizard asks for (with their as-typed rules), how
 * they pick the proofs the law requires (the proofs, their names, each kind's name and rule come
 * from Rust through `bindings.ts`), how the facts
 * become the `ChangeRequest` the Rust side checks, and which approval form is printed. The
 * wizard, the list filters and the detail page are all driven by this table.
 */
import {
  LAW_VOCABULARY,
  type ApplicationKind,
  type ChangeRequest,
  type EnrolInput,
  type PrintKind,
  type ProofKind,
  type TransferRoute,
} from '@/bindings/bindings'
import { GRADE_OPTIONS, gradeLabel } from '@/utils/grades'
import { validateIdNumber } from './idNumber'

/** The facts typed into a wizard, keyed by field. */
export type Facts = Record<string, string | number | boolean | null>

export type FieldKind = 'date' | 'text' | 'textarea' | 'select' | 'grade' | 'switch' | 'year'

export interface FieldOption {
  value: string
  label: string
}

/** What a field's rule sees. */
export interface FieldContext {
  facts: Facts
  today: string
  /** The chosen student's current grade, if any. */
  grade: number | null
}

export interface FactField {
  key: string
  label: string
  kind: FieldKind
  options?: FieldOption[]
  required?: boolean
  placeholder?: string
  /** A line under the field: what the law asks. */
  help?: string
  /** Shown only when this returns true. */
  visible?: (facts: Facts) => boolean
  /** The message when the value is wrong, checked as it is typed. */
  validate?: (value: unknown, ctx: FieldContext) => string | undefined
}

/** One proof requirement: any one of the kinds meets it. */
export interface ProofNeed {
  anyOf: ProofKind[]
}

/** The context a request is built in. */
export interface BuildContext {
  /** The date of the application (or of the change). */
  effectiveOn: string
}

export interface ChangeDescriptor {
  /** The change kind (as stored) or `transfer_in`. */
  type: ApplicationKind
  /** The kind's Chinese name (Rust's, unless the wizard words it for one side). */
  label: string
  group: string
  /** The rule governing the procedure (`R14.1`), from Rust. */
  rule: string
  /** One sentence: when this change applies. */
  summary: string
  /** Who it is for. */
  who: string
  /** False for a transfer in: the student has no record here yet. */
  needsStudent: boolean
  /** What the date of the change means for this type. */
  dateLabel: string
  fields: FactField[]
  defaults: (today: string, grade: number | null) => Facts
  /** Which of Rust's proof cases the facts fall in, where the facts decide it (a 休学's reason);
   * otherwise the type's own. */
  proofCase?: (facts: Facts) => string
  request: (facts: Facts, ctx: BuildContext) => ChangeRequest
  /** The approval form printed after submitting. */
  form?: PrintKind
  /** The form can only be printed once the change has taken effect (a report of what happened). */
  formAfterApproval?: boolean
}

/** Each proof's Chinese name (Rust's `ProofKind::label_zh`). */
export const proofLabels: Record<ProofKind, string> = LAW_VOCABULARY.proofLabels

export function proofNeedLabel(need: ProofNeed): string {
  return need.anyOf.map((k) => proofLabels[k]).join('或')
}

/** The proofs the law requires for these facts (Rust's `xueji_domain::proofs::required_for`). */
export function proofNeeds(d: ChangeDescriptor, facts: Facts): ProofNeed[] {
  const table: Partial<Record<string, readonly { anyOf: readonly ProofKind[] }[]>> = LAW_VOCABULARY.requiredProofs
  const needs = table[d.proofCase?.(facts) ?? d.type] ?? []
  return needs.map((n) => ({ anyOf: [...n.anyOf] }))
}

/** The grades as a fact's options (fact values are strings). */
export const gradeOptions: FieldOption[] = GRADE_OPTIONS.map((g) => ({ value: String(g.value), label: g.label }))

/** The basic-data fields R11.1 may change (Rust's `BASIC_FIELDS`, with its labels). */
const CHANGE_KINDS = LAW_VOCABULARY.changeKinds
export const basicFields: FieldOption[] = LAW_VOCABULARY.basicFields.map((f) => ({ value: f.value, label: f.label }))

export const transferKinds: FieldOption[] = [
  { value: 'regular', label: '普通转学' },
  { value: 'special_inclusive', label: '特殊教育学校与随班就读之间转学（第十三条第六款）' },
]

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : v == null ? '' : String(v))
const num = (v: unknown): number => Number(v)
const dateOrNull = (v: unknown): string | null => (str(v) ? str(v) : null)

function notAfterToday(v: unknown, ctx: FieldContext): string | undefined {
  return str(v) && str(v) > ctx.today ? '日期不能晚于今天' : undefined
}

/** The school year a deferral is for: the next one that has not started (1 September). */
export function nextSchoolYear(today: string): number {
  const [y, m] = today.split('-').map(Number)
  return m >= 9 ? y + 1 : y
}

function transferKind(facts: Facts) {
  return facts.transferKind === 'special_inclusive'
    ? { type: 'special_inclusive' as const, recordMoves: Boolean(facts.recordMoves) }
    : { type: 'regular' as const }
}

function transferRoute(facts: Facts): TransferRoute {
  return facts.route === 'within_county' ? 'within_county' : 'across_counties'
}

/** Whether the two schools answer to one bureau (who 核办, in what order: 第十三条). */
export const transferRoutes: FieldOption[] = [
  { value: 'within_county', label: '同一县（市、区）内' },
  { value: 'across_counties', label: '跨县（市、区）' },
]

const transferKindFields: FactField[] = [
  {
    key: 'route',
    label: '两校所在地',
    kind: 'select',
    options: transferRoutes,
    required: true,
    help: '同县：转入学校、转出学校、主管教育行政部门依次核办；跨县：转入学校及其主管部门、转出学校及其主管部门依次核办',
  },
  {
    key: 'transferKind',
    label: '转学类型',
    kind: 'select',
    options: transferKinds,
    required: true,
  },
  {
    key: 'recordMoves',
    label: '学籍随学生转移',
    kind: 'switch',
    help: '特殊教育学校与普通学校随班就读之间转学，学籍可转可不转（第十三条第六款）',
    visible: (f) => f.transferKind === 'special_inclusive',
  },
]

/** The fields of the incoming student of a transfer in (the enrolment data). */
export const incomingFields: FactField[] = [
  {
    key: 'name',
    label: '学生姓名',
    kind: 'text',
    required: true,
    validate: (v) => (str(v).length > 30 ? '姓名过长' : undefined),
  },
  {
    key: 'idNumber',
    label: '身份证号',
    kind: 'text',
    required: true,
    validate: (v) => {
      const r = validateIdNumber(str(v))
      return r.ok ? undefined : r.message
    },
  },
  { key: 'ethnicity', label: '民族', kind: 'text', required: true },
  { key: 'hukouKind', label: '户口性质', kind: 'select', required: true, options: [
    { value: '农业户口', label: '农业户口' },
    { value: '非农业户口', label: '非农业户口' },
  ] },
  { key: 'hukouAddress', label: '户籍地址', kind: 'text', required: true },
  { key: 'currentAddress', label: '现住址', kind: 'text', required: true },
  { key: 'studentGrade', label: '就读年级', kind: 'grade', required: true, help: '转学不改变就读年级（第十三条第四款）' },
  { key: 'className', label: '班级', kind: 'text' },
  { key: 'guardianName', label: '监护人姓名', kind: 'text', required: true },
  { key: 'guardianRelation', label: '与学生关系', kind: 'text', required: true },
  { key: 'guardianPhone', label: '监护人电话', kind: 'text' },
]

/** The enrolment data of an incoming student from the wizard's facts. */
export function incomingStudent(facts: Facts, entryDate: string): EnrolInput {
  return {
    kind: 'no_prior_record',
    nationalCheck: null,
    idType: 'resident_id',
    idNumber: str(facts.idNumber).toUpperCase(),
    name: str(facts.name),
    formerName: null,
    sex: null,
    birthDate: null,
    ethnicity: str(facts.ethnicity),
    nationality: '中国',
    hukouKind: str(facts.hukouKind),
    hukouAddress: str(facts.hukouAddress),
    currentAddress: str(facts.currentAddress),
    migrantChild: false,
    leftBehind: false,
    orphan: false,
    disabilityKind: null,
    studyMode: 'regular',
    foreignNational: false,
    grade: num(facts.studentGrade),
    className: str(facts.className) || null,
    entryDate,
    family: [
      {
        name: str(facts.guardianName),
        relation: str(facts.guardianRelation),
        phone: str(facts.guardianPhone) || null,
        idNumber: null,
        employer: null,
        guardian: true,
      },
    ],
  }
}

const none = () => ({})

/** A descriptor as written here: Rust names the kind and its rule. */
type Entry = Omit<ChangeDescriptor, 'label' | 'rule'> & { label?: string }

/** Every change type the 学籍变动 wizards handle, in the order the law lists them. */
const entries: Entry[] = [
  {
    type: 'defer',
    group: '入学',
    summary: '适龄儿童因身体状况需缓学的，监护人在学年开始前提出申请，缓学期为一学年。',
    who: '待核准的一年级新生',
    needsStudent: true,
    dateLabel: '申请日期',
    fields: [
      {
        key: 'schoolYear',
        label: '缓学学年（起始年份）',
        kind: 'year',
        required: true,
        help: '须在该学年开始（9月1日）前提出',
      },
    ],
    defaults: (today) => ({ schoolYear: nextSchoolYear(today) }),
    request: (f) => ({ type: 'defer', schoolYear: num(f.schoolYear) }),
    form: 'deferral_form',
  },
  {
    type: 'renew_deferral',
    group: '入学',
    summary: '缓学期满仍不能入学的，须重新提出缓学申请。',
    who: '缓学中的学生',
    needsStudent: true,
    dateLabel: '申请日期',
    fields: [{ key: 'schoolYear', label: '续缓学年（起始年份）', kind: 'year', required: true }],
    defaults: (today) => ({ schoolYear: nextSchoolYear(today) }),
    request: (f) => ({ type: 'renew_deferral', schoolYear: num(f.schoolYear) }),
    form: 'deferral_form',
  },
  {
    type: 'end_deferral',
    group: '入学',
    summary: '缓学期满，学生入学就读。',
    who: '缓学中的学生',
    needsStudent: true,
    dateLabel: '入学日期',
    fields: [],
    defaults: none,
    request: () => ({ type: 'end_deferral' }),
  },
  {
    type: 'leave',
    group: '休学与复学',
    summary: '因病连续病假三个月以上，或有其他特殊原因无法坚持正常学习的，监护人可申请休学。',
    who: '在读学生',
    needsStudent: true,
    dateLabel: '申请日期',
    fields: [
      {
        key: 'reason',
        label: '休学原因',
        kind: 'select',
        required: true,
        options: [
          { value: 'illness', label: '因病连续病假三个月以上' },
          { value: 'other', label: '其他特殊原因' },
        ],
      },
      {
        key: 'sickSince',
        label: '病假开始日期',
        kind: 'date',
        required: true,
        visible: (f) => f.reason === 'illness',
        validate: notAfterToday,
        help: '须连续病假三个月以上',
      },
      {
        key: 'description',
        label: '特殊原因说明',
        kind: 'textarea',
        required: true,
        visible: (f) => f.reason === 'other',
      },
    ],
    defaults: () => ({ reason: 'illness', sickSince: null, description: '' }),
    proofCase: (f) => (f.reason === 'other' ? 'leave_for_other_reason' : 'leave'),
    request: (f) => ({
      type: 'leave',
      reason:
        f.reason === 'other'
          ? { type: 'other', description: str(f.description) }
          : { type: 'illness', sickSince: str(f.sickSince) },
    }),
    form: 'leave_form',
  },
  {
    type: 'ordered_leave',
    group: '休学与复学',
    summary:
      '患有需隔离治疗的传染病，或经县级以上医疗机构诊断无法在校学习的，经主管教育行政部门同意，学校责令其休学。',
    who: '在读学生',
    needsStudent: true,
    dateLabel: '决定日期',
    fields: [
      {
        key: 'reason',
        label: '责令休学原因',
        kind: 'select',
        required: true,
        options: [
          { value: 'infectious_disease', label: '患有需隔离治疗的传染病' },
          { value: 'illness_preventing_study', label: '经诊断患有无法在校学习的疾病' },
        ],
      },
    ],
    defaults: () => ({ reason: 'infectious_disease' }),
    request: (f) => ({
      type: 'ordered_leave',
      reason: f.reason === 'illness_preventing_study' ? 'illness_preventing_study' : 'infectious_disease',
    }),
  },
  {
    type: 'extend_leave',
    group: '休学与复学',
    summary: '休学期满仍不能坚持学习的，监护人可申请继续休学。',
    who: '休学中的学生',
    needsStudent: true,
    dateLabel: '申请日期',
    fields: [],
    defaults: none,
    request: () => ({ type: 'extend_leave' }),
  },
  {
    type: 'resume',
    group: '休学与复学',
    summary: '休学期满，监护人申请复学，学校安排在相应年级就读，报主管教育行政部门备案。',
    who: '休学中的学生',
    needsStudent: true,
    dateLabel: '申请日期',
    fields: [
      {
        key: 'grade',
        label: '复学年级',
        kind: 'grade',
        required: true,
        help: '应安排在相应年级（休学前的年级或其上、下一个年级）',
      },
    ],
    defaults: (_t, grade) => ({ grade: grade ?? 1 }),
    request: (f) => ({ type: 'resume', grade: num(f.grade) }),
    form: 'resume_form',
  },
  {
    type: 'transfer_out',
    label: '转出',
    group: '转学',
    summary:
      '监护人向转入学校提出申请：同县由转入学校、转出学校、主管教育行政部门依次核办，跨县由转入学校及其主管部门、转出学校及其主管部门依次核办，各方在10个工作日内办结。',
    who: '在读或辍学学生（休学期间不办理转学）',
    needsStudent: true,
    dateLabel: '申请日期',
    fields: [
      ...transferKindFields,
      {
        key: 'receivingSchool',
        label: '转入学校',
        kind: 'text',
        required: true,
        placeholder: '转入学校全称',
      },
      {
        key: 'grade',
        label: '转入年级',
        kind: 'grade',
        required: true,
        help: '转学时不得变更就读年级（第十三条第四款）',
        validate: (v, ctx) =>
          ctx.grade && num(v) !== ctx.grade ? `转学不能改变年级（现为${gradeLabel(ctx.grade)}）` : undefined,
      },
    ],
    defaults: (_t, grade) => ({
      route: '',
      transferKind: 'regular',
      recordMoves: true,
      receivingSchool: '',
      grade: grade ?? 1,
    }),
    request: (f) => ({
      type: 'transfer_out',
      kind: transferKind(f),
      grade: num(f.grade),
      receivingSchool: str(f.receivingSchool),
      route: transferRoute(f),
    }),
    form: 'transfer_form',
  },
  {
    type: 'transfer_in',
    group: '转学',
    summary:
      '外校学生转入本校：登记学生信息，各方核办完成后在本校建立学籍；学生在办理期间即可入校就读（第三条）。',
    who: '外校学生（本校尚无学籍）',
    needsStudent: false,
    dateLabel: '申请日期',
    fields: [
      ...transferKindFields,
      {
        key: 'sendingSchool',
        label: '转出学校',
        kind: 'text',
        required: true,
        placeholder: '转出学校全称',
      },
      ...incomingFields,
      {
        key: 'stageEntryDate',
        label: '本学段首次入学日期',
        kind: 'date',
        required: false,
        validate: notAfterToday,
        help: '以转出学校学籍为准，印在证书“入学年月”（第二十四条）；不填则按转入年级推算',
      },
    ],
    defaults: (_t, grade) => ({
      route: '',
      transferKind: 'regular',
      recordMoves: true,
      sendingSchool: '',
      name: '',
      idNumber: '',
      ethnicity: '汉族',
      hukouKind: '非农业户口',
      hukouAddress: '',
      currentAddress: '',
      studentGrade: grade ?? 1,
      className: '',
      guardianName: '',
      guardianRelation: '',
      guardianPhone: '',
      stageEntryDate: '',
    }),
    request: (f, ctx) => ({
      type: 'transfer_in',
      kind: transferKind(f),
      sendingSchool: str(f.sendingSchool),
      student: incomingStudent(f, ctx.effectiveOn),
      route: transferRoute(f),
      stageEntryDate: str(f.stageEntryDate) || null,
    }),
    form: 'transfer_form',
  },
  {
    type: 'skip',
    group: '升级',
    summary: '品学兼优的学生，监护人申请，学校审核，主管教育行政部门核准；不得跳入或跳出毕业年级。',
    who: '在读学生（非毕业年级）',
    needsStudent: true,
    dateLabel: '申请日期',
    fields: [
      {
        key: 'to',
        label: '跳入年级',
        kind: 'grade',
        required: true,
        validate: (v, ctx) =>
          ctx.grade && num(v) <= ctx.grade ? '跳入年级应高于当前年级' : undefined,
      },
    ],
    defaults: (_t, grade) => ({ to: Math.min((grade ?? 1) + 1, 9) }),
    request: (f) => ({ type: 'skip', to: num(f.to) }),
    form: 'skip_form',
  },
  {
    type: 'repeat',
    group: '升级',
    summary: '义务教育阶段原则上不留级；随班就读及特殊教育学校中学习有困难的学生可申请留级，毕业年级不留级。',
    who: '随班就读或特殊教育学校学生',
    needsStudent: true,
    dateLabel: '申请日期',
    fields: [],
    defaults: none,
    request: () => ({ type: 'repeat' }),
    form: 'repeat_form',
  },
  {
    type: 'study_mode',
    group: '升级',
    summary:
      '入学后才发现需随班就读（或不再随班就读）的学生，监护人凭残疾人证或残疾评估（鉴定）意见申请，经学校核办后变更就读方式；随班就读学生方可申请留级（第十二条）、在特殊教育学校与本校之间转学（第十三条）。',
    who: '在读学生',
    needsStudent: true,
    dateLabel: '申请日期',
    fields: [
      {
        key: 'mode',
        label: '变更后的就读方式',
        kind: 'select',
        required: true,
        options: [
          { value: 'inclusive', label: '随班就读' },
          { value: 'regular', label: '普通（结束随班就读）' },
          { value: 'home_teaching', label: '送教上门' },
        ],
      },
    ],
    defaults: () => ({ mode: 'inclusive' }),
    request: (f) => ({
      type: 'study_mode',
      mode: f.mode === 'regular' ? 'regular' : f.mode === 'home_teaching' ? 'home_teaching' : 'inclusive',
    }),
  },
  {
    type: 'return_from_placement',
    group: '升级',
    summary:
      '在特殊教育学校或工读学校就读而学籍留在本校的学生回校就读，结束校外安置（第十三条第六款、第七款）。',
    who: '学籍留在本校、在外校就读的学生',
    needsStudent: true,
    dateLabel: '回校日期',
    fields: [],
    defaults: none,
    request: () => ({ type: 'return_from_placement' }),
  },
  {
    type: 'withdraw',
    group: '学业终止',
    summary: '年满18周岁、不宜在校继续学习的学生，经学校审核、主管教育行政部门核准后退学；未满18周岁且未受完九年义务教育的，不予办理（第十七条）。',
    who: '年满18周岁的学生',
    needsStudent: true,
    dateLabel: '申请日期',
    fields: [],
    defaults: none,
    request: () => ({ type: 'withdraw' }),
    form: 'withdrawal_form',
  },
  {
    type: 'dropout',
    label: '辍学报告',
    group: '学业终止',
    summary: '学生辍学的，学校书面报告乡镇人民政府和主管教育行政部门，学籍予以保留。',
    who: '在读或休学学生',
    needsStudent: true,
    dateLabel: '辍学日期',
    fields: [
      {
        key: 'migrant',
        label: '随迁子女',
        kind: 'switch',
        help: '随迁子女辍学的，学期末将学籍档案转回户籍所在地（第十八条第二款）',
      },
    ],
    defaults: () => ({ migrant: false }),
    request: (f) => ({ type: 'dropout', migrant: Boolean(f.migrant) }),
    form: 'dropout_report',
    formAfterApproval: true,
  },
  {
    type: 'return_from_dropout',
    group: '学业终止',
    summary: '辍学学生返校就读，恢复在读。',
    who: '辍学学生',
    needsStudent: true,
    dateLabel: '返校日期',
    fields: [],
    defaults: none,
    request: () => ({ type: 'return_from_dropout' }),
  },
  {
    type: 'death',
    group: '学业终止',
    summary: '学生死亡的，学校凭死亡证明报主管教育行政部门注销学籍。',
    who: '任何未归档的学生',
    needsStudent: true,
    dateLabel: '报告日期',
    fields: [
      { key: 'diedOn', label: '死亡日期', kind: 'date', required: true, validate: notAfterToday },
    ],
    defaults: () => ({ diedOn: null }),
    request: (f) => ({ type: 'death', diedOn: str(f.diedOn) }),
    form: 'cancellation_report',
    formAfterApproval: true,
  },
  {
    type: 'go_abroad',
    label: '出境就读',
    group: '境外就读',
    summary: '学生出境就读的，监护人凭出境有效证件提出申请，学校核办，学籍予以保留。',
    who: '在读学生',
    needsStudent: true,
    dateLabel: '申请日期',
    fields: [],
    defaults: none,
    request: () => ({ type: 'go_abroad' }),
    form: 'abroad_form',
  },
  {
    type: 'return_from_abroad',
    group: '境外就读',
    summary: '出境就读的学生回国后接续学籍，恢复在读。',
    who: '境外就读的学生',
    needsStudent: true,
    dateLabel: '返回日期',
    fields: [],
    defaults: none,
    request: () => ({ type: 'return_from_abroad' }),
  },
  {
    type: 'hold',
    label: '保留学籍（刑事强制措施）',
    group: '刑事强制措施',
    summary: '学生被采取刑事强制措施的，学校凭司法机关文书为其保留学籍，判决生效前不得注销。',
    who: '在读、休学或已保留学籍的学生',
    needsStudent: true,
    dateLabel: '登记日期',
    fields: [
      { key: 'since', label: '强制措施开始日期', kind: 'date', required: true, validate: notAfterToday },
      {
        key: 'judgmentEffectiveOn',
        label: '判决生效日期',
        kind: 'date',
        help: '尚未判决的留空',
        validate: notAfterToday,
      },
    ],
    defaults: () => ({ since: null, judgmentEffectiveOn: null }),
    request: (f) => ({
      type: 'hold',
      since: str(f.since),
      judgmentEffectiveOn: dateOrNull(f.judgmentEffectiveOn),
    }),
  },
  {
    type: 'restore',
    group: '刑事强制措施',
    summary: '强制措施解除后，学校凭司法机关文书恢复其学籍。',
    who: '保留学籍的学生',
    needsStudent: true,
    dateLabel: '恢复日期',
    fields: [],
    defaults: none,
    request: () => ({ type: 'restore' }),
  },
  {
    type: 'reform_school_placement',
    group: '刑事强制措施',
    summary: '经原学校和监护人同意，学生转入工读学校，学籍可转可不转。',
    who: '在读学生',
    needsStudent: true,
    dateLabel: '申请日期',
    fields: [
      { key: 'school', label: '工读学校', kind: 'text', required: true },
      { key: 'recordMoves', label: '学籍随学生转移', kind: 'switch' },
    ],
    defaults: () => ({ school: '', recordMoves: false }),
    request: (f) => ({
      type: 'reform_school_placement',
      school: str(f.school),
      recordMoves: Boolean(f.recordMoves),
    }),
    form: 'reform_school_form',
  },
  {
    type: 'correct_basic_data',
    group: '信息变更',
    summary: '监护人凭居民户口簿或其他有效证明申请，学校核实，主管教育行政部门核准；原信息保留在变动记录中。',
    who: '任何未归档的学生',
    needsStudent: true,
    dateLabel: '申请日期',
    fields: [
      { key: 'field', label: '变更项目', kind: 'select', required: true, options: basicFields },
      { key: 'after', label: '变更后', kind: 'text', required: true },
    ],
    defaults: () => ({ field: 'hukou_address', after: '' }),
    request: (f) => ({ type: 'correct_basic_data', field: str(f.field), after: str(f.after) }),
    form: 'basic_data_change_form',
  },
  {
    type: 'correct_key_data',
    group: '信息变更',
    summary:
      '姓名、身份证件号码为关键信息：学籍管理员上传证明材料、学校上报，主管教育行政部门核准后，在全国学籍系统重新进行查重和身份比对，比对通过后生效。',
    who: '任何未归档的学生',
    needsStudent: true,
    dateLabel: '申请日期',
    fields: [
      {
        key: 'field',
        label: '变更项目',
        kind: 'select',
        required: true,
        options: [
          { value: 'name', label: '姓名' },
          { value: 'id_card_number', label: '身份证件号码' },
        ],
      },
      {
        key: 'after',
        label: '变更后',
        kind: 'text',
        required: true,
        help: '全国查重和身份比对在核准后重新进行，其结果作为申请的最后一个环节记录（第十一条第二款）',
        validate: (v, ctx) => {
          if (ctx.facts.field !== 'id_card_number' || !str(v)) return undefined
          const r = validateIdNumber(str(v))
          return r.ok ? undefined : r.message
        },
      },
    ],
    defaults: () => ({ field: 'name', after: '' }),
    request: (f) => ({
      type: 'correct_key_data',
      field: f.field === 'id_card_number' ? 'id_card_number' : 'name',
      after: str(f.after),
    }),
    form: 'key_data_change_form',
  },
]

export const descriptors: ChangeDescriptor[] = entries.map((e) => ({
  ...e,
  label: e.label ?? CHANGE_KINDS[e.type].label,
  rule: CHANGE_KINDS[e.type].rule,
}))

/** The descriptor of a type, if the wizards handle it. */
export function descriptorOf(type: string): ChangeDescriptor | undefined {
  return descriptors.find((d) => d.type === type)
}

/** The groups, in order, with their types. */
export function groups(): { name: string; items: ChangeDescriptor[] }[] {
  const out: { name: string; items: ChangeDescriptor[] }[] = []
  for (const d of descriptors) {
    const g = out.find((x) => x.name === d.group)
    if (g) g.items.push(d)
    else out.push({ name: d.group, items: [d] })
  }
  return out
}

/** Every kind the application list can filter by (the wizards' and the others'). */
export const listKinds: { value: ApplicationKind; label: string }[] = [
  ...descriptors.map((d) => ({ value: d.type, label: d.label })),
  ...(['approve_enrolment', 'award', 'sanction', 'lift_sanction'] as const).map((value) => ({
    value,
    label: CHANGE_KINDS[value].label,
  })),
]

/** The visible fields of a descriptor for the facts typed so far. */
export function visibleFields(d: ChangeDescriptor, facts: Facts): FactField[] {
  return d.fields.filter((f) => !f.visible || f.visible(facts))
}

/** The first problem of each visible field (required, then its own rule). */
export function fieldErrors(
  d: ChangeDescriptor,
  facts: Facts,
  ctx: Omit<FieldContext, 'facts'>,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of visibleFields(d, facts)) {
    const v = facts[f.key]
    const empty = v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
    if (f.required && empty && f.kind !== 'switch') {
      out[f.key] = `请填写${f.label}`
      continue
    }
    const message = empty ? undefined : f.validate?.(v, { ...ctx, facts })
    if (message) out[f.key] = message
  }
  return out
}
