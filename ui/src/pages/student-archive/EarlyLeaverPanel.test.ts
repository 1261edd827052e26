import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { inChinese, settle, waitFor } from '@/test/helpers'
import EarlyLeaverPanel from './EarlyLeaverPanel.vue'

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

const field = (t: string) =>
  (document.querySelector(`input[data-test="${t}"]`) ??
    document.querySelector(`[data-test="${t}"] input`)) as HTMLInputElement

describe('肄业（提前离校）', () => {
  afterEach(() => {
    clearMocks()
    document.body.innerHTML = ''
  })

  it('offers 肄业 to a withdrawn early leaver and records it with the 辅号 and the bureau 文号 (R25.3, R26.1)', async () => {
    const recorded: unknown[] = []
    mockIPC((cmd, args) => {
      const a = args as Record<string, unknown>
      if (cmd === 'early_leaver_check') {
        return { studentId: 7, allowed: true, rule: 'R25.3', message: '', auxNumber: null, studiesEndedOn: '2026-11-02' }
      }
      if (cmd === 'early_leaver_incomplete') {
        recorded.push(a.input)
        return {
          studentId: 7,
          outcome: 'incomplete',
          outcomeLabel: '肄业',
          rule: 'R25.3',
          auxNumber: 'ZJ2026008',
          studiesEndedOn: '2026-11-02',
        }
      }
      throw new Error(`unexpected command ${cmd}`)
    })
    const root = mount(inChinese(EarlyLeaverPanel, { studentId: 7, status: 'withdrawn', auxNumber: null }), {
      attachTo: document.body,
    })
    await settle()
    const panel = root.findComponent(EarlyLeaverPanel)
    expect(panel.get('[data-test="early-leaver-offer"]').text()).toContain('R25.3')
    expect(panel.get('[data-test="early-leaver-offer"]').text()).toContain('2026-11-02')
    await panel.get('[data-test="early-leaver-start"]').trigger('click')
    await settle()
    const save = () => document.querySelector('[data-test="early-leaver-save"]') as HTMLButtonElement
    expect(save().disabled, 'the bureau 文号 is required').toBe(true)
    const aux = field('early-leaver-aux')
    aux.value = 'ZJ2026008'
    aux.dispatchEvent(new Event('input'))
    const ref = field('early-leaver-reference')
    ref.value = '西教籍〔2026〕41号'
    ref.dispatchEvent(new Event('input'))
    await settle()
    save().click()
    await waitFor(() => expect(recorded).toHaveLength(1))
    expect(recorded[0]).toMatchObject({
      studentId: 7,
      auxNumber: 'ZJ2026008',
      bureauReference: '西教籍〔2026〕41号',
    })
    await waitFor(() => expect(panel.emitted('recorded')).toHaveLength(1))
  })

  it('shows the refusal with its rule for a dropout, whose record is kept (R18.1)', async () => {
    mockIPC((cmd) => {
      if (cmd === 'early_leaver_check') {
        return {
          studentId: 8,
          allowed: false,
          rule: 'R18.1',
          message: '辍学学生在义务教育年限内保留学籍，学业未终止，不办理肄业；年满18周岁不再返校的，请先办理退学',
          auxNumber: null,
          studiesEndedOn: null,
        }
      }
      throw new Error(`unexpected command ${cmd}`)
    })
    const root = mount(inChinese(EarlyLeaverPanel, { studentId: 8, status: 'dropped_out', auxNumber: null }), {
      attachTo: document.body,
    })
    await settle()
    const panel = root.findComponent(EarlyLeaverPanel)
    const refused = panel.get('[data-test="early-leaver-refused"]').text()
    expect(refused).toContain('R18.1')
    expect(refused).toContain('保留学籍')
    expect(panel.find('[data-test="early-leaver-start"]').exists()).toBe(false)
  })

  it('asks nothing of a pupil still studying, and prints the 肄业证明书 once 肄业', async () => {
    const calls: string[] = []
    mockIPC((cmd) => {
      calls.push(cmd)
      if (cmd === 'completion_proof') {
        return { kind: 'completion_proof', pdf: [37, 80, 68, 70], serials: ['2026-PROOF-000001'], documents: 1 }
      }
      throw new Error(`unexpected command ${cmd}`)
    })
    const studying = mount(inChinese(EarlyLeaverPanel, { studentId: 9, status: 'enrolled', auxNumber: null }))
    await settle()
    expect(studying.find('[data-test="early-leaver"]').exists()).toBe(false)
    const root = mount(inChinese(EarlyLeaverPanel, { studentId: 7, status: 'incomplete', auxNumber: 'ZJ2026008' }), {
      attachTo: document.body,
    })
    await settle()
    await root.get('[data-test="early-leaver-proof"]').trigger('click')
    await waitFor(() => expect(calls).toContain('completion_proof'))
    expect(calls).not.toContain('early_leaver_check')
  })
})
