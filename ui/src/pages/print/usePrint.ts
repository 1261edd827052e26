import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type {
  DocumentRequest,
  IpcError,
  PrintedView,
  PrintKind,
  PrintKindView,
  StudentRow,
} from '@/bindings/bindings'
import { documentKinds, printDocuments } from '@/api/documents'
import { toIpcError } from '@/api/errors'

/** How the students of a print are chosen. */
export type Selection = 'students' | 'grade'

/** The print form, kept in a store so that leaving the page loses no choice. */
export const usePrintStore = defineStore('print', () => {
  const kinds = ref<PrintKindView[]>([])
  const kind = ref<PrintKind | null>(null)
  const selection = ref<Selection>('students')
  const students = ref<StudentRow[]>([])
  const grade = ref<number | null>(null)
  const className = ref('')
  const includeArchived = ref(false)
  const printed = ref<PrintedView | null>(null)
  const progress = ref({ done: 0, total: 0 })
  const loading = ref(false)
  const error = ref<IpcError | null>(null)

  const current = computed(() => kinds.value.find((k) => k.kind === kind.value) ?? null)

  async function loadKinds() {
    if (kinds.value.length) return
    try {
      kinds.value = await documentKinds()
    } catch (e) {
      error.value = toIpcError(e)
    }
  }

  /** What the form asks for, or why it cannot be printed yet. */
  const request = computed<DocumentRequest | string>(() => {
    const k = current.value
    if (!k) return '请选择文书种类'
    if (k.wholeSchool) return { kind: k.kind, studentIds: [], filter: null }
    if (selection.value === 'students') {
      if (students.value.length === 0) return '请选择学生'
      return { kind: k.kind, studentIds: students.value.map((s) => s.id), filter: null }
    }
    if (grade.value === null) return '请选择年级'
    return {
      kind: k.kind,
      studentIds: [],
      filter: {
        grade: grade.value,
        className: className.value.trim() || null,
        statuses: [],
        includeArchived: includeArchived.value,
      },
    }
  })

  async function print(): Promise<boolean> {
    const req = request.value
    if (typeof req === 'string') return false
    loading.value = true
    error.value = null
    printed.value = null
    progress.value = { done: 0, total: 0 }
    try {
      printed.value = await printDocuments(req, (p) => {
        progress.value = { done: p.done, total: p.total }
      })
      return true
    } catch (e) {
      error.value = toIpcError(e)
      return false
    } finally {
      loading.value = false
    }
  }

  /** The suggested file name: the kind and the serial (or the range). */
  const fileName = computed(() => {
    const p = printed.value
    if (!p) return '文书.pdf'
    const label = kinds.value.find((k) => k.kind === p.kind)?.label ?? '文书'
    const first = p.serials[0] ?? ''
    const last = p.serials[p.serials.length - 1] ?? ''
    const serial = first === last ? first : `${first}至${last.split('-').pop()}`
    return `${label.replace(/[（）()、]/g, '')}-${serial}.pdf`
  })

  return {
    kinds,
    kind,
    selection,
    students,
    grade,
    className,
    includeArchived,
    printed,
    progress,
    loading,
    error,
    current,
    request,
    fileName,
    loadKinds,
    print,
  }
})
