import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { api, choose, messagesShown, refusal, resetApi, settle, trustedSchool } from './testing'
import { resetTrusted } from './useTrusted'

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
const findStudents = vi.fn()
vi.mock('@/api/documents', () => ({ findStudents: (...a: unknown[]) => findStudents(...a) }))
const confirm = vi.fn()
const prompt = vi.fn()
vi.mock('element-plus', async (orig) => ({
  ...(await orig<typeof import('element-plus')>()),
  ElMessageBox: { confirm: (...a: unknown[]) => confirm(...a), prompt: (...a: unknown[]) => prompt(...a) },
}))

import PackageTab from './PackageTab.vue'

const PKG = '/home/reg/转学档案包-20260302.xjpkg'
const student = (existingStudentId: number | null = null) => ({
  name: '王小明',
  xuejiNumber: 'G330106201503010011',
  grade: 5,
  status: 'transferred_out',
  events: 4,
  applications: 1,
  sanctions: 0,
  archiveItems: 3,
  attachments: 2,
  existingStudentId,
})
const view = (existingStudentId: number | null = null) => ({
  senderId: 3,
  senderName: '杭州市西湖区文三小学',
  senderSchool: '文三小学（3133000001）',
  createdAt: '2026-03-02T01:15:00Z',
  kind: 'transfer',
  kindLabel: '转学包',
  students: [student(existingStudentId)],
})
const dropout = (id: number, handedOverOn: string | null) => ({
  studentId: id,
  name: `李${id}`,
  xuejiNumber: null,
  grade: 8,
  hukouAddress: '安徽省阜阳市临泉县',
  handedOverOn,
})
const transferredOut = {
  id: 41,
  xuejiNumber: 'G330106201503010041',
  name: '赵转出',
  sex: 'male',
  birthDate: '2015-03-01',
  idNumberMasked: '330106********0041',
  grade: 5,
  gradeLabel: '五年级',
  className: '2班',
  status: { code: 'transferred_out', label: '转出' },
  archived: true,
}

async function mountTab() {
  setActivePinia(createPinia())
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push('/exchange')
  const w = mount(PackageTab, { attachTo: document.body, global: { plugins: [router] } })
  await settle()
  return w
}

beforeEach(() => {
  resetTrusted()
  api.trustedSchools.mockResolvedValue([trustedSchool])
  api.migrantDropouts.mockResolvedValue([])
  api.progressionGraduates.mockResolvedValue([])
  findStudents.mockResolvedValue({ total: 1, page: 1, pageSize: 8, rows: [transferredOut] })
})

afterEach(() => {
  resetApi()
  findStudents.mockReset()
  confirm.mockReset()
  prompt.mockReset()
  document.body.innerHTML = ''
})

describe('档案包：导入', () => {
  it('shows what a verified package holds, then imports it after the confirmation', async () => {
    api.pickFile.mockResolvedValue(PKG)
    api.inspectPackage.mockResolvedValue(view())
    api.importPackage.mockResolvedValue({ studentIds: [88], package: view() })
    confirm.mockResolvedValue('confirm')
    const w = await mountTab()
    await w.get('[data-test="package-path-pick"]').trigger('click')
    await settle()
    expect(api.pickFile).toHaveBeenCalledWith('package')
    expect(w.get<HTMLButtonElement>('[data-test="package-import"]').element.disabled).toBe(true)

    await w.get('[data-test="package-inspect"]').trigger('click')
    await settle()
    expect(api.inspectPackage).toHaveBeenCalledWith(PKG)
    expect(w.get('[data-test="package-sender"]').text()).toBe('杭州市西湖区文三小学')
    expect(w.get('[data-test="package-kind"]').text()).toBe('转学包')
    const students = w.get('[data-test="package-students"]').text()
    for (const s of ['王小明', 'G330106201503010011', '五年级', '转出', '变动记录 4 条']) expect(students).toContain(s)
    expect(api.importPackage).not.toHaveBeenCalled()

    await w.get('[data-test="package-import"]').trigger('click')
    await settle()
    expect(confirm.mock.calls[0][0]).toContain('王小明')
    expect(api.importPackage).toHaveBeenCalledWith(PKG)
    expect(w.get('[data-test="package-imported"]').text()).toContain('已导入 1 名学生')
    expect(w.get('[data-test="package-imported"] a').attributes('href')).toContain('/students/88')
    w.unmount()
  })

  it('does not import a package holding a student already on the books (R7.2)', async () => {
    api.inspectPackage.mockResolvedValue(view(12))
    const w = await mountTab()
    await w.get('input[data-test="package-path"]').setValue(PKG)
    await w.get('input[data-test="package-path"]').trigger('keydown', { key: 'Enter' })
    await settle()
    expect(api.inspectPackage).toHaveBeenCalledWith(PKG)
    expect(w.get('[data-test="package-existing"]').text()).toContain('R7.2')
    expect(w.get<HTMLButtonElement>('[data-test="package-import"]').element.disabled).toBe(true)
    w.unmount()
  })

  it('shows a package it refuses with the reason', async () => {
    api.inspectPackage.mockRejectedValue(
      refusal({ kind: 'forbidden', code: 'forbidden', message: '档案包的签名来自未信任的学校，已拒绝' }),
    )
    const w = await mountTab()
    await w.get('input[data-test="package-path"]').setValue(PKG)
    await w.get('[data-test="package-inspect"]').trigger('click')
    await settle()
    expect(w.get('[data-test="package-open"] [data-test="refusal"]').text()).toContain('未信任的学校')
    expect(w.find('[data-test="package-view"]').exists()).toBe(false)
    w.unmount()
  })
})

