import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import type { IpcError } from '@/bindings/bindings'
import { toIpcError } from '@/api/errors'

/** The line shown for a refusal: the rule id in brackets, then the message. */
export function refusalText(e: IpcError): string {
  return e.ruleId ? `【${e.ruleId}】${e.message}` : e.message
}

/** Shows a failed call as a message and returns its IpcError (for field errors). */
export function showError(e: unknown): IpcError {
  const ipc = toIpcError(e)
  ElMessage({ type: 'error', message: refusalText(ipc), duration: 6000, showClose: true })
  return ipc
}

export function showOk(message: string) {
  ElMessage({ type: 'success', message })
}
