import { computed, ref } from 'vue'
import { useAuthStore } from '@/stores/auth'
import type { IpcError, SettingsView } from '@/bindings/bindings'
import { getSettings } from '@/api/settings'
import { toIpcError } from '@/api/errors'

const data = ref<SettingsView | null>(null)
const loading = ref(false)
const error = ref<IpcError | null>(null)

/** The settings every tab reads, loaded once and reloaded after a change. */
export function useSettings() {
  async function load() {
    loading.value = true
    error.value = null
    try {
      data.value = await getSettings()
    } catch (e) {
      error.value = toIpcError(e)
    } finally {
      loading.value = false
    }
  }
  const auth = useAuthStore()
  /** The session may change settings (the registrar); others see them read-only. */
  const canEdit = computed(() => {
    const may = auth.session?.permissions
    return !may || may.includes('manage_settings')
  })
  return { data, loading, error, load, canEdit }
}

export function resetSettings() {
  data.value = null
  loading.value = false
  error.value = null
}
