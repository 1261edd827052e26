import {
  commands,
  type BackupCheckView,
  type BackupListView,
  type BackupSchedule,
  type BackupView,
  type OffsiteBackup,
  type RestoreInput,
  type RestoreView,
} from '@/bindings/bindings'
import { unwrap } from './errors'

export async function createBackup(to: string | null = null): Promise<BackupView> {
  return unwrap(await commands.backupCreate(to))
}

export async function listBackups(): Promise<BackupListView> {
  return unwrap(await commands.backupList())
}

export async function verifyBackup(file: string): Promise<BackupCheckView> {
  return unwrap(await commands.backupVerify(file))
}

export async function setBackupSchedule(schedule: BackupSchedule): Promise<BackupSchedule> {
  return unwrap(await commands.backupScheduleSet(schedule))
}

export async function restoreBackup(input: RestoreInput): Promise<RestoreView> {
  return unwrap(await commands.backupRestore(input))
}

/** Chooses (or clears) the folder for copies outside the data folder. */
export async function setOffsiteFolder(folder: string | null): Promise<OffsiteBackup> {
  return unwrap(await commands.backupOffsiteFolderSet(folder))
}

/** A copy into the off-site folder now. */
export async function backupOffsiteNow(): Promise<BackupView> {
  return unwrap(await commands.backupOffsiteNow())
}
