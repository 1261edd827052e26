import {
  commands,
  type CalendarSaved,
  type CalendarView,
  type NoticeInput,
  type NoticePreview,
} from '@/bindings/bindings'
import { unwrap } from './errors'

/** The working-day calendar: notices in force, the provisional year and its statutory days. */
export async function getCalendar(): Promise<CalendarView> {
  return unwrap(await commands.calendarGet())
}

/** Reads a pasted State Council notice for checking on the month grid (nothing saved). */
export async function previewNotice(text: string): Promise<NoticePreview> {
  return unwrap(await commands.calendarPreview(text))
}

/** Saves a notice (new, or replacing the one of the same title); open deadlines are recounted. */
export async function saveNotice(input: NoticeInput): Promise<CalendarSaved> {
  return unwrap(await commands.calendarSave(input))
}

/** Removes the school's notices of a year (only `title` when given); deadlines are recounted. */
export async function removeNotice(year: number, title: string | null): Promise<CalendarSaved> {
  return unwrap(await commands.calendarRemove(year, title))
}
