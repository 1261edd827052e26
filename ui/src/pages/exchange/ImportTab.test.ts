import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { api, messagesShown, refusal, resetApi, settle } from './testing'

vi.setConfig({ testTimeout: 30_000 })
vi.mock('@/api/exchange', async () => (await import('./testing')).api)
const confirm = vi.fn()
vi.mock('element-plus', async (orig) => ({
  ...(await orig<typeof import('element-plus')>()),
  ElMessageBox: { confirm: (...a: unknown[]) => confirm(...a) },
}))

import ImportTab from './ImportTab.vue'

const FILE = '/home/reg/名单.xlsx'
const problem = { row: 3, column: '身份证件号', value: '330106201001011234', rule: 'R7.2', message: '身份证件号校验位不正确' }
const withProblems = { rows: 3, validRows: 2, problems: [problem] }
const clean = { rows: 3, validRows: 3, problems: [] }

function mountTab() {
  setActivePinia(createPinia())
  return mount(ImportTab, { attachTo: document.body })
}

const commitButton = (w: ReturnType<typeof mountTab>) => w.get<HTMLButtonElement>('[data-test="import-commit"]').element

afterEach(() => {
  resetApi()
  confirm.mockReset()
  document.body.innerHTML = ''
})

describe('导入学生', () => {
  it('lists the problems and keeps 导入 disabled until a clean check, then imports after the confirmation', async () => {
    api.checkStudentImport.mockResolvedValueOnce(withProblems).mockResolvedValueOnce(clean)
    api.commitStudentImport.mockResolvedValue({ committed: true, imported: 3, report: clean })
    confirm.mockResolvedValue('confirm')
    const w = mountTab()
    expect(commitButton(w).disabled).toBe(true)

    await w.get('input[data-test="import-path"]').setValue(FILE)
    await w.get('[data-test="import-check"]').trigger('click')
    await settle()
    expect(api.checkStudentImport).toHaveBeenCalledWith(FILE)
    expect(w.get('[data-test="import-summary"]').text()).toMatch(/共 3 行.*无问题 2 行.*问题 1 处/)
    const rows = w.findAll('[data-test="import-problem"]')
    expect(rows).toHaveLength(1)
    const table = w.get('[data-test="import-problems"]').text()
    for (const cell of ['身份证件号', '330106201001011234', 'R7.2', '校验位不正确']) expect(table).toContain(cell)
    expect(w.find('[data-test="import-report-save"]').exists()).toBe(true)
    expect(commitButton(w).disabled).toBe(true)

    // Corrected and checked again: clean, so 导入 is enabled.
    await w.get('[data-test="import-check"]').trigger('click')
    await settle()
    expect(w.findAll('[data-test="import-problem"]')).toHaveLength(0)
    expect(w.find('[data-test="import-report-save"]').exists()).toBe(false)
    expect(commitButton(w).disabled).toBe(false)

    await w.get('[data-test="import-commit"]').trigger('click')
    await settle()
    expect(confirm).toHaveBeenCalledWith('将导入 3 名学生，写入后记入审计日志。', expect.any(String), expect.anything())
    expect(api.commitStudentImport).toHaveBeenCalledWith(FILE)
    expect(w.get('[data-test="import-done"]').text()).toContain('已导入 3 名学生')
    // Not twice.
    expect(commitButton(w).disabled).toBe(true)
    w.unmount()
  })

  it('writes nothing when the confirmation is cancelled', async () => {
    api.checkStudentImport.mockResolvedValue(clean)
    confirm.mockRejectedValue('cancel')
    const w = mountTab()
    await w.get('input[data-test="import-path"]').setValue(FILE)
    await w.get('[data-test="import-check"]').trigger('click')
    await settle()
    await w.get('[data-test="import-commit"]').trigger('click')
    await settle()
    expect(confirm).toHaveBeenCalled()
    expect(api.commitStudentImport).not.toHaveBeenCalled()
    expect(w.find('[data-test="import-done"]').exists()).toBe(false)
    w.unmount()
  })

  it('forgets a clean check when another file is named', async () => {
    api.checkStudentImport.mockResolvedValue(clean)
    const w = mountTab()
    await w.get('input[data-test="import-path"]').setValue(FILE)
    await w.get('[data-test="import-check"]').trigger('click')
    await settle()
    expect(commitButton(w).disabled).toBe(false)
    await w.get('input[data-test="import-path"]').setValue('/home/reg/另一个.xlsx')
    await settle()
    expect(commitButton(w).disabled).toBe(true)
    expect(w.find('[data-test="import-summary"]').exists()).toBe(false)
    w.unmount()
  })

  it('checks on Enter in the path field, and takes the file chosen in the open dialog', async () => {
    api.pickFile.mockResolvedValue(FILE)
    api.checkStudentImport.mockResolvedValue(clean)
    const w = mountTab()
    await w.get('[data-test="import-path-pick"]').trigger('click')
    await settle()
    expect(api.pickFile).toHaveBeenCalledWith('workbook')
    const input = w.get<HTMLInputElement>('input[data-test="import-path"]')
    expect(input.element.value).toBe(FILE)
    await input.trigger('keydown', { key: 'Enter' })
    await settle()
    expect(api.checkStudentImport).toHaveBeenCalledWith(FILE)
    w.unmount()
  })

  it('asks for a file instead of calling the app with none', async () => {
    const w = mountTab()
    await w.get('[data-test="import-check"]').trigger('click')
    await messagesShown()
    expect(api.checkStudentImport).not.toHaveBeenCalled()
    expect(w.text()).toContain('请选择或填写学生名单 Excel 文件')
    w.unmount()
  })

  it('shows an unreadable file as the app reports it', async () => {
    api.checkStudentImport.mockRejectedValue(
      refusal({ kind: 'validation', code: 'validation', message: '无法读取所选文件：No such file', fields: { path: '无法读取' } }),
    )
    const w = mountTab()
    await w.get('input[data-test="import-path"]').setValue('/nowhere.xlsx')
    await w.get('[data-test="import-check"]').trigger('click')
    await settle()
    expect(w.get('[data-test="refusal"]').text()).toContain('无法读取所选文件')
    expect(commitButton(w).disabled).toBe(true)
    w.unmount()
  })

  it('shows the new report when the file changed between the check and the import', async () => {
    api.checkStudentImport.mockResolvedValue(clean)
    api.commitStudentImport.mockResolvedValue({ committed: false, imported: 0, report: withProblems })
    confirm.mockResolvedValue('confirm')
    const w = mountTab()
    await w.get('input[data-test="import-path"]').setValue(FILE)
    await w.get('[data-test="import-check"]').trigger('click')
    await settle()
    await w.get('[data-test="import-commit"]').trigger('click')
    await settle()
    expect(w.find('[data-test="import-done"]').exists()).toBe(false)
    expect(w.get('[data-test="import-changed"]').text()).toContain('未写入任何学生')
    expect(w.findAll('[data-test="import-problem"]')).toHaveLength(1)
    expect(commitButton(w).disabled).toBe(true)
    w.unmount()
  })

  it('saves the report through the save dialog', async () => {
    api.checkStudentImport.mockResolvedValue(withProblems)
    api.saveImportReport.mockResolvedValue({ path: '/home/reg/学生名单检查报告.xlsx', size: 3 })
    const w = mountTab()
    await w.get('input[data-test="import-path"]').setValue(FILE)
    await w.get('[data-test="import-check"]').trigger('click')
    await settle()
    await w.get('[data-test="import-report-save"]').trigger('click')
    await settle()
    expect(api.saveImportReport).toHaveBeenCalledWith(FILE)
    expect(w.get('[data-test="import-report-saved"]').text()).toContain('学生名单检查报告.xlsx')
    w.unmount()
  })
})
