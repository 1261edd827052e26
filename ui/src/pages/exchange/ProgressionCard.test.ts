import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { api, choose, refusal, resetApi, settle, trustedSchool } from './testing'

vi.setConfig({ testTimeout: 30_000 })
vi.mock('@/api/exchange', async () => (await import('./testing')).api)
vi.mock('@/components/pdf/pdfjs', () => ({
  openPdf: vi.fn(async () => ({
    numPages: 1,
    getPage: async () => ({ getViewport: () => ({ width: 842, height: 595 }) }),
    destroy: async () => {},
  })),
  drawPage: vi.fn(async () => {}),
  pageRatio: () => 595 / 842,
  printPdf: vi.fn(),
}))
const confirm = vi.fn()
vi.mock('element-plus', async (orig) => ({
  ...(await orig<typeof import('element-plus')>()),
  ElMessageBox: { confirm: (...a: unknown[]) => confirm(...a) },
}))

import ProgressionCard from './ProgressionCard.vue'

const graduate = (id: number, handedOverOn: string | null) => ({
  studentId: id,
  name: `周${id}`,
  xuejiNumber: `G33010620140505004${id}`,
  classLabel: '六年级1班',
  outcomeLabel: '毕业',
  endedOn: '2026-07-01',
  handedOverOn,
  handedOverNote: handedOverOn ? '学籍档案已移交升入学校西湖区第一初级中学' : null,
})

async function mountCard() {
  const w = mount(ProgressionCard, { props: { schools: [trustedSchool] }, attachTo: document.body })
  await settle()
  return w
}

/** Ticks the row of `name` in the table. */
async function tick(name: string) {
  const row = [...document.querySelectorAll<HTMLElement>('[data-test="progression-table"] .el-table__row')].find((r) =>
    r.textContent?.includes(name),
  )
  expect(row, name).toBeDefined()
  row!.querySelector<HTMLElement>('.el-checkbox__original, .el-checkbox input')!.click()
  await settle()
}

beforeEach(() => {
  confirm.mockResolvedValue('confirm')
})

afterEach(() => {
  resetApi()
  confirm.mockReset()
  document.body.innerHTML = ''
})

describe('升学档案移交 (R9.1)', () => {
  it('packs the chosen pending graduates for the trusted 初中 after a confirmation', async () => {
    api.progressionGraduates
      .mockResolvedValueOnce([graduate(1, null), graduate(2, '2026-07-10')])
      .mockResolvedValueOnce([graduate(1, '2026-12-04'), graduate(2, '2026-07-10')])
    api.createProgressionPackage.mockResolvedValue({ path: '/home/reg/升学学籍档案包.xjpkg', size: 2048 })
    const w = await mountCard()
    const table = w.get('[data-test="progression-table"]').text()
    for (const s of ['周1', '六年级1班', '毕业（2026-07-01）', '待移交', '西湖区第一初级中学']) expect(table).toContain(s)
    expect(w.get<HTMLButtonElement>('[data-test="progression-create"]').element.disabled).toBe(true)

    await tick('周1')
    await tick('周2')
    await choose(w, '[data-test="package-progression"]', trustedSchool.name)
    // Only the pending one goes: no archive goes twice.
    expect(w.get('[data-test="progression-create"]').text()).toContain('1 人')
    await w.get('[data-test="progression-create"]').trigger('click')
    await settle()
    expect(confirm.mock.calls[0][0]).toContain('1 名毕业生')
    expect(api.createProgressionPackage).toHaveBeenCalledWith([1], trustedSchool.id)
    expect(w.get('[data-test="progression-saved"]').text()).toContain('升学学籍档案包.xjpkg')
    expect(w.get('[data-test="progression-table"]').text()).not.toContain('待移交')
    w.unmount()
  })

  it('prints the hand-over list for a 初中 without XueJi and shows the refusal of the law', async () => {
    api.progressionGraduates.mockResolvedValue([graduate(1, null)])
    api.printProgressionHandoverList
      .mockRejectedValueOnce(
        refusal({ kind: 'rule', message: '学生编号 1：只有六年级毕业（结业）的学生才能移交升学档案', ruleId: 'R9.1' } as never),
      )
      .mockResolvedValueOnce({ kind: 'progression_handover_list', pdf: [37, 80], serials: ['2026-PROGRESS-000001'], documents: 1 })
    const w = await mountCard()
    expect(w.get<HTMLButtonElement>('[data-test="progression-list-print"]').element.disabled).toBe(true)
    await tick('周1')
    await w.get('input[data-test="progression-list-receiver"]').setValue('杭州市西湖区第二初级中学')
    await w.get('[data-test="progression-list-print"]').trigger('click')
    await settle()
    expect(w.get('[data-test="progression-list"]').text()).toContain('R9.1')
    await w.get('[data-test="progression-list-print"]').trigger('click')
    await settle()
    expect(api.printProgressionHandoverList).toHaveBeenLastCalledWith({ studentIds: [1], receiver: '杭州市西湖区第二初级中学' })
    expect(document.body.textContent).toContain('2026-PROGRESS-000001')
    w.unmount()
  })
})
