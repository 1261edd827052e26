import { reactive, ref, shallowRef, watch } from 'vue'
import type { IpcError, Page, SearchInput, StudentRow } from '@/bindings/bindings'
import { searchStudents } from '@/api/students'
import { toIpcError } from '@/api/errors'

/** The list's filters besides the query text. */
export interface StudentFilters {
  grade: number | null
  className: string | null
  statuses: string[]
  flags: string[]
  includeArchived: boolean
}

export type SearchRunner = (input: SearchInput) => Promise<Page<StudentRow>>

/**
 * The student list's search: a query and filters, one page of rows and the total.
 *
 * Every change starts a search at once (no debounce, no waiting for a search still running: the
 * goal is rows on screen within 100 ms of the last keystroke, and each search takes the backend a
 * few milliseconds from an index). Answers may come back in any order; only the answer to the
 * latest input is shown, so the rows never go back to an older query.
 */
export function useStudentSearch(run: SearchRunner = searchStudents, pageSize = 20) {
  const query = ref('')
  const filters = reactive<StudentFilters>({
    grade: null,
    className: null,
    statuses: [],
    flags: [],
    includeArchived: false,
  })
  const page = ref(1)
  const size = ref(pageSize)
  const rows = shallowRef<StudentRow[]>([])
  const total = ref(0)
  const error = ref<IpcError | null>(null)
  /** True until the first result arrives (the page shows a skeleton meanwhile). */
  const firstLoad = ref(true)
  const loading = ref(false)
  /** The query text of the rows shown. */
  const shownQuery = ref('')

  let requested = 0
  let waiters: (() => void)[] = []
  let onShown: ((query: string) => void) | null = null

  function input(): SearchInput {
    return {
      query: query.value.trim() || null,
      grade: filters.grade,
      className: filters.className,
      statuses: [...filters.statuses],
      flags: [...filters.flags],
      includeArchived: filters.includeArchived,
      page: page.value,
      pageSize: size.value,
    }
  }

  /** Starts a search with the current input now; only the latest one asked for is shown. */
  function refresh() {
    requested += 1
    const seq = requested
    loading.value = true
    void show(seq, input())
  }

  async function show(seq: number, asked: SearchInput) {
    try {
      const result = await run(asked)
      if (seq !== requested) return
      rows.value = result.rows
      total.value = result.total
      error.value = null
      shownQuery.value = asked.query ?? ''
      onShown?.(shownQuery.value)
    } catch (e) {
      if (seq === requested) error.value = toIpcError(e)
    } finally {
      if (seq === requested) {
        loading.value = false
        firstLoad.value = false
        const done = waiters
        waiters = []
        done.forEach((w) => w())
      }
    }
  }

  /** Resolves once the latest asked search has answered (at once if none is outstanding). */
  function settled(): Promise<void> {
    if (!loading.value) return Promise.resolve()
    return new Promise((resolve) => waiters.push(resolve))
  }

  /** Called with the query text each time new rows are shown (the page marks the render). */
  function whenShown(callback: (query: string) => void) {
    onShown = callback
  }

  // A new query or filter goes back to page 1; paging keeps them.
  watch([query, () => ({ ...filters, statuses: [...filters.statuses], flags: [...filters.flags] })], () => {
    if (page.value !== 1) page.value = 1
    else refresh()
  })
  watch([page, size], () => refresh())

  return {
    query,
    filters,
    page,
    size,
    rows,
    total,
    error,
    loading,
    firstLoad,
    shownQuery,
    refresh,
    settled,
    whenShown,
  }
}
