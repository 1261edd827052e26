import { reactive } from 'vue'
import type { Decision, ProofKind } from '@/bindings/bindings'

/** A step decision being typed. */
export interface DecideDraft {
  decision: Decision
  on: string
  reference: string
  reason: string
  proofKind: ProofKind | ''
  file: { fileName: string; mime: string; dataBase64: string } | null
}

/**
 * Drafts by `applicationId:step`, kept for the app's session (outside any component), so a
 * dialog closed by mistake or a page left and reopened loses nothing until it is recorded.
 */
export const decideDrafts = reactive<Record<string, DecideDraft>>({})
