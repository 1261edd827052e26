import {
  commands,
  type AidGrantInput,
  type AidView,
  type ClassAssessInput,
  type HardshipDecideInput,
  type HardshipApplyInput,
  type HardshipFilter,
  type HardshipFormView,
  type HardshipRow,
  type HardshipView,
  type ObjectInput,
  type ObjectionDecideInput,
  type Page,
} from '@/bindings/bindings'
import { unwrap } from './errors'

/** One page of a school year's assessments (`schoolYear`: its start year). */
export async function listHardship(schoolYear: number, filter: HardshipFilter): Promise<Page<HardshipRow>> {
  return unwrap(await commands.hardshipList(schoolYear, filter))
}

/** One assessment with each step, its objections and its aid (the view is audited). */
export async function showHardship(id: number): Promise<HardshipView> {
  return unwrap(await commands.hardshipShow(id))
}

/** Records the guardian's application. */
export async function applyHardship(input: HardshipApplyInput): Promise<HardshipView> {
  return unwrap(await commands.hardshipApply(input))
}

/** Records the class assessment (班级评议). */
export async function classAssess(id: number, input: ClassAssessInput): Promise<HardshipView> {
  return unwrap(await commands.hardshipClassAssess(id, input))
}

/** The school's decision; a recognised level starts the public notice. */
export async function decideHardship(id: number, input: HardshipDecideInput): Promise<HardshipView> {
  return unwrap(await commands.hardshipDecide(id, input))
}

/** Records an objection raised during the notice. */
export async function objectHardship(id: number, input: ObjectInput): Promise<HardshipView> {
  return unwrap(await commands.hardshipObject(id, input))
}

/** The school's ruling on an objection. */
export async function decideObjection(id: number, input: ObjectionDecideInput): Promise<HardshipView> {
  return unwrap(await commands.hardshipObjectionDecide(id, input))
}

/** Grants aid for a semester on an assessment in force. */
export async function grantAid(input: AidGrantInput): Promise<AidView> {
  return unwrap(await commands.hardshipAidGrant(input))
}

/** The printed 家庭经济困难学生认定申请表 (audited); saved through `savePdf`. */
export async function hardshipForm(id: number): Promise<HardshipFormView> {
  return unwrap(await commands.hardshipForm(id))
}
