import { commands, type SchoolProfile, type SettingsView, type TermView } from '@/bindings/bindings'
import { unwrap } from './errors'

/** Everything the 设置 page edits. */
export async function getSettings(): Promise<SettingsView> {
  return unwrap(await commands.settingsGet())
}

export async function updateSchool(profile: SchoolProfile): Promise<SchoolProfile> {
  return unwrap(await commands.schoolUpdate(profile))
}

export async function setTerms(terms: TermView[]): Promise<TermView[]> {
  return unwrap(await commands.termsSet(terms))
}

export async function setIdleLock(minutes: number): Promise<void> {
  unwrap(await commands.idleLockSet(minutes))
}

export async function setHardshipNoticeDays(days: number): Promise<void> {
  unwrap(await commands.hardshipNoticeDaysSet(days))
}
