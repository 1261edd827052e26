import { reactive, ref } from 'vue'
import type { IpcError, IssuedDocumentRow, PrintKind } from '@/bindings/bindings'
import { approveReprint, documentLog, handOutDocument, voidDocument } from '@/api/documents'
import { toIpcError } from '@/api/errors'

/** The issued-document log with its filters and the void action. */
export function useDocumentLog() {
  const filter = reactive({
    kind: null as PrintKind | null,
    year: null as number | null,
    includeVoided: true,
    page: 1,
    pageSize: 20,
  })
  const rows = ref<IssuedDocumentRow[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref<IpcError | null>(null)

  async function load() {
    loading.value = true
    error.value = null
    try {
      const page = await documentLog({ ...filter, studentId: null })
      rows.value = page.rows
      total.value = page.total
    } catch (e) {
      error.value = toIpcError(e)
    } finally {
      loading.value = false
    }
  }

  /** Voids a document; the error (if any) is returned for the dialog to show. */
  async function voidOne(serial: string, reason: string): Promise<IpcError | null> {
    try {
      await voidDocument(serial, reason)
      await load()
      return null
    } catch (e) {
      return toIpcError(e)
    }
  }

  /** Runs one action on a row and reloads; the error (if any) is returned to show. */
  async function act(run: () => Promise<unknown>): Promise<IpcError | null> {
    try {
      await run()
      await load()
      return null
    } catch (e) {
      return toIpcError(e)
    }
  }

  /** Records a hand-out on `on` (YYYY-MM-DD), R26.2. */
  const handOut = (serial: string, on: string) => act(() => handOutDocument(serial, on))
  /** The approver agrees to reprint a voided certificate, R26.2. */
  const approve = (serial: string) => act(() => approveReprint(serial))

  return { filter, rows, total, loading, error, load, voidOne, handOut, approve }
}

/** Whether a row is a certificate or a completion proof (the documents handed out). */
export function handedDocument(row: IssuedDocumentRow): boolean {
  return row.kind === 'certificate' || row.kind === 'completion_proof'
}

/** Today as YYYY-MM-DD in local time. */
export function todayText(): string {
  const d = new Date()
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

/** `2026-11-28 14:05` in local time. */
export function formatTime(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}
