import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import DocumentLog from './DocumentLog.vue'

const confirm = vi.fn()
vi.mock('element-plus', async (importOriginal) => {
  const real = await importOriginal<typeof import('element-plus')>()
  return { ...real, ElMessageBox: { confirm: (...a: unknown[]) => confirm(...a) } }
})

const doc = (serial: string, voided = false) => ({
  id: 1,
  serial,
  kind: 'record_card',
  kindLabel: '学籍卡',
  studentId: 5,
  target: null,
  issuedAt: '2026-11-28T06:00:00Z',
  issuedBy: 'registrar',
  voided,
  voidedAt: voided ? '2026-11-28T07:00:00Z' : null,
  voidedBy: voided ? 'registrar' : null,
  voidReason: voided ? '打印错误' : null,
})

describe('文书发放登记', () => {
  afterEach(() => {
    clearMocks()
    document.body.innerHTML = ''
  })

  it('voids a document with a reason after a confirmation', async () => {
    let voided = false
    const voids: unknown[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'document_kinds') return [{ kind: 'record_card', label: '学籍卡', perStudent: true, wholeSchool: false }]
      if (cmd === 'document_log') {
        return { total: 1, page: 1, pageSize: 20, rows: [doc('2026-CARD-000001', voided)] }
      }
      if (cmd === 'document_void') {
        voids.push(args)
        voided = true
        return doc('2026-CARD-000001', true)
      }
      throw new Error(cmd)
    })
    setActivePinia(createPinia())
    const w = mount(DocumentLog, { attachTo: document.body })
    await flushPromises()
    expect(w.get('[data-test="document-serial"]').text()).toBe('2026-CARD-000001')

    await w.get('[data-test="document-void"]').trigger('click')
    await flushPromises()
    // No reason: no confirmation, nothing voided.
    await (document.querySelector('[data-test="void-submit"]') as HTMLElement).click()
    await flushPromises()
    expect(confirm).not.toHaveBeenCalled()

    const reason = document.querySelector('[data-test="void-reason"]') as HTMLTextAreaElement
    reason.value = '打印错误'
    reason.dispatchEvent(new Event('input'))
    confirm.mockResolvedValueOnce('confirm')
    await (document.querySelector('[data-test="void-submit"]') as HTMLElement).click()
    await flushPromises()
    expect(confirm.mock.calls[0][0]).toContain('2026-CARD-000001')
    expect(voids).toEqual([{ serial: '2026-CARD-000001', reason: '打印错误' }])
    expect(w.get('[data-test="document-voided"]').text()).toBe('已作废')
  }, 20_000)
})
