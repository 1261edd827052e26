import { commands, type StatisticsView } from '@/bindings/bindings'
import { unwrap } from './errors'

/** The 统计 page's figures. */
export async function getStatistics(): Promise<StatisticsView> {
  return unwrap(await commands.statistics())
}
