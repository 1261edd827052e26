import { commands, type AppInfoView } from '@/bindings/bindings'
import { unwrap } from './errors'

/** Product name, version and data folder of this installation. */
export async function getAppInfo(): Promise<AppInfoView> {
  return unwrap(await commands.appInfo())
}
