import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { api, choose, messagesShown, refusal, resetApi, settle } from './testing'

vi.setConfig({ testTimeout: 30_000 })
vi.mock('@/api/exchange', async () => (await import('./testing')).api)
const route = { query: {} as Record<string, string> }
vi.mock('vue-router', () => ({ useRoute: () => route }))

import ExportTab from './ExportTab.vue'

const APPROVAL = '西教学〔2026〕12号'
const APPROVED_ON = '2026-12-01'
const PURPOSE = '区教育局春季学籍核查'

function mountTab() {
  setActivePinia(createPinia())
  return mount(ExportTab, { attachTo: document.body })
}
type W = ReturnType<typeof mountTab>

/** Fills the approval (where the kind asks for one: with its date when a number is given) and the purpose. */
async function fill(w: W, approval: string, purpose: string, on = APPROVED_ON) {
  const reference = w.find('input[data-test="export-approval"]')
  if (reference.exists()) {
    await reference.setValue(approval)
    await w.get('input[data-test="export-approved-on"]').setValue(approval ? on : '')
  }
  await w.get('input[data-test="export-purpose"]').setValue(purpose)
}

async function exportNow(w: W) {
  await w.get('[data-test="export-save"]').trigger('click')
  await settle()
}

async function kind(w: W, k: string) {
  await w.get(`[data-test="export-kind-${k}"] input`).setValue(true)
  await settle()
}

afterEach(() => {
  resetApi()
  document.body.innerHTML = ''
})

