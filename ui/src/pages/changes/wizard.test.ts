import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import Wizard from './wizard.vue'
import { applicationView, mountAt, studentRow } from './testing'

vi.mock('element-plus', async (original) => ({
  ...(await original<typeof import('element-plus')>()),
  ElMessageBox: { confirm: vi.fn().mockResolvedValue('confirm'), prompt: vi.fn() },
}))

type Calls = { cmd: string; args: Record<string, unknown> }[]

function backend(calls: Calls, check: () => unknown) {
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> })
    switch (cmd) {
      case 'student_search':
        return { total: 1, page: 1, pageSize: 8, rows: [studentRow] }
      case 'change_check':
        return check()
      case 'change_submit':
        return applicationView({}, { currentStep: 0, currentStepLabel: '监护人提出申请' })
      case 'change_form':
        return { kind: 'transfer_form', pdf: [37, 80, 68, 70], serials: ['2026-TRANSFER-000001'], documents: 1 }
      case 'file_save':
        return '/tmp/转学申请表.pdf'
      default:
        throw new Error(`unexpected ${cmd}`)
    }
  })
}

async function toFacts(wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper']) {
  await flushPromises()
  await wrapper.get('[data-test="student-row-7"]').trigger('click')
  await flushPromises()
  expect(wrapper.get('[data-test="chosen-student"]').text()).toContain('张小明')
  await wrapper.get('[data-test="wizard-next"]').trigger('click')
  await flushPromises()
}

// Mounting Element Plus pages is slow on a loaded machine.
vi.setConfig({ testTimeout: 30_000 })

describe('a change wizard', () => {
  beforeEach(() => sessionStorage.clear())
  afterEach(() => clearMocks())

  it('shows the rule id and message when the law refuses (transfer during leave, R13.5)', async () => {
    const calls: Calls = []
    backend(calls, () => {
      throw { kind: 'ruleViolation', code: 'rule_violation', message: '学生在休学期间不办理转学手续', ruleId: 'R13.5' }
    })
    const { wrapper } = await mountAt(Wizard, '/changes/new/transfer_out')
    await toFacts(wrapper)
    // the grade was filled in from the student; a receiving school is still missing
    expect(wrapper.get('[data-test="wizard-check"]').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-test="option-route-across_counties"] input').setValue(true)
    await wrapper.get('[data-test="fact-receivingSchool"]').setValue('杭州市某小学')
    await flushPromises()
    await wrapper.get('[data-test="wizard-check"]').trigger('click')
    await flushPromises()
    const refusal = wrapper.get('[data-test="refusal"]')
    expect(refusal.text()).toContain('R13.5')
    expect(refusal.text()).toContain('学生在休学期间不办理转学手续')
    expect(wrapper.get('[data-test="wizard-next"]').attributes('disabled')).toBeDefined()
    const check = calls.find((c) => c.cmd === 'change_check')!
    expect(check.args.input).toMatchObject({
      studentId: 7,
      change: {
        type: 'transfer_out',
        kind: { type: 'regular' },
        grade: 4,
        receivingSchool: '杭州市某小学',
        route: 'across_counties',
      },
      proofs: [],
    })
    expect(calls.some((c) => c.cmd === 'change_submit')).toBe(false)
  })

  it('walks the allowed path: proofs, check, submit, print the approval form, done', async () => {
    const calls: Calls = []
    backend(calls, () => ({
      changeKind: 'transfer_out',
      changeLabel: '转学',
      rule: 'R13.1',
      warnings: [{ rule: 'R13.2', message: '转学一般在学期结束后至新学期开始前办理' }],
      steps: [
        { ordinal: 0, party: 'guardian', partyLabel: '监护人', label: '监护人提出申请', optional: false, workingDays: null, permission: 'submit_changes' },
        { ordinal: 1, party: 'receiving_school', partyLabel: '转入学校', label: '转入学校核办', optional: false, workingDays: 10, permission: 'submit_changes' },
      ],
      requiredProofs: [{ anyOf: ['written_application'], label: '监护人书面申请' }],
    }))
    const { wrapper, router } = await mountAt(Wizard, '/changes/new/transfer_out')
    await toFacts(wrapper)
    await wrapper.get('[data-test="option-route-across_counties"] input').setValue(true)
    await wrapper.get('[data-test="fact-receivingSchool"]').setValue('杭州市某小学')
    const file = new File(['%PDF-1.4\n'], '申请书.pdf', { type: 'application/pdf' })
    const input = wrapper.get('[data-test="proof-file-0"]')
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    await vi.waitFor(() => expect(wrapper.find('[data-test="proof-item-0"]').exists()).toBe(true), {
      timeout: 10_000,
    })
    expect(wrapper.get('[data-test="proof-item-0"]').text()).toContain('申请书.pdf')

    await wrapper.get('[data-test="wizard-check"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-test="check-ok"]').text()).toContain('符合规定')
    expect(wrapper.get('[data-test="check-warning"]').text()).toContain('R13.2')
    expect(wrapper.find('[data-test="check-missing"]').exists()).toBe(false)
    await wrapper.get('[data-test="wizard-next"]').trigger('click')
    await flushPromises()
    await wrapper.get('[data-test="wizard-submit"]').trigger('click')
    await flushPromises()
    const submit = calls.find((c) => c.cmd === 'change_submit')!
    expect(submit.args.input).toMatchObject({
      studentId: 7,
      proofs: [{ kind: 'written_application', fileName: '申请书.pdf', mime: 'application/pdf', dataBase64: 'JVBERi0xLjQK' }],
    })
    expect(wrapper.get('[data-test="submitted"]').text()).toContain('申请编号 12')

    await wrapper.get('[data-test="print-form"]').trigger('click')
    await flushPromises()
    // the application's own form, not the student's latest of its kind
    expect(calls.find((c) => c.cmd === 'change_form')!.args).toEqual({ applicationId: 12 })
    expect(calls.find((c) => c.cmd === 'file_save')!.args.input).toEqual({
      fileName: '转学申请表-2026-TRANSFER-000001.pdf',
      data: [37, 80, 68, 70],
    })
    expect(wrapper.get('[data-test="printed"]').text()).toContain('2026-TRANSFER-000001')
    await wrapper.get('[data-test="wizard-next"]').trigger('click')
    await flushPromises()
    await wrapper.get('[data-test="open-application"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/changes/12'), { timeout: 10_000 })
    await flushPromises()
    // the draft is gone once done
    expect(JSON.parse(sessionStorage.getItem('xueji.changeDrafts') ?? '{}').transfer_out).toBeUndefined()
  })

  it('keeps the draft when the page is left and reopened', async () => {
    const calls: Calls = []
    backend(calls, () => ({}))
    const first = await mountAt(Wizard, '/changes/new/transfer_out')
    await toFacts(first.wrapper)
    await first.wrapper.get('[data-test="fact-receivingSchool"]').setValue('西湖小学')
    await flushPromises()
    first.wrapper.unmount()
    const again = await mountAt(Wizard, '/changes/new/transfer_out')
    await flushPromises()
    expect(
      (again.wrapper.get('[data-test="fact-receivingSchool"]').element as HTMLInputElement).value,
    ).toBe('西湖小学')
  })
})
