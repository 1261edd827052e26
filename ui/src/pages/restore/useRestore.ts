import { ref } from 'vue'
import type { IpcError } from '@/bindings/bindings'
import * as api from '@/api/auth'
import { toIpcError } from '@/api/errors'
import { useAuthStore } from '@/stores/auth'
import { formatCode } from '@/pages/setup/recovery'
import { CODE_LENGTH } from '@/pages/recover/useRecover'

/** 从备份恢复 on a new computer: the backup file and the recovery code it was made under. */
export function useRestore() {
  const auth = useAuthStore()
  const file = ref('')
  const code = ref('')
  const error = ref<IpcError | null>(null)
  const busy = ref(false)

  function type(value: string) {
    code.value = formatCode(value)
  }

  function refuse(field: string, message: string) {
    error.value = { kind: 'validation', code: 'validation', message, fields: { [field]: message } }
  }

  async function submit(): Promise<boolean> {
    if (busy.value) return false
    if (!file.value.trim()) {
      refuse('file', '请选择备份文件')
      return false
    }
    if (code.value.length !== CODE_LENGTH) {
      refuse('code', '恢复码为30个字符（6组，每组5个），请输入完整')
      return false
    }
    busy.value = true
    error.value = null
    try {
      await api.setupRestoreBackup(file.value.trim(), code.value)
      code.value = ''
      await auth.refresh()
      return true
    } catch (e) {
      error.value = toIpcError(e)
      return false
    } finally {
      busy.value = false
    }
  }

  return { file, code, error, busy, type, submit }
}
