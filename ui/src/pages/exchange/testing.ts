/** Shared helpers of the 数据交换 unit tests (not shipped: only the tests import it). */
import { expect, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { IpcError } from '@/bindings/bindings'
import { AppError } from '@/api/errors'

type Fn = ReturnType<typeof vi.fn<(...args: unknown[]) => unknown>>
const fn = (): Fn => vi.fn<(...args: unknown[]) => unknown>()

/** Stands in for `@/api/exchange`: `vi.mock('@/api/exchange', async () => (await import('./testing')).api)`. */
export const api = {
  pickFile: fn(),
  checkStudentImport: fn(),
  commitStudentImport: fn(),
  saveImportReport: fn(),
  saveExport: fn(),
  saveDuplicateCheck: fn(),
  schoolKeys: fn(),
  trustSchool: fn(),
  trustedSchools: fn(),
  createTransferPackage: fn(),
  createSchoolArchive: fn(),
  migrantDropouts: fn(),
  handOverMigrantDropouts: fn(),
  printMigrantHandoverList: fn(),
  progressionGraduates: fn(),
  createProgressionPackage: fn(),
  printProgressionHandoverList: fn(),
  inspectPackage: fn(),
  importPackage: fn(),
}

export function resetApi() {
  for (const f of Object.values(api)) f.mockReset()
}

/** What a wrapper throws when the app refuses. */
export function refusal(error: IpcError): AppError {
  return new AppError(error)
}

/** Waits for promises, Vue's updates and Element Plus's async validation (a few rounds). */
export async function settle(rounds = 6) {
  for (let i = 0; i < rounds; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

/** Element Plus shows a form item's message 100 ms after it is set (debounced). */
export async function messagesShown() {
  await new Promise((r) => setTimeout(r, 150))
  await settle(2)
}

/**
 * Opens the select inside `css` and clicks its option showing `text`. Every select keeps its
 * list in the body, so the list is found through the select's `aria-controls`.
 */
export async function choose(w: VueWrapper, css: string, text: string) {
  await w.get(`${css} .el-select__wrapper`).trigger('click')
  await settle()
  const list = w.get(`${css} [aria-controls]`).attributes('aria-controls')
  const item = [...document.querySelectorAll<HTMLElement>(`[id="${list}"] .el-select-dropdown__item`)].find(
    (li) => li.textContent?.trim() === text,
  )
  expect(item, `option ${text}`).toBeDefined()
  item!.click()
  await settle()
}

export const trustedSchool = { id: 3, name: '杭州市西湖区文三小学', text: 'xueji1:文三小学:AAAA:age1xyz' }
