import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import Detail from './detail.vue'
import { mountAt } from '../changes/testing'
import { approver, classAssessed, decided, hardshipView, loginAs, registrar } from './testing'

vi.mock('element-plus', async (original) => ({
  ...(await original<typeof import('element-plus')>()),
  ElMessageBox: { confirm: vi.fn().mockResolvedValue('confirm') },
}))
vi.mock('@/components/pdf/pdfjs', () => ({
  openPdf: vi.fn(async () => ({
    numPages: 1,
    getPage: async () => ({ getViewport: () => ({ width: 595, height: 842 }) }),
    destroy: async () => {},
  })),
  drawPage: vi.fn(async () => {}),
  pageRatio: () => 842 / 595,
  printPdf: vi.fn(),
}))
vi.setConfig({ testTimeout: 30_000 })

type Calls = { cmd: string; args: Record<string, unknown> }[]

function backend(calls: Calls, answers: Record<string, (args: Record<string, unknown>) => unknown>) {
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      observe() {}
      disconnect() {}
    },
  )
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> })
    const answer = answers[cmd]
    if (!answer) throw new Error(cmd)
    return answer(args as Record<string, unknown>)
  })
}

describe('one hardship assessment, step by step', () => {
  afterEach(() => clearMocks())

  it('the registrar records the class assessment; the decision waits for the approver', async () => {
    const calls: Calls = []
    backend(calls, {
      hardship_show: () => hardshipView(),
      hardship_class_assess: () => hardshipView(classAssessed),
    })
    const { wrapper } = await mountAt(Detail, '/hardship/5')
    loginAs('registrar', registrar)
    await flushPromises()
    expect(wrapper.get('[data-test="hardship-status"]').text()).toBe('待班级评议')
    expect(wrapper.get('[data-test="hardship-facts-factors"]').text()).toBe('家庭经济因素、特殊群体因素')
    await wrapper.get('[data-test="class-level-special"] input').setValue(true)
    await wrapper.get('input[data-test="class-note"]').setValue('经班级认定小组评议，情况属实')
    await wrapper.get('[data-test="class-save"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'hardship_class_assess')!.args).toMatchObject({
      id: 5,
      input: { result: 'special', note: '经班级认定小组评议，情况属实' },
    })
    expect(wrapper.get('[data-test="class-result"]').text()).toContain('特别困难')
    expect(wrapper.get('[data-test="decide-waiting"]').text()).toContain('待学校审核人认定')
  })

  it('the approver decides, and a refusal shows its message', async () => {
    const calls: Calls = []
    let refuse = true
    backend(calls, {
      hardship_show: () => hardshipView(classAssessed),
      hardship_decide: () => {
        if (refuse) {
          throw {
            kind: 'validation', code: 'validation', message: '认定日期不能早于班级评议日期',
            fields: { decidedOn: '认定日期不能早于班级评议日期' },
          }
        }
        return hardshipView({ ...decided, status: { code: 'in_notice', label: '公示中' } })
      },
    })
    const { wrapper } = await mountAt(Detail, '/hardship/5')
    loginAs('approver', approver)
    await flushPromises()
    await wrapper.get('[data-test="decide-level-special"] input').setValue(true)
    await wrapper.get('[data-test="decide-save"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-test="step-decide"] [data-test="refusal"]').text()).toContain('认定日期不能早于班级评议日期')
    refuse = false
    await wrapper.get('[data-test="decide-save"]').trigger('click')
    await flushPromises()
    expect(calls.filter((c) => c.cmd === 'hardship_decide').at(-1)!.args).toMatchObject({
      id: 5,
      input: { level: 'special', note: null, noticeFrom: null },
    })
    expect(wrapper.get('[data-test="decide-level"]').text()).toBe('特别困难')
    expect(wrapper.get('[data-test="notice-period"]').text()).toContain('2026-12-02 至 2026-12-08')
    expect(wrapper.get('[data-test="hardship-status"]').text()).toBe('公示中')
  })

  it('an objection in the notice is recorded by the registrar and ruled on by the approver', async () => {
    const calls: Calls = []
    const objection = { number: 1, raisedOn: '2026-12-03', raisedBy: '匿名', content: '收入不实', recordedBy: 'registrar' }
    const pending = hardshipView({
      ...decided,
      status: { code: 'objection_pending', label: '公示异议待处理' },
      objections: [{ ...objection, sustained: null, rulingNote: null, ruledOn: null, ruledBy: null }],
    })
    backend(calls, {
      hardship_show: () => hardshipView({ ...decided, status: { code: 'in_notice', label: '公示中' } }),
      hardship_object: () => pending,
      hardship_objection_decide: () =>
        hardshipView({
          ...decided,
          status: { code: 'in_notice', label: '公示中' },
          objections: [{ ...objection, sustained: false, rulingNote: '经核实不成立', ruledOn: '2026-12-04', ruledBy: 'approver' }],
        }),
    })
    const { wrapper } = await mountAt(Detail, '/hardship/5')
    loginAs('registrar', registrar)
    await flushPromises()
    await wrapper.get('input[data-test="object-content"]').setValue('收入不实')
    await wrapper.get('[data-test="object-save"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'hardship_object')!.args).toMatchObject({
      id: 5,
      input: { raisedBy: '', content: '收入不实' },
    })
    expect(wrapper.get('[data-test="objection-1-ruling"]').text()).toBe('待学校处理')
    expect(wrapper.find('[data-test="objection-waiting"]').exists()).toBe(true)

    loginAs('approver', approver)
    await flushPromises()
    await wrapper.get('[data-test="objection-dismiss"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-test="objection-ruling"] [data-test="refusal"]').text()).toContain('请填写处理意见')
    await wrapper.get('input[data-test="objection-note"]').setValue('经核实不成立')
    await wrapper.get('[data-test="objection-dismiss"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'hardship_objection_decide')!.args).toMatchObject({
      id: 5,
      input: { number: 1, sustained: false, note: '经核实不成立' },
    })
    expect(wrapper.get('[data-test="objection-1-ruling"]').text()).toContain('不成立：经核实不成立')
  })

  it('aid is granted on an assessment in force, and 打印认定表 shows the form to save', async () => {
    const calls: Calls = []
    const aid = {
      id: 1, applicationId: 5, studentId: 7, semester: 'first', semesterLabel: '2026—2027学年第一学期',
      kind: '生活补助', amountFen: 125000, amountYuan: '1250.00', grantedOn: '2026-12-04', note: null,
    }
    const effective = {
      ...decided,
      status: { code: 'effective', label: '已生效' },
      effectiveOn: '2026-12-09',
      inForce: true,
    }
    let granted = false
    backend(calls, {
      hardship_show: () => hardshipView({ ...effective, aid: granted ? [aid] : [] }),
      hardship_aid_grant: () => {
        granted = true
        return aid
      },
      hardship_form: () => ({ fileName: '家庭经济困难学生认定申请表-5.pdf', pdf: [37, 80, 68, 70] }),
      document_save_pdf: () => '/tmp/认定表.pdf',
    })
    const { wrapper } = await mountAt(Detail, '/hardship/5')
    loginAs('registrar', registrar)
    await flushPromises()
    await wrapper.get('input[data-test="aid-kind"]').setValue('生活补助')
    await wrapper.get('[data-test="aid-amount"] input').setValue('1250')
    await wrapper.get('[data-test="aid-amount"] input').trigger('blur')
    await wrapper.get('[data-test="aid-save"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'hardship_aid_grant')!.args.input).toMatchObject({
      applicationId: 5,
      kind: '生活补助',
      amountFen: 125000,
      note: null,
    })
    expect(wrapper.get('[data-test="aid-total"]').text()).toContain('1250.00')

    await wrapper.get('[data-test="hardship-print"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'hardship_form')!.args).toEqual({ id: 5 })
    const save = document.querySelector('[data-test="pdf-save"]') as HTMLButtonElement
    save.click()
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'document_save_pdf')!.args).toEqual({
      pdf: [37, 80, 68, 70],
      fileName: '家庭经济困难学生认定申请表-5.pdf',
    })
    expect(document.querySelector('[data-test="pdf-saved-path"]')!.textContent).toContain('/tmp/认定表.pdf')
  })
})
