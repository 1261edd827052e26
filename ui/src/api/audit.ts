import {
  commands,
  type AuditActionView,
  type AuditCheckView,
  type AuditFilter,
  type AuditRowView,
  type Page,
} from '@/bindings/bindings'
import { unwrap } from './errors'

export async function listAudit(filter: AuditFilter): Promise<Page<AuditRowView>> {
  return unwrap(await commands.auditList(filter))
}

/** Every audit action and its Chinese label (from Rust's `AuditAction`). */
export async function auditActions(): Promise<AuditActionView[]> {
  return unwrap(await commands.auditActions())
}

export async function verifyAudit(): Promise<AuditCheckView> {
  return unwrap(await commands.auditVerify())
}
