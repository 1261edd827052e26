// The trusted schools, shared by the 学校密钥 tab (which adds to them) and the 档案包 tab (which
// sends packages to them): a school trusted in one tab is a receiver in the other at once.
import { ref } from 'vue'
import type { IpcError, TrustedSchoolView } from '@/bindings/bindings'
import { trustedSchools } from '@/api/exchange'
import { toIpcError } from '@/api/errors'

const schools = ref<TrustedSchoolView[] | null>(null)
const loading = ref(false)
const error = ref<IpcError | null>(null)

async function load() {
  loading.value = true
  try {
    schools.value = await trustedSchools()
    error.value = null
  } catch (e) {
    error.value = toIpcError(e)
  } finally {
    loading.value = false
  }
}

/** A school just trusted: listed at once (the same keys again return the same school). */
function add(school: TrustedSchoolView) {
  const rest = (schools.value ?? []).filter((s) => s.id !== school.id)
  schools.value = [...rest, school].sort((a, b) => a.id - b.id)
}

export function useTrusted() {
  return { schools, loading, error, load, add }
}

/** Forgets the list (tests; a restored database). */
export function resetTrusted() {
  schools.value = null
  loading.value = false
  error.value = null
}
