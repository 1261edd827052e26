import { describe, expect, it } from 'vitest'
import { LAW_VOCABULARY } from '@/bindings/bindings'

const CHANGE_KINDS = LAW_VOCABULARY.changeKinds
import {
  basicFields,
  descriptorOf,
  descriptors,
  listKinds,
  proofLabels,
  fieldErrors,
  groups,
  nextSchoolYear,
  proofNeedLabel,
  proofNeeds,
  visibleFields,
} from './descriptors'
import { validateIdNumber } from './idNumber'

const today = '2026-11-28'

describe('change descriptors', () => {
  it('cover every change type of the issue except enrolment, each once', () => {
    const types = descriptors.map((d) => d.type)
    expect(new Set(types).size).toBe(types.length)
    for (const t of [
      'defer',
      'renew_deferral',
      'end_deferral',
      'leave',
      'ordered_leave',
      'extend_leave',
      'resume',
      'transfer_out',
      'transfer_in',
      'skip',
      'repeat',
      'withdraw',
      'dropout',
      'return_from_dropout',
      'death',
      'go_abroad',
      'return_from_abroad',
      'hold',
      'restore',
      'correct_basic_data',
      'correct_key_data',
      'study_mode',
      'return_from_placement',
    ]) {
      expect(descriptorOf(t), t).toBeDefined()
    }
    expect(groups().flatMap((g) => g.items)).toHaveLength(descriptors.length)
  })

  it('build the request the Rust side reads, with the type as its tag', () => {
    for (const d of descriptors) {
      const facts = d.defaults(today, 4)
      const req = d.request(facts, { effectiveOn: today })
      expect(req.type, d.type).toBe(d.type)
      expect(d.rule, d.type).toMatch(/^R\d+\.\d+$/)
    }
  })

  it('take each kind\'s rule and name, the proofs\' names and the basic fields from Rust', () => {
    for (const d of descriptors) expect(d.rule, d.type).toBe(CHANGE_KINDS[d.type].rule)
    expect(descriptorOf('leave')?.label).toBe(CHANGE_KINDS.leave.label)
    // The wizard names the sending school's side of a transfer 转出.
    expect(descriptorOf('transfer_out')?.label).toBe('转出')
    expect(listKinds.find((k) => k.value === 'award')?.label).toBe(CHANGE_KINDS.award.label)
    expect(proofLabels).toEqual(LAW_VOCABULARY.proofLabels)
    expect(basicFields.map((f) => f.value)).toContain('hukou_address')
    expect(basicFields.find((f) => f.value === 'hukou_address')?.label).toBe('户口所在地')
  })

  it('ask for the proofs of xueji_domain::proofs::required_for, told by Rust', () => {
    const labels = (type: string, facts: Record<string, unknown> = {}) => {
      const d = descriptorOf(type)!
      return proofNeeds(d, { ...d.defaults(today, 3), ...facts } as never).map(proofNeedLabel)
    }
    expect(labels('defer')).toEqual(['监护人书面申请', '县级及以上医疗单位证明'])
    expect(labels('leave', { reason: 'illness' })).toEqual(['监护人书面申请', '县级及以上医疗单位证明'])
    expect(labels('leave', { reason: 'other' })).toEqual(['监护人书面申请', '其他有效证明材料'])
    expect(labels('ordered_leave')).toEqual(['传染病诊断证明或县级及以上医疗单位证明'])
    expect(labels('extend_leave')).toEqual(['监护人书面申请', '县级及以上医疗单位证明或其他有效证明材料'])
    expect(labels('correct_basic_data')).toEqual(['监护人书面申请', '居民户口簿或其他有效证明材料'])
    expect(labels('correct_key_data')).toEqual(['居民户口簿或其他有效证明材料'])
    for (const t of ['skip', 'repeat', 'transfer_out', 'reform_school_placement', 'resume', 'withdraw']) {
      expect(labels(t), t).toEqual(['监护人书面申请'])
    }
    expect(labels('hold')).toEqual(['司法机关相关文书'])
    expect(labels('restore')).toEqual(['司法机关相关文书'])
    expect(labels('go_abroad')).toEqual(['出境有效证件'])
    expect(labels('death')).toEqual(['死亡证明'])
    expect(labels('study_mode')).toEqual(['监护人书面申请', '残疾人证或残疾评估（鉴定）意见'])
    expect(labels('return_from_placement')).toEqual(['监护人书面申请'])
    for (const t of ['end_deferral', 'return_from_abroad', 'dropout', 'return_from_dropout', 'transfer_in']) {
      expect(labels(t), t).toEqual([])
    }
  })

  it('show the fields of the chosen reason only and check them as typed', () => {
    const leave = descriptorOf('leave')!
    const facts = leave.defaults(today, 3)
    expect(visibleFields(leave, facts).map((f) => f.key)).toEqual(['reason', 'sickSince'])
    expect(fieldErrors(leave, facts, { today, grade: 3 })).toEqual({ sickSince: '请填写病假开始日期' })
    facts.sickSince = '2026-12-01'
    expect(fieldErrors(leave, facts, { today, grade: 3 }).sickSince).toBe('日期不能晚于今天')
    facts.reason = 'other'
    expect(visibleFields(leave, facts).map((f) => f.key)).toEqual(['reason', 'description'])
    expect(leave.request({ ...facts, description: '随父母出国' }, { effectiveOn: today })).toEqual({
      type: 'leave',
      reason: { type: 'other', description: '随父母出国' },
    })
  })

  it('ask which counties the two schools are in (R13.1) and refuse a transfer into another grade before asking the Rust side (R13.4)', () => {
    const t = descriptorOf('transfer_out')!
    const facts = t.defaults(today, 4)
    expect(facts.grade).toBe(4)
    expect(fieldErrors(t, { ...facts, receivingSchool: '某小学' }, { today, grade: 4 }).route).toBeTruthy()
    expect(
      fieldErrors(t, { ...facts, receivingSchool: '某小学', route: 'within_county' }, { today, grade: 4 }),
    ).toEqual({})
    expect(t.request({ ...facts, route: 'within_county' }, { effectiveOn: today })).toMatchObject({
      route: 'within_county',
    })
    expect(fieldErrors(t, { ...facts, receivingSchool: '某小学', grade: 5 }, { today, grade: 4 }).grade).toMatch(
      /转学不能改变年级/,
    )
    expect(t.request({ ...facts, transferKind: 'special_inclusive', recordMoves: false }, { effectiveOn: today })).toMatchObject({
      kind: { type: 'special_inclusive', recordMoves: false },
    })
  })

  it('never ask for the national recheck of a key-field change: it is the application\'s last step (R11.2)', () => {
    const k = descriptorOf('correct_key_data')!
    const facts = k.defaults(today, 3)
    expect(k.fields.map((f) => f.key)).toEqual(['field', 'after'])
    expect(k.fields.find((f) => f.key === 'after')!.help).toMatch(/核准后重新进行/)
    expect(k.summary).toMatch(/核准后.*重新进行查重和身份比对，比对通过后生效/)
    expect(fieldErrors(k, { ...facts, after: '王晓明' }, { today, grade: 3 })).toEqual({})
    expect(k.request({ ...facts, after: ' 王晓明 ' }, { effectiveOn: today })).toEqual({
      type: 'correct_key_data',
      field: 'name',
      after: '王晓明',
    })
    expect(
      fieldErrors(k, { ...facts, field: 'id_card_number', after: '110105194912310021' }, { today, grade: 3 }).after,
    ).toMatch(/校验位/)
  })

  it('builds an incoming student for a transfer in', () => {
    const t = descriptorOf('transfer_in')!
    const req = t.request(
      { ...t.defaults(today, 3), name: '李四', idNumber: '11010519491231002x', guardianName: '李父', guardianRelation: '父亲' },
      { effectiveOn: today },
    )
    expect(req).toMatchObject({
      type: 'transfer_in',
      sendingSchool: '',
      student: { name: '李四', idNumber: '11010519491231002X', grade: 3, entryDate: today },
      stageEntryDate: null,
    })
    // The sending school's first entry into the stage, printed as the certificate's 入学年月 (R24.1).
    const withEntry = t.request(
      { ...t.defaults(today, 3), name: '李四', idNumber: '11010519491231002x', stageEntryDate: '2024-09-01' },
      { effectiveOn: today },
    )
    expect(withEntry).toMatchObject({ stageEntryDate: '2024-09-01' })
  })

  it('defers to the school year that has not started', () => {
    expect(nextSchoolYear('2026-11-28')).toBe(2027)
    expect(nextSchoolYear('2026-06-01')).toBe(2026)
  })
})

describe('ID numbers as typed', () => {
  it('show the birth date and sex of a valid number, or what is wrong', () => {
    expect(validateIdNumber('11010519491231002X')).toEqual({ ok: true, birthDate: '1949-12-31', sex: 'female' })
    expect(validateIdNumber('110105194912310021')).toMatchObject({ ok: false, message: expect.stringMatching(/校验位/) })
    expect(validateIdNumber('1101051949')).toMatchObject({ ok: false, message: expect.stringMatching(/18位/) })
    expect(validateIdNumber('110105194902300021')).toMatchObject({ ok: false, message: expect.stringMatching(/出生日期/) })
  })
})
