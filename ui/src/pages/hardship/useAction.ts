/** What each step of the hardship procedure shares: who may act, and one action's busy state and refusal. */
import { ref } from 'vue'
import type { IpcError, Permission } from '@/bindings/bindings'
import { toIpcError } from '@/api/errors'
import { useAuthStore } from '@/stores/auth'

/** Whether the logged-in user has `permission` (the backend checks again). */
export function usePermission() {
  const auth = useAuthStore()
  return (permission: Permission): boolean => auth.session?.permissions.includes(permission) ?? false
}

/** Runs one command at a time; its refusal stays in `error` for the step's RuleRefusal. */
export function useAction() {
  const busy = ref(false)
  const error = ref<IpcError | null>(null)

  async function run<T>(call: () => Promise<T>): Promise<T | null> {
    busy.value = true
    error.value = null
    try {
      return await call()
    } catch (e) {
      error.value = toIpcError(e)
      return null
    } finally {
      busy.value = false
    }
  }

  return { busy, error, run }
}
