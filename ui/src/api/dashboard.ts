import { commands, type DashboardView } from '@/bindings/bindings'
import { unwrap } from './errors'

/** The 首页: to-dos, R32 findings, leaves ending, review progress, counts. */
export async function getDashboard(): Promise<DashboardView> {
  return unwrap(await commands.dashboard())
}
