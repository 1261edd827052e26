import { ref } from 'vue'
import type { IpcError, StatisticsView } from '@/bindings/bindings'
import { getStatistics } from '@/api/statistics'
import { toIpcError } from '@/api/errors'

const data = ref<StatisticsView | null>(null)
const loading = ref(false)
const error = ref<IpcError | null>(null)

/** The 统计 figures; the last ones stay on screen while they refresh. */
export function useStatistics() {
  async function load() {
    loading.value = true
    error.value = null
    try {
      data.value = await getStatistics()
    } catch (e) {
      error.value = toIpcError(e)
    } finally {
      loading.value = false
    }
  }
  return { data, loading, error, load }
}

export function resetStatistics() {
  data.value = null
  loading.value = false
  error.value = null
}
