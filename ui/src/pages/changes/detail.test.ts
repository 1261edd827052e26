import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import Detail from './detail.vue'
import List from './index.vue'
import { applicationView, decisionWording, keyDataView, mountAt } from './testing'
import { useAuthStore } from '@/stores/auth'

vi.mock('element-plus', async (original) => ({
  ...(await original<typeof import('element-plus')>()),
  ElMessageBox: {
    confirm: vi.fn().mockResolvedValue('confirm'),
    prompt: vi.fn().mockResolvedValue({ value: '监护人撤回' }),
  },
}))
vi.setConfig({ testTimeout: 30_000 })

type Calls = { cmd: string; args: Record<string, unknown> }[]

describe('the application pages', () => {
  afterEach(() => clearMocks())

  it('list applications with filters, overdue ones in red, and open one', async () => {
    const calls: Calls = []
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> })
      if (cmd !== 'change_list') throw new Error(cmd)
      return {
        total: 2,
        page: 1,
        pageSize: 20,
        rows: [
          applicationView({}, { id: 12, overdueWorkingDays: 3, dueOn: '2026-11-10' }).row,
          applicationView({}, { id: 13, studentName: '李四', changeKind: 'leave', changeLabel: '休学' }).row,
        ],
      }
    })
    const { wrapper, router } = await mountAt(List, '/changes')
    await flushPromises()
    expect(calls[0].args.input).toMatchObject({ state: 'open', kind: null, overdueOnly: false, page: 1 })
    expect(wrapper.get('[data-test="overdue-12"]').text()).toContain('已逾期3个工作日')
    expect(wrapper.get('[data-test="overdue-12"]').classes()).toContain('overdue')
    expect(wrapper.find('[data-test="overdue-13"]').exists()).toBe(false)
    expect(wrapper.findAll('.overdue-row')).toHaveLength(1)
    await wrapper.get('[data-test="filter-overdue"] input').setValue(true)
    await flushPromises()
    expect(calls.at(-1)!.args.input).toMatchObject({ overdueOnly: true })
    // every wizard can be started from here
    expect(wrapper.find('[data-test="new-transfer_out"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="new-correct_key_data"]').exists()).toBe(true)
    await wrapper.get('[data-test="application-13"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/changes/13')
  })

  it('records the waiting step with its date and 文号, and shows a refusal with its rule', async () => {
    const calls: Calls = []
    let refuse = true
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> })
      if (cmd === 'change_show') return applicationView()
      if (cmd === 'change_decide') {
        if (refuse) throw { kind: 'ruleViolation', code: 'rule_violation', message: '办理日期不能早于上一环节（2026-11-20）', ruleId: 'R13.1' }
        const v = applicationView({}, { currentStep: 2, currentStepLabel: '转出学校核办' })
        v.steps[1] = { ...v.steps[1], decision: 'approved', decidedOn: '2026-11-25', decidedBy: 'registrar', reference: '西教〔2026〕5号' }
        return v
      }
      throw new Error(cmd)
    })
    const { wrapper } = await mountAt(Detail, '/changes/12')
    await flushPromises()
    expect(wrapper.get('[data-test="detail-title"]').text()).toBe('转学')
    expect(wrapper.get('[data-test="step-1-decision"]').text()).toBe('待办理')
    await wrapper.get('[data-test="decide-step-1"]').trigger('click')
    await flushPromises()
    const ref = document.querySelector<HTMLInputElement>('[data-test="decide-reference"]')!
    ref.value = '西教〔2026〕5号'
    ref.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-test="decide-confirm"]')!.click()
    await flushPromises()
    expect(document.querySelector('[data-test="decide-dialog"] [data-test="refusal"]')?.textContent).toContain('R13.1')
    refuse = false
    document.querySelector<HTMLButtonElement>('[data-test="decide-confirm"]')!.click()
    await flushPromises()
    const decide = calls.filter((c) => c.cmd === 'change_decide').at(-1)!
    expect(decide.args.input).toMatchObject({
      applicationId: 12,
      step: 1,
      decision: 'approve',
      reference: '西教〔2026〕5号',
      reason: null,
      proof: null,
    })
    expect(wrapper.get('[data-test="step-1-reference"]').text()).toBe('西教〔2026〕5号')
    expect(wrapper.find('[data-test="decide-step-2"]').exists()).toBe(false)
  })

  it('words a sanction hearing as what happened and sends the school remark (R22.2)', async () => {
    const calls: Calls = []
    const hearing = {
      ordinal: 1, party: 'school', partyLabel: '学校', action: 'hearing', label: '学校举行听证会', optional: true,
      workingDays: null, permission: 'submit_changes', decision: 'pending', decidedOn: null,
      decidedBy: null, reference: null, note: null, dueOn: null, dueProvisional: null, attachmentId: null,
      wording: decisionWording,
    }
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> })
      if (cmd === 'change_show') {
        const v = applicationView({}, { changeKind: 'sanction', changeLabel: '处分', currentStepLabel: '学校举行听证会' })
        v.steps[1] = hearing
        return v
      }
      if (cmd === 'change_decide') {
        const v = applicationView({}, { changeKind: 'sanction', changeLabel: '处分', currentStep: null })
        v.steps[1] = { ...hearing, decision: 'skipped', decidedOn: '2026-12-03', note: '监护人书面表示不申请听证' }
        return v
      }
      throw new Error(cmd)
    })
    const { wrapper } = await mountAt(Detail, '/changes/12')
    await flushPromises()
    await wrapper.get('[data-test="decide-step-1"]').trigger('click')
    await flushPromises()
    const dialog = [...document.querySelectorAll('[data-test="decide-dialog"]')].at(-1)!
    expect(dialog.querySelector('[data-test="decision-approve"]')?.textContent).toContain('已举行听证会')
    expect(dialog.querySelector('[data-test="decision-skip"]')?.textContent).toContain('未申请听证')
    expect(dialog.querySelector('[data-test="decision-reject"]')).toBeNull()
    dialog.querySelector<HTMLElement>('[data-test="decision-skip"]')!.click()
    await flushPromises()
    const remark = dialog.querySelector<HTMLInputElement>('[data-test="decide-remark"]')!
    remark.value = '监护人书面表示不申请听证'
    remark.dispatchEvent(new Event('input'))
    await flushPromises()
    dialog.querySelector<HTMLButtonElement>('[data-test="decide-confirm"]')!.click()
    await flushPromises()
    const decide = calls.filter((c) => c.cmd === 'change_decide').at(-1)!
    expect(decide.args.input).toMatchObject({ step: 1, decision: 'skip', reason: '监护人书面表示不申请听证' })
    expect(wrapper.get('[data-test="step-1"]').text()).toContain('说明：监护人书面表示不申请听证')
  })

  it('prints a transfer-in form from the application, before the record exists (R13.1)', async () => {
    const calls: Calls = []
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> })
      if (cmd === 'change_show') return applicationView({}, { changeKind: 'transfer_in', changeLabel: '转入', studentId: null })
      if (cmd === 'change_form') return { kind: 'transfer_form', pdf: [37, 80, 68, 70], serials: ['2026-TRANSFER-000002'], documents: 1 }
      if (cmd === 'file_save') return '/tmp/转学申请表.pdf'
      throw new Error(cmd)
    })
    const { wrapper } = await mountAt(Detail, '/changes/12')
    await flushPromises()
    await wrapper.get('[data-test="print-form"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'change_form')!.args).toEqual({ applicationId: 12 })
    expect(calls.find((c) => c.cmd === 'file_save')!.args.input).toMatchObject({ fileName: '转学申请表-2026-TRANSFER-000002.pdf' })
    expect(wrapper.get('[data-test="printed"]').text()).toContain('2026-TRANSFER-000002')
  })

  it('records the national recheck of a key-field change as passed or failed, a failure with its reason (R11.2)', async () => {
    const calls: Calls = []
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> })
      if (cmd === 'change_show') return keyDataView()
      if (cmd === 'change_decide') {
        const v = keyDataView({}, { state: 'rejected', stateLabel: '已退回', currentStep: null, waitingOn: null })
        v.steps[2] = { ...v.steps[2], decision: 'rejected', decidedOn: '2026-11-26', decidedBy: 'registrar', note: '身份比对未通过' }
        return v
      }
      throw new Error(cmd)
    })
    const { wrapper } = await mountAt(Detail, '/changes/12')
    await flushPromises()
    // The step list shows the recheck after the bureau's approval, in a check's words.
    expect(wrapper.get('[data-test="step-2"]').text()).toContain('全国学籍系统查重及身份比对')
    expect(wrapper.get('[data-test="step-1-decision"]').text()).toBe('同意')
    expect(wrapper.get('[data-test="step-2-decision"]').text()).toBe('待办理')
    expect(wrapper.get('[data-test="step-2-who"]').text()).toContain('由学籍管理员记录')
    await wrapper.get('[data-test="decide-step-2"]').trigger('click')
    await flushPromises()
    // (an earlier test's dialog may still be in the document: the newest is this one's)
    const dialog = [...document.querySelectorAll('[data-test="decide-dialog"]')].at(-1)!
    expect(dialog.querySelector('[data-test="decision-approve"]')!.textContent).toContain('通过')
    expect(dialog.querySelector('[data-test="decision-reject"]')!.textContent).toContain('未通过（须填写原因）')
    expect(dialog.textContent).toContain('比对记录')
    expect(dialog.textContent).not.toContain('文号')
    dialog.querySelector<HTMLInputElement>('[data-test="decision-reject"] input')!.click()
    await flushPromises()
    expect(dialog.textContent).toContain('未通过原因')
    expect(dialog.querySelector('.is-error .el-form-item__label')?.textContent).toBe('未通过原因')
    expect(dialog.querySelector<HTMLButtonElement>('[data-test="decide-confirm"]')!.disabled).toBe(true)
    const reason = dialog.querySelector<HTMLTextAreaElement>('[data-test="decide-reason"]')!
    reason.value = '身份比对未通过'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    dialog.querySelector<HTMLButtonElement>('[data-test="decide-confirm"]')!.click()
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'change_decide')!.args.input).toMatchObject({
      applicationId: 12,
      step: 2,
      decision: 'reject',
      reference: null,
      reason: '身份比对未通过',
    })
    expect(wrapper.get('[data-test="step-2-decision"]').text()).toBe('未通过')
    expect(wrapper.get('[data-test="step-2-note"]').text()).toBe('身份比对未通过')
    expect(wrapper.get('[data-test="step-2"]').text()).toContain('原因：身份比对未通过')
  })

  it('withdraws an application in progress with a reason', async () => {
    const calls: Calls = []
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> })
      if (cmd === 'change_show') return applicationView()
      if (cmd === 'change_withdraw') return applicationView({}, { state: 'withdrawn', stateLabel: '已撤回', currentStep: null })
      throw new Error(cmd)
    })
    const { wrapper } = await mountAt(Detail, '/changes/12')
    await flushPromises()
    await wrapper.get('[data-test="withdraw"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'change_withdraw')!.args.input).toEqual({ applicationId: 12, reason: '监护人撤回' })
    expect(wrapper.get('[data-test="detail-state"]').text()).toBe('已撤回')
    expect(wrapper.find('[data-test="withdraw"]').exists()).toBe(false)
  })

  it('offers a step only to the role that records it', async () => {
    mockIPC((cmd) => {
      if (cmd === 'change_show') {
        const v = applicationView({}, { currentStep: 1 })
        v.steps[1] = { ...v.steps[1], party: 'school', partyLabel: '学校', label: '学校核办', permission: 'decide_school_steps' }
        return v
      }
      throw new Error(cmd)
    })
    const { wrapper } = await mountAt(Detail, '/changes/12')
    const auth = useAuthStore()
    auth.status = {
      initialized: true,
      unlocked: true,
      keyMissing: false,
      locked: false,
      session: {
        username: 'xjgly',
        displayName: '王老师',
        role: 'registrar',
        roleLabel: '学籍管理员',
        permissions: ['view_students', 'submit_changes'],
        idleLockMinutes: 10,
      },
    }
    await flushPromises()
    expect(wrapper.get('[data-test="decide-step-1"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-test="step-1-who"]').text()).toContain('由学校审核人记录，请以该身份登录后办理')
  })
})
