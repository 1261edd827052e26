import {
  commands,
  type ArchiveView,
  type ClassOption,
  type DropoutReportInput,
  type EnrolInput,
  type EnrolView,
  type FileView,
  type NationalNumberInput,
  type PhotoView,
  type Page,
  type SearchInput,
  type StudentEditInput,
  type StudentRow,
  type StudentView,
} from '@/bindings/bindings'
import { unwrap } from './errors'

/** One page of the student list (ID numbers masked by the backend). */
export async function searchStudents(input: SearchInput): Promise<Page<StudentRow>> {
  return unwrap(await commands.studentSearch(input))
}

/** The classes students are placed in, for the list's filter. */
export async function listClasses(): Promise<ClassOption[]> {
  return unwrap(await commands.studentClasses())
}

/** Enrols a new student (grade 1, or non-grade-1 after the national duplicate check). */
export async function enrolStudent(input: EnrolInput): Promise<EnrolView> {
  return unwrap(await commands.studentEnrol(input))
}

/** One student's whole archive (R8.2). */
export async function getArchive(id: number): Promise<ArchiveView> {
  return unwrap(await commands.studentArchive(id))
}

/** An everyday edit (address, class, family, flags) checked against the loaded version. */
export async function editStudent(input: StudentEditInput): Promise<StudentView> {
  return unwrap(await commands.studentEdit(input))
}

/** A stored file (proof, attachment). */
export async function getAttachment(id: number): Promise<FileView> {
  return unwrap(await commands.attachmentGet(id))
}

/** Records the school's written report of a dropout (R18.1); returns the archive. */
export async function recordDropoutReport(input: DropoutReportInput): Promise<ArchiveView> {
  return unwrap(await commands.dropoutReportRecord(input))
}

/** Records the 学籍号 the national system returned for a record that has none (R7.1). */
export async function recordNationalNumber(input: NationalNumberInput): Promise<StudentView> {
  return unwrap(await commands.studentNationalNumberRecord(input))
}

/** The archive's photo, or null when none is on file. */
export async function studentPhoto(studentId: number): Promise<PhotoView | null> {
  return unwrap(await commands.studentPhoto(studentId))
}

/** Keeps a JPEG or PNG (up to 2 MB) as the student's photo; the app checks it before keeping it. */
export async function setStudentPhoto(studentId: number, data: Uint8Array): Promise<PhotoView> {
  return unwrap(await commands.studentPhotoSet(studentId, Array.from(data)))
}
