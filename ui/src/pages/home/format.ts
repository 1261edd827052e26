import type { FindingView, TodoView } from '@/bindings/bindings'

/**
 * How a to-do's deadline reads: working days left or overdue. A 暂定 due date (counted past the
 * loaded holiday notices) is counted the same way; the 暂定 tag beside it says so.
 */
export function dueText(todo: Pick<TodoView, 'dueOn' | 'workingDaysLeft'>): string {
  if (!todo.dueOn) return '无期限'
  const n = todo.workingDaysLeft
  if (n === null || n === undefined) return ''
  if (n < 0) return `逾期 ${-n} 个工作日`
  if (n === 0) return '今天到期'
  return `剩 ${n} 个工作日`
}

/** A to-do is shown in red once its due date has passed. */
export function isOverdue(todo: Pick<TodoView, 'overdue' | 'workingDaysLeft'>): boolean {
  return todo.overdue || (todo.workingDaysLeft ?? 0) < 0
}

/** Where a to-do or a finding is dealt with: its application, else the student's record. */
export function targetOf(
  item: Pick<TodoView | FindingView, 'applicationId' | 'studentId'>,
): string | null {
  if (item.applicationId !== null && item.applicationId !== undefined) {
    return `/changes/${item.applicationId}`
  }
  if (item.studentId !== null && item.studentId !== undefined) {
    return `/students/${item.studentId}`
  }
  return null
}
