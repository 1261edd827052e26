import { reactive, watch } from 'vue'

/**
 * A form whose state survives a dialog closed by mistake (and a page change): kept in
 * sessionStorage under `key` until `discard()` (after submitting, or when the user throws it
 * away). Fields named in `secret` (passwords) are never stored.
 */
export function useDraft<T extends object>(key: string, initial: () => T, secret: (keyof T)[] = []) {
  const storageKey = `xueji.draft.${key}`
  const form = reactive({ ...initial(), ...read() }) as T

  function read(): Partial<T> {
    try {
      const raw = sessionStorage.getItem(storageKey)
      return raw ? (JSON.parse(raw) as Partial<T>) : {}
    } catch {
      return {}
    }
  }

  function save() {
    const copy: Record<string, unknown> = { ...(form as Record<string, unknown>) }
    for (const s of secret) delete copy[s as string]
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(copy))
    } catch {
      // A full storage only loses the draft.
    }
  }

  watch(form, save, { deep: true })

  /** Whether something was typed. */
  function dirty(): boolean {
    const fresh = initial() as Record<string, unknown>
    return Object.entries(form as Record<string, unknown>).some(
      ([k, v]) => !secret.includes(k as keyof T) && JSON.stringify(v) !== JSON.stringify(fresh[k]),
    )
  }

  /** Empties the form and forgets the draft. */
  function discard() {
    Object.assign(form, initial())
    sessionStorage.removeItem(storageKey)
  }

  return { form, discard, dirty }
}
