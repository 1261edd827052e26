import { ref } from 'vue'
import type { DashboardView, IpcError } from '@/bindings/bindings'
import { getDashboard } from '@/api/dashboard'
import { toIpcError } from '@/api/errors'

// Kept between visits: coming back to 首页 shows the last figures at once while they refresh.
const data = ref<DashboardView | null>(null)
const loading = ref(false)
const error = ref<IpcError | null>(null)

/** The dashboard's data, loading state and error. */
export function useDashboard() {
  async function load() {
    loading.value = true
    error.value = null
    try {
      data.value = await getDashboard()
    } catch (e) {
      error.value = toIpcError(e)
    } finally {
      loading.value = false
    }
  }
  return { data, loading, error, load }
}

/** Forgets the cached figures (tests, logout). */
export function resetDashboard() {
  data.value = null
  loading.value = false
  error.value = null
}