describe('导出', () => {
  it('cites 第三十条 and sends nothing without the approval reference (R30.2)', async () => {
    const w = mountTab()
    expect(w.get('[data-test="export-law"]').text()).toContain('第三十条')
    await fill(w, '', PURPOSE)
    await exportNow(w)
    await messagesShown()
    expect(api.saveExport).not.toHaveBeenCalled()
    const form = w.get('[data-test="export-form"]').text()
    expect(form).toContain('批准文号')
    expect(form).toContain('R30.2')
    w.unmount()
  })

  it('asks for the date with the number, and a number in the official form (R30.2)', async () => {
    const w = mountTab()
    await fill(w, APPROVAL, PURPOSE, '')
    await exportNow(w)
    await messagesShown()
    expect(api.saveExport).not.toHaveBeenCalled()
    expect(w.get('[data-test="export-form"]').text()).toContain('请填写核准日期')
    await fill(w, '局里同意了', PURPOSE)
    await exportNow(w)
    await messagesShown()
    expect(api.saveExport).not.toHaveBeenCalled()
    expect(w.get('[data-test="export-form"]').text()).toContain('机关代字〔年份〕序号号')
    w.unmount()
  })

  it('asks no approval for the statistics, which hold no personal data', async () => {
    api.saveExport.mockResolvedValue({ path: '/home/reg/学籍统计表.xlsx', size: 9 })
    const w = mountTab()
    await kind(w, 'statistics')
    expect(w.get('[data-test="export-no-approval"]').text()).toContain('不含学生个人信息')
    await fill(w, '', PURPOSE)
    await exportNow(w)
    expect(api.saveExport).toHaveBeenCalledWith(
      'statistics',
      expect.objectContaining({ approvalRef: '', approvedOn: null, purpose: PURPOSE }),
    )
    w.unmount()
  })

  it('sends nothing without a purpose (R30.1), nor with blanks only', async () => {
    const w = mountTab()
    await fill(w, APPROVAL, '   ')
    await exportNow(w)
    await messagesShown()
    expect(api.saveExport).not.toHaveBeenCalled()
    expect(w.get('[data-test="export-form"]').text()).toContain('R30.1')
    w.unmount()
  })

  it('shows the refusal of the app with its rule, title and article', async () => {
    api.saveExport.mockRejectedValue(
      refusal({
        kind: 'ruleViolation',
        code: 'rule_violation',
        message: '导出学籍数据须经主管教育行政部门书面同意：请填写批准文号',
        ruleId: 'R30.2',
        ruleTitle: '导出须经主管部门书面同意',
        lawText: '《浙江省义务教育阶段学生学籍管理办法》第三十条 …',
        fields: { approvalRef: '请填写批准文号' },
      }),
    )
    const w = mountTab()
    await fill(w, APPROVAL, PURPOSE)
    await exportNow(w)
    await messagesShown()
    expect(api.saveExport).toHaveBeenCalledTimes(1)
    const alert = w.get('[data-test="refusal"]').text()
    expect(alert).toContain('R30.2')
    expect(alert).toContain('导出须经主管部门书面同意')
    expect(w.get('[data-test="refusal-article"]').text()).toContain('第三十条')
    expect(w.get('[data-test="law-text"]').text()).toContain('第三十条')
    // The field the app named is marked too.
    expect(w.get('[data-test="export-form"]').text()).toContain('请填写批准文号')
    expect(w.find('[data-test="export-done"]').exists()).toBe(false)
    w.unmount()
  })

  it('exports the rosters and shows where the file went and how many rows', async () => {
    api.saveExport.mockResolvedValue({ path: '/home/reg/班级花名册-20260302.xlsx', size: 412 })
    const w = mountTab()
    await fill(w, `  ${APPROVAL} `, PURPOSE)
    await exportNow(w)
    expect(api.saveExport).toHaveBeenCalledWith('roster', {
      approvalRef: APPROVAL,
      approvedOn: APPROVED_ON,
      purpose: PURPOSE,
      grade: null,
      className: null,
      from: null,
      to: null,
    })
    const done = w.get('[data-test="export-done"]').text()
    expect(done).toContain('412 行')
    expect(done).toContain('/home/reg/班级花名册-20260302.xlsx')
    w.unmount()
  })

  it('exports one class of one grade; a class alone is not enough', async () => {
    api.saveExport.mockResolvedValue({ path: '/home/reg/班级花名册.xlsx', size: 30 })
    const w = mountTab()
    await fill(w, APPROVAL, PURPOSE)
    expect(w.get<HTMLInputElement>('input[data-test="export-class"]').element.disabled).toBe(true)
    await choose(w, '[data-test="export-grade"]', '三年级')
    await w.get('input[data-test="export-class"]').setValue(' 2班 ')
    await exportNow(w)
    expect(api.saveExport).toHaveBeenCalledWith('roster', expect.objectContaining({ grade: 3, className: '2班' }))
    w.unmount()
  })

  it('shows nothing when the save dialog is cancelled', async () => {
    api.saveExport.mockResolvedValue(null)
    const w = mountTab()
    await fill(w, APPROVAL, PURPOSE)
    await exportNow(w)
    expect(api.saveExport).toHaveBeenCalled()
    expect(w.find('[data-test="export-done"]').exists()).toBe(false)
    expect(w.find('[data-test="refusal"]').exists()).toBe(false)
    w.unmount()
  })

  it('exports the changes of a date range typed as text, and refuses a range that ends before it starts', async () => {
    api.saveExport.mockResolvedValue({ path: '/home/reg/学籍变动清单.xlsx', size: 5 })
    const w = mountTab()
    await kind(w, 'changes')
    await fill(w, APPROVAL, PURPOSE)
    await w.get('input[data-test="export-from"]').setValue('20260301')
    await w.get('input[data-test="export-to"]').setValue('2026-02-01')
    await exportNow(w)
    await messagesShown()
    expect(api.saveExport).not.toHaveBeenCalled()
    expect(w.text()).toContain('结束日期不能早于开始日期')

    await w.get('input[data-test="export-to"]').setValue('2026-06-30')
    await exportNow(w)
    expect(api.saveExport).toHaveBeenCalledWith('changes', {
      approvalRef: APPROVAL,
      approvedOn: APPROVED_ON,
      purpose: PURPOSE,
      grade: null,
      className: null,
      from: '2026-03-01',
      to: '2026-06-30',
    })
    w.unmount()
  })

  it('exports the duplicate-check list from a candidates workbook, which it needs', async () => {
    api.saveDuplicateCheck.mockResolvedValue({ path: '/home/reg/全国查重名单.xlsx', size: 40 })
    const w = mountTab()
    await kind(w, 'duplicateCheck')
    await fill(w, APPROVAL, PURPOSE)
    await exportNow(w)
    await messagesShown()
    expect(api.saveDuplicateCheck).not.toHaveBeenCalled()
    expect(w.text()).toContain('请选择候选学生名单 Excel 文件')

    await w.get('input[data-test="export-candidates"]').setValue('/home/reg/新生.xlsx')
    await exportNow(w)
    expect(api.saveExport).not.toHaveBeenCalled()
    // Sent to the bureau itself: not 对外提供, no approval asked (R30.2).
    expect(w.get('[data-test="export-no-approval"]').text()).toContain('不属于对外提供')
    expect(api.saveDuplicateCheck).toHaveBeenCalledWith(
      '/home/reg/新生.xlsx',
      expect.objectContaining({ approvalRef: '', approvedOn: null, purpose: PURPOSE }),
    )
    expect(w.get('[data-test="export-done"]').text()).toContain('40 行')
    w.unmount()
  })

  it('submits with Enter in the last field', async () => {
    api.saveExport.mockResolvedValue(null)
    const w = mountTab()
    await fill(w, APPROVAL, PURPOSE)
    await w.get('input[data-test="export-purpose"]').trigger('keydown', { key: 'Enter' })
    await settle()
    expect(api.saveExport).toHaveBeenCalledTimes(1)
    w.unmount()
  })

  it('opens on the kind a page asks for (统计: ?kind=statistics)', async () => {
    route.query = { kind: 'statistics' }
    const w = mountTab()
    await settle()
    expect(w.get('[data-test="export-kind-statistics"]').classes()).toContain('is-active')
    route.query = {}
    w.unmount()
  })
})
