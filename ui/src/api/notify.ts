import { h } from 'vue'
import { ElMessageBox } from 'element-plus'
import RuleRefusal from '@/components/RuleRefusal.vue'
import { kindTitles, toIpcError } from './errors'

/**
 * Shows any error a call threw in a message box: the rule id, its title and the law's article
 * for a refusal by the law; the message (and per-field messages) otherwise.
 */
export async function showError(error: unknown): Promise<void> {
  const ipc = toIpcError(error)
  await ElMessageBox.alert(h(RuleRefusal, { error: ipc }), kindTitles[ipc.kind], {
    confirmButtonText: '知道了',
    customClass: 'rule-refusal-box',
  }).catch(() => undefined)
}
