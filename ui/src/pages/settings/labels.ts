// Chinese labels of the 设置 page.

export const schoolKinds = [
  { value: 'primary', label: '小学', grades: [1, 2, 3, 4, 5, 6] },
  { value: 'junior', label: '初中', grades: [7, 8, 9] },
  { value: 'nine_year', label: '九年一贯制学校', grades: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
  { value: 'special_education', label: '特殊教育学校', grades: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
]

export const roles = [
  { value: 'registrar', label: '学籍管理员' },
  { value: 'approver', label: '学校审核人' },
  { value: 'moral_education', label: '德育处' },
  { value: 'read_only', label: '只读查询' },
] as const

export const backupKinds: Record<string, string> = {
  auto: '自动备份',
  manual: '手动备份',
  pre_restore: '恢复前的数据库',
  pre_migration: '升级前的数据库',
  damaged: '无法打开的原数据库',
  other: '其他备份',
}

/** `12.3 MB` */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** An RFC 3339 time as `2026-03-02 08:15:00` in local time. */
export function localTime(rfc3339: string): string {
  const d = new Date(rfc3339)
  if (Number.isNaN(d.getTime())) return rfc3339
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}
