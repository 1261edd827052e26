import { reactive, ref } from 'vue'
import type { IpcError } from '@/bindings/bindings'
import { toIpcError } from '@/api/errors'
import { useAuthStore } from '@/stores/auth'
import { loginProblem } from './rules'

/** The login form: what was typed, the backend's answer as it is (R30.3 lockout included). */
export function useLogin(initialUsername = '') {
  const auth = useAuthStore()
  const form = reactive({ username: initialUsername, password: '' })
  const error = ref<IpcError | null>(null)
  const busy = ref(false)

  async function submit(): Promise<boolean> {
    if (busy.value) return false
    const problem = loginProblem(form)
    if (problem) {
      error.value = { kind: 'validation', code: 'validation', message: problem }
      return false
    }
    busy.value = true
    error.value = null
    try {
      await auth.login(form.username.trim(), form.password)
      return true
    } catch (e) {
      error.value = toIpcError(e)
      form.password = ''
      return false
    } finally {
      busy.value = false
    }
  }

  return { form, error, busy, submit }
}
