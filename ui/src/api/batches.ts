import { Channel } from '@tauri-apps/api/core'
import {
  commands,
  type BureauCheckInput,
  type BureauCheckView,
  type BureauResolveInput,
  type CertificatesInput,
  type EarlyLeaverCheck,
  type EarlyLeaverInput,
  type EarlyLeaverResult,
  type GraduationInput,
  type GraduationPreview,
  type GraduationResult,
  type PrintedView,
  type PrintProgress,
  type PromotionPreview,
  type PromotionResult,
  type StudentRow,
} from '@/bindings/bindings'
import { unwrap } from './errors'

/** What promoting every 在读 student into school year `into` would do, exceptions first (R12.1). */
export async function previewPromotion(into: number): Promise<PromotionPreview> {
  return unwrap(await commands.promotionPreview(into))
}

/** Promotes into school year `into` (R12.1): one transaction, irreversible. */
export async function runPromotion(into: number): Promise<PromotionResult> {
  return unwrap(await commands.promotionRun(into))
}

/** 毕业 / 结业 / 肄业 per student (R25) and what would refuse the batch; writes nothing. */
export async function previewGraduation(input: GraduationInput): Promise<GraduationPreview> {
  return unwrap(await commands.graduationPreview(input))
}

/** Finishes the batch with the bureau's 文号: irreversible. */
export async function confirmGraduation(input: GraduationInput): Promise<GraduationResult> {
  return unwrap(await commands.graduationConfirm(input))
}

/** Prints the certificates of finished students as one PDF, reporting progress. */
export async function printCertificates(
  input: CertificatesInput,
  onProgress: (p: PrintProgress) => void,
): Promise<PrintedView> {
  const channel = new Channel<PrintProgress>()
  channel.onmessage = onProgress
  return unwrap(await commands.graduationCertificates(input, channel))
}

/** Page size of the roster queries (the search's maximum). */
const ROSTER_PAGE = 200

/** Every 在读 student of a grade, in class and name order (all pages). */
export async function gradeRoster(grade: number): Promise<StudentRow[]> {
  const rows: StudentRow[] = []
  for (let page = 1; ; page++) {
    const res = unwrap(
      await commands.studentSearch({
        query: null,
        grade,
        className: null,
        statuses: ['enrolled'],
        includeArchived: false,
        page,
        pageSize: ROSTER_PAGE,
      }),
    )
    rows.push(...res.rows)
    if (res.rows.length < ROSTER_PAGE || rows.length >= res.total) return rows
  }
}

/** How many 在读 students a grade has. */
export async function gradeCount(grade: number): Promise<number> {
  const res = unwrap(
    await commands.studentSearch({
      query: null,
      grade,
      className: null,
      statuses: ['enrolled'],
      includeArchived: false,
      page: 1,
      pageSize: 1,
    }),
  )
  return res.total
}

/** Whether a student who left early can be given the 肄业 outcome (R25.3), or the rule that refuses it. */
export async function checkEarlyLeaver(studentId: number): Promise<EarlyLeaverCheck> {
  return unwrap(await commands.earlyLeaverCheck(studentId))
}

/** Records the 肄业 of a withdrawn early leaver (R25.3) with the bureau's 文号 and the 辅号 (R26.1). */
export async function recordEarlyLeaverIncomplete(input: EarlyLeaverInput): Promise<EarlyLeaverResult> {
  return unwrap(await commands.earlyLeaverIncomplete(input))
}

/** The bureau's semester checks (第四条, R4.1), the latest term first. */
export async function listBureauChecks(): Promise<BureauCheckView[]> {
  return unwrap(await commands.bureauChecks())
}

/** Records the bureau's check of a term with its findings (R4.1). */
export async function recordBureauCheck(input: BureauCheckInput): Promise<BureauCheckView> {
  return unwrap(await commands.bureauCheckRecord(input))
}

/** Records the resolution of one finding of the bureau's check (R4.1). */
export async function resolveBureauFinding(input: BureauResolveInput): Promise<BureauCheckView> {
  return unwrap(await commands.bureauCheckResolve(input))
}
