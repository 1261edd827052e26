import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfoView, IpcError } from '@/bindings/bindings'
import { getAppInfo } from '@/api/app'
import { toIpcError } from '@/api/errors'

/** Facts about the installation, loaded once. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfoView | null>(null)
  const error = ref<IpcError | null>(null)
  const loading = ref(false)

  async function load() {
    loading.value = true
    error.value = null
    try {
      info.value = await getAppInfo()
    } catch (e) {
      error.value = toIpcError(e)
    } finally {
      loading.value = false
    }
  }

  return { info, error, loading, load }
})
