import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import CompletionProof from './CompletionProof.vue'

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

const graduate = {
  id: 3,
  xuejiNumber: 'G330106201103010019',
  name: '陈一',
  sex: '男',
  birthDate: '2011-03-01',
  idNumberMasked: '330106********0019',
  grade: 9,
  gradeLabel: '九年级',
  className: '1班',
  status: { code: 'graduated', label: '毕业' },
  archived: true,
}

describe('证书遗失证明', () => {
  afterEach(() => clearMocks())

  it('lists finished students only and issues the proof, or shows the refusal with its rule', async () => {
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        observe() {}
        disconnect() {}
      },
    )
    const searches: unknown[] = []
    let refuse = true
    mockIPC((cmd, args) => {
      const a = args as Record<string, unknown>
      if (cmd === 'student_search') {
        searches.push(a.input)
        return { total: 1, page: 1, pageSize: 8, rows: [graduate] }
      }
      if (cmd === 'completion_proof') {
        if (refuse) throw { kind: 'ruleViolation', code: 'rule_violation', message: '该生尚未毕业、结业或肄业', ruleId: 'R26.2' }
        return { kind: 'completion_proof', pdf: [37, 80, 68, 70], serials: ['2026-PROOF-000001'], documents: 1 }
      }
      throw new Error(cmd)
    })
    const w = mount(CompletionProof)
    await flushPromises()
    expect(searches[0]).toMatchObject({
      statuses: ['graduated', 'completed', 'incomplete'],
      includeArchived: true,
    })
    expect(w.get('[data-test="proof-issue"]').attributes('disabled')).toBeDefined()
    await w.get('[data-test="student-picker-results"] tbody tr').trigger('click')
    await w.get('[data-test="proof-issue"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-test="refusal-rule"]').text()).toBe('【R26.2】')
    expect(w.get('[data-test="refusal-message"]').text()).toBe('该生尚未毕业、结业或肄业')

    refuse = false
    await w.get('[data-test="proof-issue"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="refusal"]').exists()).toBe(false)
    expect(w.get('[data-test="pdf-page-count"]').text()).toBe('共 1 页')
  }, 20_000)
})
