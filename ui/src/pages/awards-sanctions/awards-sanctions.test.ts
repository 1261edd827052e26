import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import Page from './index.vue'
import { applicationView, mountAt, studentRow } from '../changes/testing'

vi.mock('element-plus', async (original) => ({
  ...(await original<typeof import('element-plus')>()),
  ElMessageBox: { confirm: vi.fn().mockResolvedValue('confirm'), prompt: vi.fn() },
}))
vi.setConfig({ testTimeout: 30_000 })

type Calls = { cmd: string; args: Record<string, unknown> }[]
const sanction = { id: 3, level: 'warning', decidedOn: '2026-03-10', periodEnds: '2026-09-10', liftedOn: null }

function backend(calls: Calls, lift: (input: { change: { reoffended: boolean } }) => unknown) {
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> })
    const input = (args as { input: { change: { reoffended: boolean } } }).input
    switch (cmd) {
      case 'student_search':
        return { total: 1, page: 1, pageSize: 8, rows: [studentRow] }
      case 'student_archive':
        return { student: {}, sanctions: [sanction] }
      case 'change_check':
        return lift(input)
      case 'change_submit':
        return applicationView({ steps: [], documents: ['sanction_lift_notice'] }, { id: 30, changeKind: 'lift_sanction', state: 'applied' })
      case 'change_document':
        return { fileName: '解除处分通知书-2026-LIFT-000001.pdf', mime: 'application/pdf', data: [37, 80] }
      case 'file_save':
        return '/tmp/notice.pdf'
      default:
        throw new Error(cmd)
    }
  })
}

describe('奖励与处分: the lift (R23.2)', () => {
  beforeEach(() => sessionStorage.clear())
  afterEach(() => clearMocks())

  it('refuses with R23.2 when the student offended again, then lifts and prints the notice', async () => {
    const calls: Calls = []
    backend(calls, (input) => {
      if (input.change.reoffended) {
        throw { kind: 'ruleViolation', code: 'rule_violation', message: '处分期间再次发生违纪行为，不予解除', ruleId: 'R23.2' }
      }
      return { changeKind: 'lift_sanction', changeLabel: '解除处分', rule: 'R23.2', warnings: [], steps: [], requiredProofs: [] }
    })
    const { wrapper } = await mountAt(Page, '/awards-sanctions?tab=lift')
    await flushPromises()
    await wrapper.get('[data-test="student-row-7"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-test="lift-sanctions"]').text()).toContain('警告')
    await wrapper.get('[data-test="lift-reoffended"]').trigger('click')
    await wrapper.get('[data-test="lift-check"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-test="refusal"]').text()).toContain('R23.2')
    expect(wrapper.get('[data-test="lift-submit"]').attributes('disabled')).toBeDefined()

    await wrapper.get('[data-test="lift-reoffended"]').trigger('click')
    await wrapper.get('[data-test="lift-check"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test="refusal"]').exists()).toBe(false)
    await wrapper.get('[data-test="lift-submit"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'change_submit')!.args.input).toMatchObject({
      studentId: 7,
      change: { type: 'lift_sanction', sanctionId: 3, reformed: true, reoffended: false },
    })
    await wrapper.get('[data-test="print-lift-notice"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'change_document')!.args).toEqual({ applicationId: 30 })
    expect(wrapper.get('[data-test="printed"]').text()).toContain('2026-LIFT-000001')
  })
})
