import { computed, ref, watch } from 'vue'

/** A column the list can show. */
export interface ColumnDef {
  key: string
  label: string
  /** Shown when the registrar has not chosen yet. */
  default: boolean
  /** Always shown (the name). */
  fixed?: boolean
  width?: number
}

export const COLUMNS: ColumnDef[] = [
  { key: 'name', label: '姓名', default: true, fixed: true, width: 110 },
  { key: 'xuejiNumber', label: '学籍号', default: true, width: 200 },
  { key: 'sex', label: '性别', default: true, width: 64 },
  { key: 'birthDate', label: '出生日期', default: true, width: 110 },
  { key: 'idNumberMasked', label: '身份证号', default: true, width: 190 },
  { key: 'gradeLabel', label: '年级', default: true, width: 90 },
  { key: 'className', label: '班级', default: true, width: 90 },
  { key: 'status', label: '学籍状态', default: true, width: 100 },
]

export const COLUMNS_STORAGE_KEY = 'xueji.students.columns'

function load(): string[] {
  try {
    const saved = JSON.parse(localStorage.getItem(COLUMNS_STORAGE_KEY) ?? 'null') as unknown
    if (Array.isArray(saved) && saved.every((k) => typeof k === 'string')) {
      const known = new Set(COLUMNS.map((c) => c.key))
      return saved.filter((k: string) => known.has(k))
    }
  } catch {
    // A damaged entry falls back to the defaults.
  }
  return COLUMNS.filter((c) => c.default).map((c) => c.key)
}

/** The columns the registrar chose, remembered on this computer (localStorage). */
export function useColumns() {
  const chosen = ref<string[]>(load())
  const visible = computed(() =>
    COLUMNS.filter((c) => c.fixed || chosen.value.includes(c.key)),
  )
  watch(
    chosen,
    (keys) => localStorage.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(keys)),
    { deep: true },
  )
  function reset() {
    chosen.value = COLUMNS.filter((c) => c.default).map((c) => c.key)
  }
  return { chosen, visible, reset }
}
