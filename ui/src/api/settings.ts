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

/** Puts another rule profile in force: the school approver's step, with the reason. */
export async function changeRuleProfile(profile: string, reason: string): Promise<SchoolProfile> {
  return unwrap(await commands.ruleProfileChange({ profile, reason }))
}

export async function setHardshipNoticeDays(days: number): Promise<void> {
  unwrap(await commands.hardshipNoticeDaysSet(days))
}
