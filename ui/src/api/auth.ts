import {
  commands,
  type InitInput,
  type RecoveryCodeView,
  type SessionView,
  type SetupStatus,
} from '@/bindings/bindings'
import { unwrapQuiet } from './errors'

// Auth calls use `unwrapQuiet`: their own `locked` errors (an account locked after five wrong
// passwords, a database without its key) are answers for the login page, not a lost session.

/** Whether the app is set up, open, logged in and locked. */
export async function setupStatus(): Promise<SetupStatus> {
  return unwrapQuiet(await commands.setupStatus())
}

/** First run: creates the database, the school and the first registrar; returns the recovery code. */
export async function setupInit(input: InitInput): Promise<RecoveryCodeView> {
  return unwrapQuiet(await commands.setupInit(input))
}

/** Opens the database with the recovery code when the keyring lost its key. */
export async function setupRecover(code: string): Promise<void> {
  unwrapQuiet(await commands.setupRecover(code))
}

/** A new computer: rebuilds the data folder from a backup file and the recovery code. */
export async function setupRestoreBackup(file: string, code: string): Promise<void> {
  unwrapQuiet(await commands.setupRestoreBackup(file, code))
}

/** Saves the recovery code to a file the registrar picks; false when cancelled. */
export async function saveRecoveryCode(code: string, schoolName: string): Promise<boolean> {
  return unwrapQuiet(await commands.recoveryCodeSave(code, schoolName))
}

export async function login(username: string, password: string): Promise<SessionView> {
  return unwrapQuiet(await commands.authLogin(username, password))
}

export async function logout(): Promise<void> {
  unwrapQuiet(await commands.authLogout())
}

export async function lock(): Promise<void> {
  unwrapQuiet(await commands.authLock())
}

export async function unlock(password: string): Promise<void> {
  unwrapQuiet(await commands.authUnlock(password))
}

/** Tells the shell the first screen is on the window (the start-up bench reads it). */
export async function uiReady(screen: string): Promise<void> {
  try {
    await commands.uiReady(screen)
  } catch {
    // Only a measurement: never in the registrar's way.
  }
}
