import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import type { ArchiveSection, ArchiveView, StudentEditInput, StudentView } from '@/bindings/bindings'
import { inChinese, setup, settle, waitFor } from '@/test/helpers'
import ArchivePage from './index.vue'

const TITLES = [
  '（一）学籍基本信息及信息变动情况',
  '（二）学籍信息证明材料',
  '（三）综合素质发展报告',
  '（四）体质健康测试、健康体检、预防接种',
  '（五）获奖信息',
  '（六）享受资助信息',
  '（七）主管教育行政部门规定的其他信息',
]
const CODES: ArchiveSection[] = [
  'basic_data_and_history',
  'proofs',
  'quality_report',
  'health',
  'awards',
  'financial_aid',
  'other',
]

const student: StudentView = {
  id: 7,
  xuejiNumber: 'G330106201903010011',
  xuejiNumberLabel: 'G330106201903010011',
  auxNumber: null,
  idType: 'resident_id',
  idNumber: '330106201903010011',
  name: '张三',
  formerName: null,
  sex: '男',
  birthDate: '2019-03-01',
  ethnicity: '汉族',
  nationality: '中国',
  hukouKind: '非农业户口',
  hukouAddress: '浙江省杭州市西湖区文三路1号',
  currentAddress: '浙江省杭州市西湖区文三路1号',
  migrantChild: false,
  leftBehind: false,
  orphan: false,
  disabilityKind: null,
  inclusivePlacement: false,
  studyMode: 'regular',
  foreignNational: false,
  status: { code: 'pending_approval', label: '待核准' },
  grade: 1,
  gradeLabel: '一年级',
  gradeYear: 2025,
  className: '1班',
  entryDate: '2025-09-01',
  leaveUntil: null,
  placedElsewhere: null,
  archived: false,
  readOnly: false,
  version: 3,
  family: [
    { name: '张大山', relation: '父亲', phone: '13800000000', idNumber: null, employer: null, guardian: true },
  ],
}

function archive(mayViewAid: boolean): ArchiveView {
  return {
    student,
    sections: CODES.map((code, i) => ({
      code,
      title: TITLES[i],
      visible: code !== 'financial_aid' || mayViewAid,
      items:
        code === 'health'
          ? [
              {
                id: 1,
                kind: 'checkup',
                title: '入学体检',
                recordedOn: '2025-09-05',
                content: '{"结论":"合格"}',
                attachmentId: null,
              },
            ]
          : [],
    })),
    events: [
      {
        id: 1,
        kind: 'record_created',
        kindLabel: '建立学籍',
        on: '2025-09-01',
        rule: 'R6.1',
        summary: '建立学籍（待主管教育行政部门核准）',
        statusBefore: 'pending_approval',
        statusAfter: 'pending_approval',
        statusBeforeLabel: '待核准',
        statusAfterLabel: '待核准',
        gradeBefore: 1,
        gradeAfter: 1,
        recordedBy: 'registrar',
        applicationId: null,
      },
    ],
    applications: [
      {
        id: 3,
        changeKind: 'approve_enrolment',
        changeKindLabel: '学籍核准',
        state: 'open',
        stateLabel: '办理中',
        openedOn: '2025-09-02',
        closedOn: null,
        waitingOn: 'bureau',
        waitingOnLabel: '主管教育行政部门',
        dueOn: '2025-09-20',
        dueProvisional: null,
      },
    ],
    sanctions: [],
    attachments: [
      { id: 11, fileName: '户口簿.jpg', mime: 'image/jpeg', proofKind: 'household_register', proofKindLabel: '居民户口簿', applicationId: 3, size: 2048 },
    ],
    documents: [
      {
        serial: '2025-CARD-000001',
        kind: 'record_card',
        kindLabel: '学籍卡',
        issuedAt: '2025-09-03T02:00:00Z',
        issuedBy: 'registrar',
        voided: false,
      },
    ],
    deadlines: [
      {
        kind: 'archive_creation',
        due: '2027-01-04',
        rule: 'R8.1',
        label: '为学生建立学籍档案',
        provisional: true,
        provisionalReason: '暂定：尚未载入《国务院办公厅关于2027年部分节假日安排的通知》',
      },
    ],
    versions: 2,
  }
}

let edits: StudentEditInput[] = []

async function mountPage(mayViewAid = true, onEdit?: (input: StudentEditInput) => unknown) {
  edits = []
  mockIPC((cmd, args) => {
    if (cmd === 'student_archive') return archive(mayViewAid)
    if (cmd === 'student_edit') {
      const input = (args as { input: StudentEditInput }).input
      edits.push(input)
      return onEdit ? onEdit(input) : student
    }
    throw new Error(`unexpected command ${cmd}`)
  })
  const router = await setup('/students/7')
  const root = mount(inChinese(ArchivePage, { id: 7 }), {
    global: { plugins: [router, createPinia()] },
    attachTo: document.body,
  })
  await settle()
  return root.findComponent(ArchivePage)
}

