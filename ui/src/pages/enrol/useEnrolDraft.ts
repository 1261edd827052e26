import { reactive, ref, watch } from 'vue'
import { useDraftStore } from '@/stores/drafts'
import { beijingToday } from '@/utils/dates'
import { emptyForm, isBlank, type EnrolForm } from './rules'

export const ENROL_DRAFT_KEY = 'enrol'

/**
 * The enrolment form's state, kept as a draft (this window's sessionStorage) on every change until
 * it is submitted or explicitly discarded, so leaving the page by mistake loses nothing.
 */
export function useEnrolDraft(today: () => string = () => beijingToday()) {
  const drafts = useDraftStore()
  const saved = drafts.get<EnrolForm>(ENROL_DRAFT_KEY)
  const form = reactive<EnrolForm>({ ...emptyForm(today()), ...(saved ?? {}) })
  const restored = ref(saved !== null && !isBlank(form, today()))

  watch(
    form,
    () => {
      if (isBlank(form, today())) drafts.discard(ENROL_DRAFT_KEY)
      else drafts.save(ENROL_DRAFT_KEY, form)
    },
    { deep: true },
  )

  /** Empties the form and forgets the draft. */
  function discard() {
    drafts.discard(ENROL_DRAFT_KEY)
    Object.assign(form, emptyForm(today()))
    restored.value = false
  }

  /** After a successful enrolment. */
  function submitted() {
    discard()
  }

  return { form, restored, discard, submitted }
}
