import { Channel } from '@tauri-apps/api/core'
import {
  commands,
  type DocumentLogFilter,
  type DocumentRequest,
  type IssuedDocumentRow,
  type Page,
  type PrintedView,
  type PrintKindView,
  type PrintProgress,
  type PrintSettings,
  type PrintSetupView,
  type SearchInput,
  type StudentRow,
} from '@/bindings/bindings'
import { unwrap } from './errors'

/** Every document kind the office prints, with its Chinese name. */
export async function documentKinds(): Promise<PrintKindView[]> {
  return unwrap(await commands.documentKinds())
}

/** Prints (numbers, logs and audits) documents, reporting progress per document drawn. */
export async function printDocuments(
  request: DocumentRequest,
  onProgress?: (p: PrintProgress) => void,
): Promise<PrintedView> {
  const channel = new Channel<PrintProgress>()
  if (onProgress) channel.onmessage = onProgress
  return unwrap(await commands.documentPrintProgress(request, channel))
}

/** The 毕（结、肄）业证明书 for a student whose certificate is lost (R26.2). */
export async function printCompletionProof(studentId: number): Promise<PrintedView> {
  return unwrap(await commands.completionProof(studentId))
}

/** The issued-document log, newest first. */
export async function documentLog(filter: DocumentLogFilter): Promise<Page<IssuedDocumentRow>> {
  return unwrap(await commands.documentLog(filter))
}

/** Voids an issued document with a reason; its serial stays in the log. */
export async function voidDocument(serial: string, reason: string): Promise<IssuedDocumentRow> {
  return unwrap(await commands.documentVoid(serial, reason))
}

/**
 * Saves PDF bytes through the system's save dialog. Returns the path written, or null when the
 * registrar cancelled the dialog.
 */
export async function savePdf(pdf: number[] | Uint8Array, fileName: string): Promise<string | null> {
  const bytes = Array.isArray(pdf) ? pdf : Array.from(pdf)
  return unwrap(await commands.documentSavePdf(bytes, fileName))
}

/** One page of students for a picker. */
export async function findStudents(input: SearchInput): Promise<Page<StudentRow>> {
  return unwrap(await commands.studentSearch(input))
}

/** Records that a certificate (or proof) was handed out on `on` (R26.2). */
export async function handOutDocument(serial: string, on: string): Promise<IssuedDocumentRow> {
  return unwrap(await commands.documentHandOut({ serial, on }))
}

/** The school approver agrees to reprint a voided certificate misprint (R26.2). */
export async function approveReprint(serial: string): Promise<IssuedDocumentRow> {
  return unwrap(await commands.certificateReprintApprove(serial))
}

/** Print settings, the system's printers and whether the system print service is there. */
export async function printSetup(): Promise<PrintSetupView> {
  return unwrap(await commands.printSetupGet())
}

/** Saves the print settings. */
export async function savePrintSettings(settings: PrintSettings): Promise<PrintSettings> {
  return unwrap(await commands.printSettingsSet(settings))
}

/** The calibration page of a printer (its offset applied). */
export async function calibrationPage(printer: string | null): Promise<number[]> {
  return unwrap(await commands.printCalibrationPage(printer))
}

/** Sends the PDF as it is (vector, 100 %, no fit-to-page) to the system print service. */
export async function sendToPrinter(
  pdf: number[] | Uint8Array,
  printer: string | null,
): Promise<string> {
  const bytes = Array.isArray(pdf) ? pdf : Array.from(pdf)
  return unwrap(await commands.printSend(bytes, printer)).message
}
