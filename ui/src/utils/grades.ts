const GRADE_NAMES = ['一', '二', '三', '四', '五', '六', '七', '八', '九']

/** `一年级` … `九年级`; `—` when there is no grade. */
export function gradeLabel(grade: number | null | undefined): string {
  if (!grade) return '—'
  return `${GRADE_NAMES[grade - 1] ?? grade}年级`
}

/** Grades 1 to 9, for a select or a checkbox group. */
export const GRADE_OPTIONS: { value: number; label: string }[] = GRADE_NAMES.map((_, i) => ({
  value: i + 1,
  label: gradeLabel(i + 1),
}))