describe('档案包：生成', () => {
  it('makes the transfer package of a transferred-out student for the chosen trusted school', async () => {
    api.createTransferPackage.mockResolvedValue({ path: '/home/reg/转学档案包-20260302.xjpkg', size: 20480 })
    const w = await mountTab()
    expect(findStudents).toHaveBeenCalledWith(expect.objectContaining({ statuses: ['transferred_out'] }))
    const create = () => w.get<HTMLButtonElement>('[data-test="transfer-create"]').element
    expect(create().disabled).toBe(true)
    await w.get('[data-test="package-transfer"] [data-test="student-picker-check"] input').setValue(true)
    await settle()
    await choose(w, '[data-test="package-transfer"]', trustedSchool.name)
    expect(create().disabled).toBe(false)
    await w.get('[data-test="transfer-create"]').trigger('click')
    await settle()
    expect(api.createTransferPackage).toHaveBeenCalledWith(41, trustedSchool.id)
    expect(w.get('[data-test="transfer-saved"]').text()).toContain('20.0 KB')
    w.unmount()
  })

  it('shows the refusal when the transfer out is not complete (R7.3)', async () => {
    api.createTransferPackage.mockRejectedValue(
      refusal({ kind: 'ruleViolation', code: 'rule_violation', message: '转出手续尚未办结，不能生成转学包', ruleId: 'R7.3', ruleTitle: '籍随人走' }),
    )
    const w = await mountTab()
    await w.get('[data-test="package-transfer"] [data-test="student-picker-check"] input').setValue(true)
    await choose(w, '[data-test="package-transfer"]', trustedSchool.name)
    await w.get('[data-test="transfer-create"]').trigger('click')
    await settle()
    const alert = w.get('[data-test="package-transfer"] [data-test="refusal"]').text()
    expect(alert).toContain('R7.3')
    expect(alert).toContain('籍随人走')
    w.unmount()
  })

  it('makes the whole school archive only after the words are typed in the confirmation (R9.3)', async () => {
    prompt.mockRejectedValueOnce('cancel').mockResolvedValueOnce({ value: '确认移交全校学籍', action: 'confirm' })
    api.createSchoolArchive.mockResolvedValue({ path: '/home/reg/全校学籍档案包.xjpkg', size: 1048576 })
    const w = await mountTab()
    await choose(w, '[data-test="package-archive"]', trustedSchool.name)
    // Every record leaving at once needs the bureau's written approval (R30.2): not even asked without it.
    await w.get('[data-test="archive-create"]').trigger('click')
    await settle()
    await messagesShown()
    expect(prompt).not.toHaveBeenCalled()
    expect(w.get('[data-test="archive-approval-form"]').text()).toContain('R30.2')
    await w.get('input[data-test="archive-approval"]').setValue('西教学〔2026〕31号')
    await w.get('input[data-test="archive-approved-on"]').setValue('2026-12-01')
    await w.get('[data-test="archive-create"]').trigger('click')
    await settle()
    expect(api.createSchoolArchive).not.toHaveBeenCalled()
    const options = prompt.mock.calls[0][2] as { inputValidator: (v: string) => boolean | string }
    expect(options.inputValidator('确定')).not.toBe(true)
    expect(options.inputValidator('确认移交全校学籍')).toBe(true)
    expect(prompt.mock.calls[0][0]).toContain('R9.3')

    await w.get('[data-test="archive-create"]').trigger('click')
    await settle()
    expect(api.createSchoolArchive).toHaveBeenCalledWith(trustedSchool.id, {
      approvalRef: '西教学〔2026〕31号',
      approvedOn: '2026-12-01',
    })
    expect(w.get('[data-test="archive-saved"]').text()).toContain('1.0 MB')
    w.unmount()
  })

  it('lists the migrant dropouts and hands over those pending after a confirmation (R18.2)', async () => {
    api.migrantDropouts
      .mockResolvedValueOnce([dropout(1, null), dropout(2, '2026-01-20')])
      .mockResolvedValueOnce([dropout(1, '2026-03-02'), dropout(2, '2026-01-20')])
    api.handOverMigrantDropouts.mockResolvedValue({ path: '/home/reg/随迁子女辍学档案包.xjpkg', size: 4096 })
    confirm.mockResolvedValue('confirm')
    const w = await mountTab()
    const table = w.get('[data-test="migrant-table"]').text()
    expect(table).toContain('李1')
    expect(table).toContain('安徽省阜阳市临泉县')
    expect(table).toContain('待移交')
    expect(table).toContain('2026-01-20 已移交')
    expect(w.get('[data-test="handover-create"]').text()).toContain('1 人')

    await choose(w, '[data-test="package-migrant"]', trustedSchool.name)
    await w.get('[data-test="handover-create"]').trigger('click')
    await settle()
    expect(confirm.mock.calls[0][0]).toContain('1 名')
    expect(api.handOverMigrantDropouts).toHaveBeenCalledWith(trustedSchool.id)
    expect(w.get('[data-test="handover-saved"]').text()).toContain('随迁子女辍学档案包.xjpkg')
    // Reloaded: nobody is pending now.
    expect(w.get('[data-test="migrant-table"]').text()).not.toContain('待移交')
    expect(w.get<HTMLButtonElement>('[data-test="handover-create"]').element.disabled).toBe(true)
    w.unmount()
  })

  it('prints the migrant hand-over list for the county typed, which hands the pending ones over (R18.2)', async () => {
    api.migrantDropouts
      .mockResolvedValueOnce([dropout(1, null)])
      .mockResolvedValueOnce([dropout(1, '2026-12-04')])
    api.printMigrantHandoverList.mockResolvedValue({
      kind: 'migrant_handover_list',
      pdf: [37, 80, 68, 70],
      serials: ['2026-MIGRANT-000001'],
      documents: 1,
    })
    const w = await mountTab()
    await w.get('[data-test="migrant-list-print"]').trigger('click')
    await settle()
    expect(api.printMigrantHandoverList).not.toHaveBeenCalled()
    await messagesShown()
    expect(w.get('[data-test="migrant-list"]').text()).toContain('请填写户籍所在地县级教育行政部门的名称')

    await w.get('input[data-test="migrant-list-receiver"]').setValue('安徽省阜阳市临泉县教育局')
    await w.get('[data-test="migrant-list-print"]').trigger('click')
    await settle()
    expect(api.printMigrantHandoverList).toHaveBeenCalledWith({ studentIds: [], receiver: '安徽省阜阳市临泉县教育局' })
    expect(document.body.textContent).toContain('2026-MIGRANT-000001')
    expect(w.get('[data-test="migrant-table"]').text()).toContain('2026-12-04 已移交')
    w.unmount()
  })

  it('sends the registrar to 学校密钥 when no school is trusted yet', async () => {
    api.trustedSchools.mockResolvedValue([])
    const w = await mountTab()
    await w.get('[data-test="package-go-keys"]').trigger('click')
    expect(w.emitted('keys')).toHaveLength(1)
    w.unmount()
  })
})
