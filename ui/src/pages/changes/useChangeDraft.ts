/**
 * The wizards' drafts: one per change type, kept in sessionStorage until submitted or discarded,
 * so a page left by mistake (or a closed dialog) loses nothing.
 */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { ApplicationView, CheckView, StudentRow } from '@/bindings/bindings'
import type { Facts } from './descriptors'
import type { ChosenProof } from './util'
import { onSessionEnd } from '@/stores/sessionEnd'

export interface ChangeDraft {
  step: number
  student: StudentRow | null
  facts: Facts
  effectiveOn: string
  note: string
  proofs: ChosenProof[]
  check: CheckView | null
  submitted: ApplicationView | null
  printed: { serial: string; path: string | null } | null
}

const KEY = 'xueji.changeDrafts'

function load(): Record<string, ChangeDraft> {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Record<string, ChangeDraft>
  } catch {
    return {}
  }
}

export const useChangeDrafts = defineStore('changeDrafts', () => {
  const drafts = ref<Record<string, ChangeDraft>>(load())
  // A logout forgets the user's drafts (facts, proof scans).
  onSessionEnd(() => {
    drafts.value = {}
  })

  watch(
    drafts,
    (value) => {
      try {
        sessionStorage.setItem(KEY, JSON.stringify(value))
      } catch {
        // Too large for sessionStorage (big scans): keep the facts, drop the files' bytes.
        const light = Object.fromEntries(
          Object.entries(value).map(([k, d]) => [k, { ...d, proofs: [] }]),
        )
        try {
          sessionStorage.setItem(KEY, JSON.stringify(light))
        } catch {
          /* nothing more to do */
        }
      }
    },
    { deep: true },
  )

  function get(type: string, fresh: () => ChangeDraft): ChangeDraft {
    if (!drafts.value[type]) drafts.value[type] = fresh()
    return drafts.value[type]
  }

  function discard(type: string) {
    delete drafts.value[type]
  }

  return { drafts, get, discard }
})
