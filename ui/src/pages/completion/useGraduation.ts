import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type {
  GraduationInput,
  GraduationPreview,
  GraduationResult,
  IpcError,
  PrintedView,
} from '@/bindings/bindings'
import {
  confirmGraduation,
  gradeRoster,
  previewGraduation,
  printCertificates,
} from '@/api/batches'
import { toIpcError } from '@/api/errors'
import type { ResultRow } from './resultsFile'

/** Today as `YYYY-MM-DD` (local date). */
export function today(): string {
  const d = new Date()
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

/** The steps of the batch. */
export const STEPS = ['选择年级', '录入结果', '核对结果', '确认办理', '打印证书'] as const

/**
 * The graduation batch, kept in a store: leaving the page (or closing a dialog by mistake) loses
 * nothing until the batch is confirmed or discarded.
 */
export const useGraduationStore = defineStore('graduation-batch', () => {
  const step = ref(0)
  const grade = ref<number | null>(null)
  const on = ref(today())
  const rows = ref<ResultRow[]>([])
  const preview = ref<GraduationPreview | null>(null)
  const reference = ref('')
  const result = ref<GraduationResult | null>(null)
  const printed = ref<PrintedView | null>(null)
  const progress = ref({ done: 0, total: 0 })
  const busy = ref(false)
  const error = ref<IpcError | null>(null)

  const input = computed<GraduationInput>(() => ({
    grade: grade.value ?? 0,
    on: on.value,
    bureauReference: reference.value.trim() || null,
    results: rows.value.map((r) => ({
      studentId: r.studentId,
      programmeCompleted: r.programmeCompleted,
      overallQualityPassed: r.overallQualityPassed,
      failedSubjectsAfterMakeup: r.failedSubjectsAfterMakeup,
      auxNumber: r.auxNumber.trim() || null,
    })),
  }))

  async function run<T>(f: () => Promise<T>): Promise<T | undefined> {
    busy.value = true
    error.value = null
    try {
      return await f()
    } catch (e) {
      error.value = toIpcError(e)
      return undefined
    } finally {
      busy.value = false
    }
  }

  /** Loads every 在读 student of the grade into the table with default results. */
  async function loadRoster(): Promise<boolean> {
    if (grade.value === null) return false
    const g = grade.value
    const roster = await run(() => gradeRoster(g))
    if (!roster) return false
    rows.value = roster.map((s) => ({
      studentId: s.id,
      name: s.name,
      className: s.className,
      xuejiNumber: s.xuejiNumber,
      programmeCompleted: true,
      overallQualityPassed: true,
      failedSubjectsAfterMakeup: 0,
      auxNumber: '',
    }))
    preview.value = null
    step.value = 1
    return true
  }

  async function computePreview(): Promise<boolean> {
    const p = await run(() => previewGraduation(input.value))
    if (!p) return false
    preview.value = p
    step.value = 2
    return true
  }

  async function confirm(): Promise<boolean> {
    const r = await run(() => confirmGraduation(input.value))
    if (!r) return false
    result.value = r
    step.value = 4
    return true
  }

  async function printAll(): Promise<boolean> {
    if (!result.value) return false
    progress.value = { done: 0, total: result.value.finished }
    const ids = result.value.rows.map((r) => r.studentId)
    const p = await run(() =>
      printCertificates({ grade: grade.value, studentIds: ids }, (x) => {
        progress.value = { done: x.done, total: x.total }
      }),
    )
    if (!p) return false
    printed.value = p
    progress.value = { done: p.documents, total: p.documents }
    return true
  }

  /** Starts over (after a finished batch, or to discard a draft). */
  function reset() {
    step.value = 0
    rows.value = []
    preview.value = null
    reference.value = ''
    result.value = null
    printed.value = null
    progress.value = { done: 0, total: 0 }
    error.value = null
    on.value = today()
  }

  return {
    step,
    grade,
    on,
    rows,
    preview,
    reference,
    result,
    printed,
    progress,
    busy,
    error,
    input,
    loadRoster,
    computePreview,
    confirm,
    printAll,
    reset,
  }
})
