/** Printing a change's documents: render through Rust, then save where the registrar chooses. */
import { ref } from 'vue'
import type { IpcError, PrintKind } from '@/bindings/bindings'
import { applicationDocument, applicationForm, printDocument, saveFile } from '@/api/changes'
import { toIpcError } from '@/api/errors'

export const printKindLabels: Partial<Record<PrintKind, string>> = {
  transfer_form: '转学申请表',
  leave_form: '休学申请审批表',
  resume_form: '复学申请表',
  deferral_form: '缓学申请审批表',
  skip_form: '跳级申请审批表',
  repeat_form: '留级申请审批表',
  basic_data_change_form: '学生基础信息变更申请表',
  key_data_change_form: '关键信息变更申请表',
  withdrawal_form: '退学申请审批表',
  enrolment_approval_form: '学籍核准表',
  reform_school_form: '工读学校转学审批表',
  abroad_form: '出境就读登记表',
  dropout_report: '辍学情况报告',
  cancellation_report: '学籍注销报告',
  sanction_decision: '处分决定书',
  sanction_lift_notice: '解除处分通知书',
  leave_order: '责令休学通知书',
}

export interface Printed {
  serial: string
  /** Where it was saved; `null` when the save dialog was cancelled. */
  path: string | null
}

export function usePrint() {
  const printing = ref(false)
  const error = ref<IpcError | null>(null)

  /** Prints a per-student document (an approval form, a report) and offers to save it. */
  async function printForm(kind: PrintKind, studentId: number): Promise<Printed | null> {
    printing.value = true
    error.value = null
    try {
      const printed = await printDocument({ kind, studentIds: [studentId], filter: null })
      const serial = printed.serials[0] ?? ''
      const name = `${printKindLabels[kind] ?? '文书'}-${serial}.pdf`
      return { serial, path: await saveFile(name, printed.pdf) }
    } catch (e) {
      error.value = toIpcError(e)
      return null
    } finally {
      printing.value = false
    }
  }

  /** Prints the approval form of exactly this application (a transfer in before its record
   * exists, too) and offers to save it. */
  async function printApplicationForm(applicationId: number, kind: PrintKind): Promise<Printed | null> {
    printing.value = true
    error.value = null
    try {
      const printed = await applicationForm(applicationId)
      const serial = printed.serials[0] ?? ''
      const name = `${printKindLabels[kind] ?? '文书'}-${serial}.pdf`
      return { serial, path: await saveFile(name, printed.pdf) }
    } catch (e) {
      error.value = toIpcError(e)
      return null
    } finally {
      printing.value = false
    }
  }

  /** Prints the sanction decision or the lift notice of an application and offers to save it. */
  async function printNotice(applicationId: number): Promise<Printed | null> {
    printing.value = true
    error.value = null
    try {
      const file = await applicationDocument(applicationId)
      const serial = file.fileName.replace(/^.*?-/, '').replace(/\.pdf$/, '')
      return { serial, path: await saveFile(file.fileName, file.data) }
    } catch (e) {
      error.value = toIpcError(e)
      return null
    } finally {
      printing.value = false
    }
  }

  return { printing, error, printForm, printApplicationForm, printNotice }
}
