import { ref } from 'vue'
import type { IpcError, PromotionPreview, PromotionResult } from '@/bindings/bindings'
import { previewPromotion, runPromotion } from '@/api/batches'
import { toIpcError } from '@/api/errors'

/** What each kind of promotion exception is called. */
export const exceptionKinds: Record<string, string> = {
  last_grade: '最高年级',
  not_enrolled: '非在读',
  pending_application: '有未办结的申请',
  already_in_year: '已在该学年',
  refused: '规则不允许',
}

/** The year-end promotion (R12.1): preview with its exceptions, then the run. */
export function usePromotion() {
  // Promotion runs at the end of a school year into the next, which starts in the calendar year
  // the registrar is in (January–August) or has just started (September–December).
  const into = ref(new Date().getFullYear())
  const preview = ref<PromotionPreview | null>(null)
  const result = ref<PromotionResult | null>(null)
  const loading = ref(false)
  const error = ref<IpcError | null>(null)

  async function load() {
    loading.value = true
    error.value = null
    result.value = null
    try {
      preview.value = await previewPromotion(into.value)
    } catch (e) {
      preview.value = null
      error.value = toIpcError(e)
    } finally {
      loading.value = false
    }
  }

  async function run(): Promise<boolean> {
    loading.value = true
    error.value = null
    try {
      result.value = await runPromotion(into.value)
      preview.value = null
      return true
    } catch (e) {
      error.value = toIpcError(e)
      return false
    } finally {
      loading.value = false
    }
  }

  return { into, preview, result, loading, error, load, run }
}
