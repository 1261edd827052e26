import { defineStore } from 'pinia'
import { ref } from 'vue'
import { onSessionEnd } from './sessionEnd'

const PREFIX = 'xueji.draft.'

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    return null
  }
}

/**
 * Unsaved forms, kept when a dialog or page is left by mistake until they are submitted or
 * explicitly discarded. They live in this window's sessionStorage (gone when the app closes),
 * never on disk, and belong to the user who typed them: a logout forgets them.
 */
export const useDraftStore = defineStore('drafts', () => {
  const drafts = ref<Record<string, unknown>>({})
  onSessionEnd(() => {
    drafts.value = {}
  })

  function get<T>(key: string): T | null {
    if (key in drafts.value) return drafts.value[key] as T
    const raw = storage()?.getItem(PREFIX + key)
    if (!raw) return null
    try {
      const value = JSON.parse(raw) as T
      drafts.value[key] = value
      return value
    } catch {
      return null
    }
  }

  function save(key: string, value: unknown) {
    drafts.value[key] = JSON.parse(JSON.stringify(value))
    storage()?.setItem(PREFIX + key, JSON.stringify(value))
  }

  function discard(key: string) {
    delete drafts.value[key]
    storage()?.removeItem(PREFIX + key)
  }

  function has(key: string): boolean {
    return get(key) !== null
  }

  return { get, save, discard, has }
})
