import type { ErrorKind, IpcError } from '@/bindings/bindings'

/** The result shape every generated command returns. */
export type CommandResult<T> = { status: 'ok'; data: T } | { status: 'error'; error: IpcError }

/** What each error kind is called in a message box title. */
export const kindTitles: Record<ErrorKind, string> = {
  validation: '输入有误',
  notFound: '找不到记录',
  conflict: '数据冲突',
  ruleViolation: '法规不允许',
  forbidden: '没有权限',
  locked: '已锁定',
  internal: '程序错误',
}

const kinds = new Set<string>(Object.keys(kindTitles))

/** An IPC error thrown by the api wrappers, so views can `try/catch` it. */
export class AppError extends Error {
  readonly ipc: IpcError
  constructor(ipc: IpcError) {
    super(ipc.message)
    this.name = 'AppError'
    this.ipc = ipc
  }
}

type LockedListener = (error: IpcError) => void
let lockedListener: LockedListener | null = null

/**
 * Registers who hears of a `locked` error from any command (the session store: it shows the lock
 * screen or the login page). One listener; `null` removes it.
 */
export function onLocked(listener: LockedListener | null): void {
  lockedListener = listener
}

/** Returns the data of a command, or throws its error as an `AppError`. */
export function unwrap<T>(result: CommandResult<T>): T {
  if (result.status === 'ok') return result.data
  const error = toIpcError(result.error)
  if (error.kind === 'locked') lockedListener?.(error)
  throw new AppError(error)
}

/** Like `unwrap`, without telling the `locked` listener (the login and unlock calls). */
export function unwrapQuiet<T>(result: CommandResult<T>): T {
  if (result.status === 'ok') return result.data
  throw new AppError(toIpcError(result.error))
}

function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.kind === 'string' && kinds.has(v.kind) && typeof v.message === 'string'
}

/**
 * Turns anything a call can throw into an `IpcError`: an `AppError`, an error object from Rust,
 * or the plain string Tauri rejects with when the call itself failed.
 */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof AppError) return error.ipc
  if (isIpcError(error)) return error
  return { kind: 'internal', message: '与程序后台通信失败，请重新启动软件。' }
}

/** The line shown to the registrar: the message, and the rule that refused it when there is one. */
export function describeError(error: IpcError): string {
  return error.ruleId ? `${error.message}（依据：${error.ruleId}）` : error.message
}

/** The message for one form field, if the error named it. */
export function fieldError(error: IpcError | null, field: string): string | undefined {
  return error?.fields?.[field]
}
