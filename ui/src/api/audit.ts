import {
  commands,
  type AuditCheckView,
  type AuditFilter,
  type AuditRowView,
  type Page,
} from '@/bindings/bindings'
import { unwrap } from './errors'

export async function listAudit(filter: AuditFilter): Promise<Page<AuditRowView>> {
  return unwrap(await commands.auditList(filter))
}

export async function verifyAudit(): Promise<AuditCheckView> {
  return unwrap(await commands.auditVerify())
}
