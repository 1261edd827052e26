/**
 * Data in and out (数据交换): the Excel import of students, controlled exports (R30.1, R30.2), the
 * school's keys and the signed archive packages between schools. Files the app reads are chosen
 * in the system's open dialog (or typed as a path); files it writes go where the registrar
 * chooses in the save dialog, and a cancelled dialog is `null`.
 */
import {
  commands,
  type ApprovalInput,
  type ExportKind,
  type ExportRequest,
  type ImportCommitView,
  type ImportReport,
  type MigrantDropoutView,
  type MigrantListInput,
  type PackageImportView,
  type PackageView,
  type PickKind,
  type PrintedView,
  type ProgressionGraduateView,
  type ProgressionListInput,
  type SavedFileView,
  type SchoolKeysView,
  type TrustedSchoolView,
} from '@/bindings/bindings'
import { unwrap } from './errors'

/** The system's open dialog for a workbook or a package; `null` when cancelled. */
export async function pickFile(kind: PickKind): Promise<string | null> {
  return unwrap(await commands.filePick(kind))
}

/** Checks a student list workbook row by row; writes nothing. */
export async function checkStudentImport(path: string): Promise<ImportReport> {
  return unwrap(await commands.importStudentsCheck(path))
}

/** Imports the workbook in one go when it has no problem; otherwise writes nothing. */
export async function commitStudentImport(path: string): Promise<ImportCommitView> {
  return unwrap(await commands.importStudentsCommit(path))
}

/** Saves the check report as .xlsx with the problem cells marked; `null` when cancelled. */
export async function saveImportReport(path: string): Promise<SavedFileView | null> {
  return unwrap(await commands.importReportSave(path))
}

/** Exports `kind` (not the duplicate-check list) as .xlsx; `null` when the save is cancelled. */
export async function saveExport(kind: ExportKind, request: ExportRequest): Promise<SavedFileView | null> {
  return unwrap(await commands.exportSave(kind, request))
}

/** Exports the national duplicate-check list of the candidates in a workbook (R7.5). */
export async function saveDuplicateCheck(
  candidates: string,
  request: ExportRequest,
): Promise<SavedFileView | null> {
  return unwrap(await commands.exportDuplicateCheckSave(candidates, request))
}

/** This school's public keys as one text to give to other schools. */
export async function schoolKeys(): Promise<SchoolKeysView> {
  return unwrap(await commands.keysShow())
}

/** Trusts another school's (or a bureau's) public key text under `name`. */
export async function trustSchool(text: string, name: string): Promise<TrustedSchoolView> {
  return unwrap(await commands.keysTrust(text, name))
}

export async function trustedSchools(): Promise<TrustedSchoolView[]> {
  return unwrap(await commands.keysTrusted())
}

/** The transfer package of one student whose transfer out is complete (R7.3, R9.1). */
export async function createTransferPackage(studentId: number, to: number): Promise<SavedFileView | null> {
  return unwrap(await commands.packageCreate(studentId, to))
}

/** Every record of the school, for a merger or a dissolved school (R9.3), with the bureau's approval (R30.2). */
export async function createSchoolArchive(to: number, approval: ApprovalInput): Promise<SavedFileView | null> {
  return unwrap(await commands.packageSchoolArchive(to, approval))
}

/** Migrant children who dropped out, with the date their archive was handed over (R18.2). */
export async function migrantDropouts(): Promise<MigrantDropoutView[]> {
  return unwrap(await commands.migrantDropouts())
}

/** Hands over the archives of the migrant dropouts not yet handed over (R18.2). */
export async function handOverMigrantDropouts(to: number): Promise<SavedFileView | null> {
  return unwrap(await commands.packageMigrantHandover(to))
}

/** Prints the 随迁子女辍学学籍档案移交清单 for `receiver`; it hands over those not yet handed over (R18.2). */
export async function printMigrantHandoverList(input: MigrantListInput): Promise<PrintedView> {
  return unwrap(await commands.migrantHandoverList(input))
}

/** The 小学 graduates (grade 6) and where each archive went (R9.1). */
export async function progressionGraduates(): Promise<ProgressionGraduateView[]> {
  return unwrap(await commands.progressionGraduates())
}

/** The signed 升学 package of the chosen graduates for the trusted 初中 `to` (R9.1). */
export async function createProgressionPackage(studentIds: number[], to: number): Promise<SavedFileView | null> {
  return unwrap(await commands.packageProgression(studentIds, to))
}

/** Prints the 升学学籍档案移交清单; for a 初中 without XueJi it is the hand-over (R9.1). */
export async function printProgressionHandoverList(input: ProgressionListInput): Promise<PrintedView> {
  return unwrap(await commands.progressionHandoverList(input))
}

/** Decrypts and verifies a package and shows what it holds; writes nothing. */
export async function inspectPackage(path: string): Promise<PackageView> {
  return unwrap(await commands.packageInspect(path))
}

/** Imports a verified package in one transaction. */
export async function importPackage(path: string): Promise<PackageImportView> {
  return unwrap(await commands.packageImport(path))
}
