import {
  commands,
  type AppealDecisionInput,
  type AppealInput,
  type ApplicationRow,
  type ApplicationView,
  type ArchiveView,
  type ChangeInput,
  type ChangeListInput,
  type CheckView,
  type DecideInput,
  type DocumentRequest,
  type FileView,
  type Page,
  type PrintedView,
  type SearchInput,
  type StudentRow,
  type WithdrawInput,
} from '@/bindings/bindings'
import { unwrap } from './errors'

/** The wizard's check against the rules: nothing is written; a refusal throws with its rule. */
export async function checkChange(input: ChangeInput): Promise<CheckView> {
  return unwrap(await commands.changeCheck(input))
}

/** Submits a change: an application with its steps, or the change itself when it has none. */
export async function submitChange(input: ChangeInput): Promise<ApplicationView> {
  return unwrap(await commands.changeSubmit(input))
}

/** Records one party's decision on the waiting step. */
export async function decideStep(input: DecideInput): Promise<ApplicationView> {
  return unwrap(await commands.changeDecide(input))
}

/** Withdraws an application in progress. */
export async function withdrawApplication(input: WithdrawInput): Promise<ApplicationView> {
  return unwrap(await commands.changeWithdraw(input))
}

/** One page of the application list. */
export async function listApplications(input: ChangeListInput): Promise<Page<ApplicationRow>> {
  return unwrap(await commands.changeList(input))
}

/** An application with its steps, proofs and deadlines. */
export async function showApplication(id: number): Promise<ApplicationView> {
  return unwrap(await commands.changeShow(id))
}

/** A proof file's content (viewing it is audited). */
export async function getAttachment(id: number): Promise<FileView> {
  return unwrap(await commands.attachmentGet(id))
}

/** An appeal against a published sanction (R22.2). */
export async function fileAppeal(input: AppealInput): Promise<ApplicationView> {
  return unwrap(await commands.changeAppealFile(input))
}

/** The bureau's decision on an appeal (R22.2). */
export async function decideAppeal(input: AppealDecisionInput): Promise<ApplicationView> {
  return unwrap(await commands.changeAppealDecide(input))
}

/** The sanction decision (R22.2) or the lift notice (R23.2) of an application, as a PDF. */
export async function applicationDocument(applicationId: number): Promise<FileView> {
  return unwrap(await commands.changeDocument(applicationId))
}

/** The approval form of one application (a transfer in before its record exists, too; R13.1). */
export async function applicationForm(applicationId: number): Promise<PrintedView> {
  return unwrap(await commands.changeForm(applicationId))
}

/** Prints a document (an approval form, a report) for students, numbered and audited. */
export async function printDocument(input: DocumentRequest): Promise<PrintedView> {
  return unwrap(await commands.documentPrint(input))
}

/** Asks where to save a file and writes it; `null` when the registrar cancels. */
export async function saveFile(fileName: string, data: number[]): Promise<string | null> {
  return unwrap(await commands.fileSave({ fileName, data }))
}

/** Students matching a query, for choosing whom a change is for. */
export async function findStudents(input: SearchInput): Promise<Page<StudentRow>> {
  return unwrap(await commands.studentSearch(input))
}

/** A student's archive (for the current values of a data change and the sanctions to lift). */
export async function studentArchive(id: number): Promise<ArchiveView> {
  return unwrap(await commands.studentArchive(id))
}
