// The month grid of 设置—工作日历: which months a notice touches, each month's cells (weeks start on
// Monday, as Chinese calendars do), and what each day is after the registrar's adjustments.
import type { DayAdjustmentView, NoticeDayView } from '@/bindings/bindings'

export type DayMark = 'holiday' | 'makeup_workday' | 'weekend' | 'workday'

/** What the notice dialog edits: a notice read from pasted text, or one in force. */
export interface EditedNotice {
  year: number
  title: string
  entries: NoticeDayView[]
  adjustments: DayAdjustmentView[]
  /** The notice of the same title it replaces, if any. */
  replaces: string | null
  /** Other notices of that year that stay in force. */
  alongside: string[]
}

/** 0 = Monday … 6 = Sunday, for a YYYY-MM-DD date. */
export function weekdayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
}

export function isWeekend(date: string): boolean {
  return weekdayIndex(date) >= 5
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** The months (YYYY-MM) the dates fall in, in order. */
export function monthsOf(dates: string[]): string[] {
  return [...new Set(dates.map((d) => d.slice(0, 7)))].sort()
}

/** The twelve months of a year (YYYY-MM). */
export function yearMonths(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`)
}

/** A month's cells: blanks before the 1st so that each row is Monday to Sunday. */
export function monthCells(month: string): (string | null)[] {
  const [y, m] = month.split('-').map(Number)
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  const first = `${month}-01`
  const cells: (string | null)[] = Array.from({ length: weekdayIndex(first) }, () => null)
  for (let d = 1; d <= days; d++) cells.push(`${month}-${pad(d)}`)
  while (cells.length % 7 !== 0) cells.push(null)
  return cells
}

/** The days in force: the notice's entries with the adjustments applied (an unmarked day drops out). */
export function effectiveDays(
  entries: NoticeDayView[],
  adjustments: DayAdjustmentView[],
): Map<string, NoticeDayView> {
  const out = new Map(entries.map((e) => [e.date, e]))
  for (const a of adjustments) {
    if (a.kind) {
      out.set(a.date, { date: a.date, kind: a.kind, festival: out.get(a.date)?.festival ?? '（手工调整）' })
    } else {
      out.delete(a.date)
    }
  }
  return out
}

/** What a day is: from the notice (after adjustments), else by the weekday. */
export function markOf(date: string, days: Map<string, NoticeDayView>): DayMark {
  const e = days.get(date)
  if (e) return e.kind === 'holiday' ? 'holiday' : 'makeup_workday'
  return isWeekend(date) ? 'weekend' : 'workday'
}

/** Adds or replaces the adjustment of a day (one per day). */
export function withAdjustment(
  adjustments: DayAdjustmentView[],
  next: DayAdjustmentView,
): DayAdjustmentView[] {
  return [...adjustments.filter((a) => a.date !== next.date), next].sort((a, b) =>
    a.date.localeCompare(b.date),
  )
}

/** Why a day cannot be set this way, or null (a make-up workday is a Saturday or Sunday). */
export function adjustProblem(date: string, kind: string | null): string | null {
  if (kind === 'makeup_workday' && !isWeekend(date)) return '调休上班日只能是周六或周日'
  return null
}
