import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import type { IpcError } from '@/bindings/bindings'
import { toIpcError } from '@/api/errors'
import { showError as showRefusal } from '@/api/notify'

/** The line shown for a refusal: the rule id in brackets, then the message. */
export function refusalText(e: IpcError): string {
  return e.ruleId ? `【${e.ruleId}】${e.message}` : e.message
}

/**
 * Shows a failed call and returns its IpcError (for field errors): a refusal by the law in a box
 * with its rule and the law's article, anything else as a message.
 */
export function showError(e: unknown): IpcError {
  const ipc = toIpcError(e)
  if (ipc.ruleId) {
    void showRefusal(ipc)
  } else {
    ElMessage({ type: 'error', message: refusalText(ipc), duration: 6000, showClose: true })
  }
  return ipc
}

export function showOk(message: string) {
  ElMessage({ type: 'success', message })
}
