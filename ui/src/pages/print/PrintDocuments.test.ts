import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import type { Channel } from '@tauri-apps/api/core'
import PrintDocuments from './PrintDocuments.vue'
import { usePrintStore } from './usePrint'

// pdf.js does not run in happy-dom: the preview's drawing is replaced, the rest runs for real.
vi.mock('@/components/pdf/pdfjs', () => ({
  openPdf: vi.fn(async () => ({
    numPages: 2,
    getPage: async () => ({ getViewport: () => ({ width: 595, height: 842 }) }),
    destroy: async () => {},
  })),
  drawPage: vi.fn(async (_p: unknown, canvas: HTMLCanvasElement) => {
    canvas.width = 595
  }),
  pageRatio: () => 842 / 595,
  printPdf: vi.fn(),
}))

class Observer {
  observe() {}
  disconnect() {}
}

describe('打印文书', () => {
  afterEach(() => {
    clearMocks()
    document.body.innerHTML = ''
  })

  it('prints a grade batch with progress, previews it and saves it', async () => {
    vi.stubGlobal('IntersectionObserver', Observer)
    const calls: { cmd: string; args: Record<string, unknown> }[] = []
    mockIPC((cmd, args) => {
      const a = (args ?? {}) as Record<string, unknown>
      calls.push({ cmd, args: a })
      if (cmd === 'document_kinds') {
        return [
          { kind: 'record_card', label: '学籍卡', perStudent: true, wholeSchool: false },
          { kind: 'change_statistics', label: '学籍变动统计表', perStudent: false, wholeSchool: true },
        ]
      }
      if (cmd === 'student_search') return { total: 0, page: 1, pageSize: 8, rows: [] }
      if (cmd === 'document_print_progress') {
        ;(a.onProgress as Channel<{ done: number; total: number }>).onmessage({ done: 1, total: 2 })
        return { kind: 'record_card', pdf: [37, 80, 68, 70], serials: ['2026-CARD-000001', '2026-CARD-000002'], documents: 2 }
      }
      if (cmd === 'document_save_pdf') return `/tmp/${a.fileName as string}`
      throw new Error(cmd)
    })
    setActivePinia(createPinia())
    const w = mount(PrintDocuments, { attachTo: document.body })
    await flushPromises()
    const store = usePrintStore()
    expect(store.kinds).toHaveLength(2)
    expect(w.get('[data-test="print-generate"]').attributes('disabled')).toBeDefined()

    store.kind = 'record_card'
    store.selection = 'grade'
    store.grade = 6
    store.className = '1班'
    await flushPromises()
    await w.get('form').trigger('submit')
    await flushPromises()
    const printed = calls.find((c) => c.cmd === 'document_print_progress')
    expect(printed?.args.input).toEqual({
      kind: 'record_card',
      studentIds: [],
      filter: { grade: 6, className: '1班', statuses: [], includeArchived: false },
    })
    expect(w.get('[data-test="print-serials"]').text()).toContain('2026-CARD-000002')
    expect(w.get('[data-test="pdf-page-count"]').text()).toBe('共 2 页')
    expect(w.findAll('[data-test="pdf-page"]')).toHaveLength(2)

    await w.get('[data-test="pdf-save"]').trigger('click')
    await flushPromises()
    const save = calls.find((c) => c.cmd === 'document_save_pdf')
    expect(save?.args.fileName).toBe('学籍卡-2026-CARD-000001至000002.pdf')
    expect(w.get('[data-test="pdf-saved-path"]').text()).toContain('/tmp/学籍卡')
  }, 20_000)

  it('needs no students for the whole-school statistics', async () => {
    mockIPC((cmd) => {
      if (cmd === 'document_kinds') {
        return [{ kind: 'change_statistics', label: '学籍变动统计表', perStudent: false, wholeSchool: true }]
      }
      throw new Error(cmd)
    })
    setActivePinia(createPinia())
    const w = mount(PrintDocuments)
    await flushPromises()
    usePrintStore().kind = 'change_statistics'
    await flushPromises()
    expect(w.find('[data-test="student-picker"]').exists()).toBe(false)
    expect(w.get('[data-test="print-generate"]').attributes('disabled')).toBeUndefined()
  })
})
