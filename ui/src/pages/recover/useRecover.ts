import { ref } from 'vue'
import type { IpcError } from '@/bindings/bindings'
import * as api from '@/api/auth'
import { toIpcError } from '@/api/errors'
import { useAuthStore } from '@/stores/auth'
import { formatCode } from '@/pages/setup/recovery'

/** 30 characters: six groups of five. */
export const CODE_LENGTH = 35

/** Opening the database with the recovery code when the keyring lost its key. */
export function useRecover() {
  const auth = useAuthStore()
  const code = ref('')
  const error = ref<IpcError | null>(null)
  const busy = ref(false)

  function type(value: string) {
    code.value = formatCode(value)
  }

  async function submit(): Promise<boolean> {
    if (busy.value) return false
    if (code.value.length !== CODE_LENGTH) {
      error.value = { kind: 'validation', code: 'validation', message: '恢复码为30个字符（6组，每组5个），请输入完整' }
      return false
    }
    busy.value = true
    error.value = null
    try {
      await api.setupRecover(code.value)
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

  return { code, error, busy, type, submit }
}
