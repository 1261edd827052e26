import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import type { Channel } from '@tauri-apps/api/core'
import GraduationBatch from './GraduationBatch.vue'

const confirm = vi.fn()
vi.mock('element-plus', async (importOriginal) => {
  const real = await importOriginal<typeof import('element-plus')>()
  return { ...real, ElMessageBox: { confirm: (...a: unknown[]) => confirm(...a) } }
})

const student = (id: number, name: string) => ({
  id,
  xuejiNumber: `G33010620100301001${id}`,
  name,
  sex: '男',
  birthDate: '2010-03-01',
  idNumberMasked: '330106********001X',
  grade: 6,
  gradeLabel: '六年级',
  className: '1班',
  status: { code: 'enrolled', label: '在读' },
  archived: false,
})

const row = (studentId: number, name: string, outcome: string, label: string, rule: string) => ({
  studentId,
  name,
  className: '1班',
  gradeLabel: '六年级',
  outcome,
  outcomeLabel: label,
  rule,
  auxNumber: `ZJ${studentId}`,
  purgesSanctions: true,
  problems: [] as { field: string; rule: string; message: string }[],
})

let calls: { cmd: string; args: Record<string, unknown> }[] = []

function backend(problem = false) {
  calls = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>
    calls.push({ cmd, args: a })
    const input = a.input as Record<string, unknown> | undefined
    switch (cmd) {
      case 'student_search':
        if (input?.pageSize === 1) return { total: input.grade === 6 ? 2 : 0, page: 1, pageSize: 1, rows: [] }
        return { total: 2, page: 1, pageSize: 200, rows: [student(1, '张三'), student(2, '李四')] }
      case 'graduation_preview': {
        const second = row(2, '李四', 'completed', '结业', 'R25.2')
        if (problem) second.problems.push({ field: 'auxNumber', rule: 'R26.1', message: '学籍辅号ZJ1在本批中重复' })
        return {
          grade: 6,
          on: '2026-07-01',
          rows: [row(1, '张三', 'graduated', '毕业', 'R25.1'), second],
          graduated: 1,
          completed: 1,
          incomplete: 0,
          withProblems: problem ? 1 : 0,
          missing: [],
        }
      }
      case 'graduation_confirm':
        return {
          on: '2026-07-01',
          finished: 2,
          graduated: 1,
          completed: 1,
          incomplete: 0,
          rows: [row(1, '张三', 'graduated', '毕业', 'R25.1'), row(2, '李四', 'completed', '结业', 'R25.2')],
        }
      case 'graduation_certificates': {
        const ch = a.onProgress as Channel<{ done: number; total: number }>
        ch.onmessage({ done: 1, total: 2 })
        ch.onmessage({ done: 2, total: 2 })
        return { kind: 'certificate', pdf: [37, 80, 68, 70], serials: ['2026-CERT-000001', '2026-CERT-000002'], documents: 2 }
      }
      case 'document_save_pdf':
        return `/home/registrar/${a.fileName as string}`
    }
    throw new Error(`unexpected command ${cmd}`)
  })
}

async function mountBatch() {
  setActivePinia(createPinia())
  const wrapper = mount(GraduationBatch, { attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('毕业 batch', () => {
  beforeEach(() => confirm.mockReset())
  afterEach(() => {
    clearMocks()
    document.body.innerHTML = ''
  })

  it('walks from the roster to printed certificates saved as one PDF', async () => {
    backend()
    const w = await mountBatch()
    expect(w.get('[data-test="graduation-grade-6"]').text()).toContain('六年级（2 人在读）')
    await w.get('[data-test="graduation-start"]').trigger('submit')
    await flushPromises()
    expect(w.findAll('[data-test="result-aux"]')).toHaveLength(2)

    await w.get('[data-test="graduation-aux-start"]').setValue('ZJ2026000001')
    await w.get('[data-test="graduation-aux-fill"]').trigger('click')
    await w.get('[data-test="graduation-preview"]').trigger('click')
    await flushPromises()
    const preview = calls.find((c) => c.cmd === 'graduation_preview')
    const results = (preview?.args.input as { results: { auxNumber: string }[] }).results
    expect(results.map((r) => r.auxNumber)).toEqual(['ZJ2026000001', 'ZJ2026000002'])

    const review = w.get('[data-test="graduation-review"]').text()
    expect(review).toContain('毕业')
    expect(review).toContain('R25.2')
    await w.get('[data-test="graduation-next"]').trigger('click')
    await flushPromises()

    // The 文号 is required before the confirmation is even asked.
    await w.get('[data-test="graduation-confirm"]').trigger('submit')
    await flushPromises()
    expect(confirm).not.toHaveBeenCalled()
    await w.get('[data-test="graduation-reference"]').setValue('西教学〔2026〕18号')
    confirm.mockResolvedValue('confirm')
    await w.get('[data-test="graduation-confirm"]').trigger('submit')
    await flushPromises()
    expect(confirm.mock.calls[0][0]).toContain('不能撤销')
    const confirmed = calls.find((c) => c.cmd === 'graduation_confirm')
    expect((confirmed?.args.input as { bureauReference: string }).bureauReference).toBe('西教学〔2026〕18号')
    expect(w.get('[data-test="graduation-done"]').text()).toContain('已办理 2 名学生')

    await w.get('[data-test="certificate-print"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-test="certificate-progress-text"]').text()).toContain('2 / 2')
    expect(w.get('[data-test="certificate-serials"]').text()).toContain('2026-CERT-000001 至 2026-CERT-000002')
    const save = calls.find((c) => c.cmd === 'document_save_pdf')
    expect(save?.args.pdf).toEqual([37, 80, 68, 70])
    expect(w.get('[data-test="certificate-saved-path"]').text()).toContain('.pdf')
  }, 30_000)

  it('blocks the batch while a row has a problem and shows its rule', async () => {
    backend(true)
    const w = await mountBatch()
    await w.get('[data-test="graduation-start"]').trigger('submit')
    await flushPromises()
    await w.get('[data-test="graduation-preview"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-test="review-problem"]').text()).toBe('【R26.1】学籍辅号ZJ1在本批中重复')
    expect(w.get('[data-test="graduation-next"]').attributes('disabled')).toBeDefined()
  })

  it('keeps the draft when the page is left and opened again', async () => {
    backend()
    setActivePinia(createPinia())
    const first = mount(GraduationBatch)
    await flushPromises()
    await first.get('[data-test="graduation-start"]').trigger('submit')
    await flushPromises()
    await first.get('[data-test="graduation-aux-start"]').setValue('A1')
    await first.get('[data-test="graduation-aux-fill"]').trigger('click')
    first.unmount()
    const again = mount(GraduationBatch)
    await flushPromises()
    const aux = again.findAll('[data-test="result-aux"]')
    expect(aux.map((i) => (i.element as HTMLInputElement).value)).toEqual(['A1', 'A2'])
  })
})
