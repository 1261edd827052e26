import type { ErrorCode, ErrorKind, IpcError } from '@/bindings/bindings'

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

/** The code an error of each kind has when the backend sent none (an older answer). */
const kindCodes: Record<ErrorKind, ErrorCode> = {
  validation: 'validation',
  notFound: 'not_found',
  conflict: 'conflict',
  ruleViolation: 'rule_violation',
  forbidden: 'forbidden',
  locked: 'locked',
  internal: 'internal',
}

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

/** An error object from Rust: a known kind and a message; the code may be missing. */
function isIpcError(value: unknown): value is Omit<IpcError, 'code'> & { code?: unknown } {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.kind === 'string' && kinds.has(v.kind) && typeof v.message === 'string'
}

/**
 * Turns anything a call can throw into an `IpcError`: an `AppError`, an error object from Rust,
 * or the plain string Tauri rejects with when the call itself failed. An error without a code
 * gets the code of its kind.
 */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof AppError) return error.ipc
  if (isIpcError(error)) {
    if (typeof error.code === 'string') return error as IpcError
    return { ...error, code: kindCodes[error.kind] }
  }
  return { kind: 'internal', code: 'internal', message: '与程序后台通信失败，请重新启动软件。' }
}

/** The line shown to the registrar: the message, and the rule that refused it when there is one. */
export function describeError(error: IpcError): string {
  return error.ruleId ? `${error.message}（依据：${error.ruleId}）` : error.message
}

/** The message for one form field, if the error named it. */
export function fieldError(error: IpcError | null, field: string): string | undefined {
  return error?.fields?.[field]
}

/** How a refusal by the law cites it: the article, the sentence the rule comes from, the text. */
export interface LawCitation {
  /** The law's name as the text cites it (`《…办法》`), or empty. */
  law: string
  /** `第十三条`, or empty when neither the error nor its text names the article. */
  article: string
  /** The one sentence of the article behind the rule. */
  sentence: string
  /** The whole article, prefixed with the law's name; empty when the error has none. */
  text: string
}

const LAW_NAME = /^《[^》]*》/
const ARTICLE = /第[零〇一二三四五六七八九十百]+条/

/**
 * The first sentence of an article's text: after the law's name and the article label, up to
 * the first full stop (or the end of the first paragraph).
 */
export function firstSentence(lawText: string): string {
  const body = lawText
    .trim()
    .replace(LAW_NAME, '')
    .replace(new RegExp(`^\\s*${ARTICLE.source}`), '')
    .trim()
  return body.match(/^[^。！？\n]*[。！？]?/)?.[0].trim() ?? ''
}

/**
 * The citation a refusal by the law shows: `article` and `lawSentence` from the backend, else
 * read from `lawText` (its article label, its first sentence). `null` when the error cites no law.
 */
export function lawCitation(error: IpcError): LawCitation | null {
  const text = error.lawText?.trim() ?? ''
  const sentence = error.lawSentence?.trim() || (text ? firstSentence(text) : '')
  if (!sentence) return null
  const article = error.article?.trim() || text.match(ARTICLE)?.[0] || ''
  return { law: text.match(LAW_NAME)?.[0] ?? '', article, sentence, text }
}
