/** Choices of the student list's filters. */

export interface Option<T = string> {
  value: T
  label: string
}

/** 学籍 statuses (the backend's `Status` codes and labels). */
export const STATUS_OPTIONS: Option[] = [
  { value: 'pending_approval', label: '待核准' },
  { value: 'enrolled', label: '在读' },
  { value: 'deferred', label: '缓学' },
  { value: 'on_leave', label: '休学' },
  { value: 'abroad', label: '境外就读' },
  { value: 'held', label: '保留学籍' },
  { value: 'dropped_out', label: '辍学' },
  { value: 'transferred_out', label: '转出' },
  { value: 'withdrawn', label: '退学' },
  { value: 'deceased', label: '死亡注销' },
  { value: 'graduated', label: '毕业' },
  { value: 'completed', label: '结业' },
  { value: 'incomplete', label: '肄业' },
]

/** Flags (the backend's `students::FLAGS`). */
export const FLAG_OPTIONS: Option[] = [
  { value: 'migrant_child', label: '随迁子女' },
  { value: 'left_behind', label: '留守儿童' },
  { value: 'orphan', label: '孤儿' },
  { value: 'disability', label: '残疾' },
  { value: 'inclusive', label: '随班就读' },
  { value: 'foreign_national', label: '外籍' },
]

/** Tag colour of a status in lists. */
export function statusTagType(code: string): 'success' | 'warning' | 'info' | 'danger' | 'primary' {
  switch (code) {
    case 'enrolled':
      return 'success'
    case 'pending_approval':
      return 'primary'
    case 'deferred':
    case 'on_leave':
    case 'abroad':
    case 'held':
      return 'warning'
    case 'dropped_out':
    case 'deceased':
      return 'danger'
    default:
      return 'info'
  }
}