describe('学籍档案', { timeout: 60_000 }, () => {
  beforeEach(() => sessionStorage.clear())
  afterEach(() => {
    clearMocks()
    document.body.innerHTML = ''
  })

  it('shows the seven sections, the timeline, documents and attachments', async () => {
    const page = await mountPage()
    const titles = page.findAll('[data-test="archive-section-title"]').map((t) => t.text())
    expect(titles).toEqual(TITLES)
    expect(page.get('[data-test="archive-name"]').text()).toBe('张三')
    expect(page.get('[data-test="archive-section-health"]').text()).toContain('入学体检')
    expect(page.get('[data-test="archive-section-health"]').text()).toContain('结论：合格')
    const timeline = page.get('[data-test="archive-timeline"]').text()
    expect(timeline).toContain('建立学籍')
    expect(timeline).toContain('学籍核准申请')
    expect(timeline).toContain('待主管教育行政部门')
    expect(page.get('[data-test="archive-documents"]').text()).toContain('2025-CARD-000001')
    expect(page.get('[data-test="archive-attachments"]').text()).toContain('户口簿.jpg')
  })

  it('lists what is still due, a date counted past the loaded notices marked 暂定', async () => {
    const page = await mountPage()
    const due = page.get('[data-test="archive-deadline"]')
    expect(due.text()).toContain('为学生建立学籍档案')
    expect(due.text()).toContain('2027-01-04 前（R8.1）')
    expect(due.get('[data-test="provisional-tag"]').attributes('aria-label')).toContain('2027年部分节假日安排的通知')
  })

  it('records the written report of a dropout from its deadline (R18.1)', async () => {
    const dropped: ArchiveView = {
      ...archive(true),
      student: { ...student, status: { code: 'dropped_out', label: '辍学' } },
      deadlines: [
        {
          kind: 'dropout_report',
          due: '2026-12-10',
          rule: 'R18.1',
          label: '书面报告乡镇人民政府和县级教育行政部门',
          provisional: false,
          provisionalReason: null,
        },
      ],
    }
    const reports: unknown[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'student_archive') return dropped
      if (cmd === 'early_leaver_check') {
        return {
          studentId: 7,
          allowed: false,
          rule: 'R18.1',
          message: '辍学学生在义务教育年限内保留学籍，学业未终止，不办理肄业；年满18周岁不再返校的，请先办理退学',
          auxNumber: null,
          studiesEndedOn: null,
        }
      }
      if (cmd === 'dropout_report_record') {
        reports.push((args as { input: unknown }).input)
        return { ...dropped, deadlines: [] }
      }
      throw new Error(`unexpected command ${cmd}`)
    })
    const router = await setup('/students/7')
    const root = mount(inChinese(ArchivePage, { id: 7 }), {
      global: { plugins: [router, createPinia()] },
      attachTo: document.body,
    })
    await settle()
    const page = root.findComponent(ArchivePage)
    await page.get('[data-test="archive-dropout-report"]').trigger('click')
    await settle()
    const save = () => document.querySelector('[data-test="dropout-report-save"]') as HTMLButtonElement
    expect(save().disabled, 'to whom is required').toBe(true)
    const field = (t: string) =>
      (document.querySelector(`input[data-test="${t}"]`) ??
        document.querySelector(`[data-test="${t}"] input`)) as HTMLInputElement
    const to = field('dropout-report-to')
    to.value = '转塘街道办事处、西湖区教育局'
    to.dispatchEvent(new Event('input'))
    const ref = field('dropout-report-reference')
    ref.value = '西教〔2026〕5号'
    ref.dispatchEvent(new Event('input'))
    await settle()
    save().click()
    await waitFor(() => expect(reports).toHaveLength(1))
    expect(reports[0]).toMatchObject({
      studentId: 7,
      reportedTo: '转塘街道办事处、西湖区教育局',
      reference: '西教〔2026〕5号',
    })
    await waitFor(() => expect(page.find('[data-test="archive-deadline"]').exists()).toBe(false))
    // a dropout keeps the record: no 肄业, and the page says why (R18.1)
    expect(page.get('[data-test="early-leaver-refused"]').text()).toContain('R18.1')
  })

  it('records the national 学籍号 of a record that has none, a refusal with its rule (R7.1)', async () => {
    const waiting: ArchiveView = {
      ...archive(true),
      student: {
        ...student,
        idType: 'passport',
        xuejiNumber: null,
        xuejiNumberLabel: '待分配',
        status: { code: 'enrolled', label: '在读' },
      },
    }
    const inputs: unknown[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'student_archive') return waiting
      if (cmd === 'student_national_number_record') {
        inputs.push((args as { input: unknown }).input)
        if (inputs.length === 1) {
          throw { kind: 'ruleViolation', code: 'rule_violation', message: '学籍号校验码错误', ruleId: 'R7.1' }
        }
        return { ...waiting.student, xuejiNumber: 'J330106201503070010', xuejiNumberLabel: 'J330106201503070010' }
      }
      throw new Error(`unexpected command ${cmd}`)
    })
    const router = await setup('/students/7')
    const root = mount(inChinese(ArchivePage, { id: 7 }), {
      global: { plugins: [router, createPinia()] },
      attachTo: document.body,
    })
    await settle()
    const page = root.findComponent(ArchivePage)
    expect(page.get('[data-test="archive-xueji-number"]').text()).toBe('待分配')
    await page.get('[data-test="archive-national-number"]').trigger('click')
    await settle()
    const input = (document.querySelector('input[data-test="national-number-input"]') ??
      document.querySelector('[data-test="national-number-input"] input')) as HTMLInputElement
    input.value = 'J330106201503070011'
    input.dispatchEvent(new Event('input'))
    await settle()
    const save = () => document.querySelector('[data-test="national-number-save"]') as HTMLButtonElement
    save().click()
    await waitFor(() => expect(document.querySelector('[data-test="national-number-dialog"]')?.textContent).toContain('R7.1'))
    expect(input.value, 'the input is kept').toBe('J330106201503070011')
    input.value = 'J330106201503070010'
    input.dispatchEvent(new Event('input'))
    await settle()
    save().click()
    await waitFor(() => expect(inputs).toHaveLength(2))
    expect(inputs[1]).toEqual({ studentId: 7, xuejiNumber: 'J330106201503070010' })
  })

  it('offers no number entry while a record has one or awaits the bureau', async () => {
    const page = await mountPage()
    expect(page.find('[data-test="archive-national-number"]').exists()).toBe(false)
  })

  it('hides section 6 from a role without hardship access', async () => {
    const page = await mountPage(false)
    const titles = page.findAll('[data-test="archive-section-title"]').map((t) => t.text())
    expect(titles).toHaveLength(6)
    expect(titles).not.toContain('（六）享受资助信息')
    expect(page.find('[data-test="archive-section-financial_aid"]').exists()).toBe(false)
    expect(page.get('[data-test="archive-hidden-sections"]').text()).toContain('无权查看')
  })

  it('an everyday edit is sent with the loaded version', async () => {
    const page = await mountPage()
    await page.get('[data-test="archive-edit"]').trigger('click')
    await settle()
    const address = document.querySelector<HTMLInputElement>('input[data-test="edit-current-address"]')!
    address.value = '浙江省杭州市西湖区文一路2号'
    address.dispatchEvent(new Event('input'))
    await settle()
    ;(document.querySelector('[data-test="edit-save"]') as HTMLElement).click()
    await waitFor(() => expect(edits).toHaveLength(1))
    expect(edits[0]).toMatchObject({
      id: 7,
      version: 3,
      fields: [{ field: 'current_address', value: '浙江省杭州市西湖区文一路2号' }],
      family: null,
    })
  })

  it('a key field is refused with R11.2 and the procedure to use', async () => {
    const page = await mountPage(true, () => {
      throw {
        kind: 'ruleViolation',
        code: 'rule_violation',
        message:
          '姓名、身份证件号为关键信息，须经主管教育行政部门核准并重新查重，请提交关键信息变更申请',
        ruleId: 'R11.2',
      }
    })
    await page.get('[data-test="archive-edit"]').trigger('click')
    await settle()
    const name = document.querySelector<HTMLInputElement>('input[data-test="edit-name"]')!
    name.value = '张三丰'
    name.dispatchEvent(new Event('input'))
    await settle()
    // Warned as typed, before saving.
    expect(document.querySelector('[data-test="edit-warning-name"]')?.textContent).toContain('R11.2')
    ;(document.querySelector('[data-test="edit-save"]') as HTMLElement).click()
    await waitFor(() =>
      expect(document.querySelector('[data-test="edit-dialog"] [data-test="refusal-rule"]')?.textContent).toBe(
        '【R11.2】',
      ),
    )
    expect(document.querySelector('[data-test="edit-dialog"] [data-test="refusal-message"]')?.textContent).toContain(
      '姓名、身份证件号为关键信息',
    )
    expect(edits[0].fields).toEqual([{ field: 'name', value: '张三丰' }])
    expect(document.querySelector('[data-test="edit-procedure"]')?.textContent).toContain(
      '关键信息变更申请',
    )
    // The draft is kept after the refusal.
    expect(sessionStorage.getItem('xueji.draft.student-edit.7')).toContain('张三丰')
  })
})
