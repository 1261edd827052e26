import { afterEach, describe, expect, it, vi } from 'vitest'

// Mounting Element Plus pages is slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 })
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'

const calls: Record<string, ReturnType<typeof vi.fn<(...args: unknown[]) => unknown>>> = {
  appInfo: vi.fn<(...args: unknown[]) => unknown>(),
  backupList: vi.fn<(...args: unknown[]) => unknown>(),
  backupCreate: vi.fn<(...args: unknown[]) => unknown>(),
  backupVerify: vi.fn<(...args: unknown[]) => unknown>(),
  backupRestore: vi.fn<(...args: unknown[]) => unknown>(),
  backupScheduleSet: vi.fn<(...args: unknown[]) => unknown>(),
  backupOffsiteFolderSet: vi.fn<(...args: unknown[]) => unknown>(),
  backupOffsiteNow: vi.fn<(...args: unknown[]) => unknown>(),
  auditList: vi.fn<(...args: unknown[]) => unknown>(),
  auditVerify: vi.fn<(...args: unknown[]) => unknown>(),
  auditActions: vi.fn<(...args: unknown[]) => unknown>(),
}
vi.mock('@/bindings/bindings', () => ({
  commands: new Proxy(
    {},
    { get: (_t, name: string) => (...args: unknown[]) => calls[name]?.(...args) },
  ),
}))
const confirm = vi.fn()
const alert = vi.fn()
vi.mock('element-plus', async (orig) => ({
  ...(await orig<typeof import('element-plus')>()),
  ElMessageBox: { confirm: (...a: unknown[]) => confirm(...a), alert: (...a: unknown[]) => alert(...a) },
}))

import AboutTab from './AboutTab.vue'
import BackupTab from './BackupTab.vue'
import AuditTab from './AuditTab.vue'

const ok = <T>(data: T) => ({ status: 'ok', data })

afterEach(() => {
  for (const f of Object.values(calls)) f.mockReset()
  confirm.mockReset()
  alert.mockReset()
  document.body.innerHTML = ''
})

describe('软件信息', () => {
  it('shows what app_info returns', async () => {
    setActivePinia(createPinia())
    calls.appInfo.mockResolvedValue(ok({ productName: '学籍管理 XueJi', version: '0.1.0', dataDir: '/data/xueji' }))
    const wrapper = mount(AboutTab)
    await flushPromises()
    expect(wrapper.get('[data-test="product-name"]').text()).toBe('学籍管理 XueJi')
    expect(wrapper.get('[data-test="data-dir"]').text()).toBe('/data/xueji')
  })

  it('shows an IPC error with its kind instead of the data', async () => {
    setActivePinia(createPinia())
    calls.appInfo.mockResolvedValue({ status: 'error', error: { kind: 'locked', code: 'locked', message: '数据库已锁定，请先解锁。' } })
    const wrapper = mount(AboutTab)
    await flushPromises()
    expect(wrapper.get('[data-test="app-info-error"]').text()).toContain('已锁定')
  })
})

const list = {
  dir: '/data/backups',
  backups: [
    {
      name: 'manual-20260302-081500.000.db',
      path: '/data/backups/manual-20260302-081500.000.db',
      kind: 'manual',
      kindLabel: '手动备份',
      sizeBytes: 2048,
      createdAt: '2026-03-02T08:15:00+08:00',
    },
  ],
  schedule: { daily: true, keep: 30 },
  lastAuto: '今天已有自动备份',
  offsite: { folder: null, lastCopyAt: null },
}

describe('备份与恢复', () => {
  it('keeps the off-site folder and copies a backup there now (issue 15)', async () => {
    const folder = '/media/usb/学籍备份'
    calls.backupList
      .mockResolvedValueOnce(ok(list))
      .mockResolvedValueOnce(ok({ ...list, offsite: { folder, lastCopyAt: null } }))
      .mockResolvedValue(ok({ ...list, offsite: { folder, lastCopyAt: '2026-12-04T01:30:00Z' } }))
    calls.backupOffsiteFolderSet.mockResolvedValue(ok({ folder, lastCopyAt: null }))
    calls.backupOffsiteNow.mockResolvedValue(
      ok({ ...list.backups[0], name: 'xueji-备份-20261204-093000.db', path: `${folder}/xueji-备份-20261204-093000.db` }),
    )
    const wrapper = mount(BackupTab, { attachTo: document.body })
    await flushPromises()
    expect(wrapper.get('[data-test="offsite-last"]').text()).toBe('还没有做过异地备份')
    expect(wrapper.get('[data-test="offsite-now"]').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-test="offsite-folder"]').setValue(folder)
    await wrapper.get('[data-test="offsite-folder-save"]').trigger('click')
    await flushPromises()
    expect(calls.backupOffsiteFolderSet).toHaveBeenCalledWith(folder)
    expect(wrapper.get('[data-test="offsite-now"]').attributes('disabled')).toBeUndefined()
    await wrapper.get('[data-test="offsite-now"]').trigger('click')
    await flushPromises()
    expect(calls.backupOffsiteNow).toHaveBeenCalled()
    expect(wrapper.get('[data-test="offsite-last"]').text()).toContain('上次异地备份')
    wrapper.unmount()
  })

  it('lists the copies, checks one and restores it after the password and a confirmation', async () => {
    calls.backupList.mockResolvedValue(ok(list))
    calls.backupVerify.mockResolvedValue(ok({ name: list.backups[0].name, path: '', auditRows: 42 }))
    calls.backupRestore.mockResolvedValue(
      ok({ restoredFrom: 'x', previousSavedAs: '/data/backups/pre-restore-1.db', auditRows: 42, sessionKept: true }),
    )
    confirm.mockResolvedValue('confirm')
    alert.mockResolvedValue('confirm')
    const wrapper = mount(BackupTab, { attachTo: document.body })
    await flushPromises()
    expect(wrapper.get('[data-test="backup-table"]').text()).toContain('手动备份')
    expect(wrapper.get('[data-test="backup-last-auto"]').text()).toBe('今天已有自动备份')

    await wrapper.get('[data-test="backup-verify-0"]').trigger('click')
    await flushPromises()
    expect(calls.backupVerify).toHaveBeenCalledWith(list.backups[0].name)
    expect(wrapper.get('[data-test="backup-check"]').text()).toContain('42 条')

    await wrapper.get('[data-test="backup-restore-0"]').trigger('click')
    await flushPromises()
    const password = document.querySelector<HTMLInputElement>('input[data-test="restore-password"]')!
    password.value = 'xueji2024'
    password.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-test="restore-submit"]')!.click()
    await flushPromises()
    expect(confirm).toHaveBeenCalled()
    expect(calls.backupRestore).toHaveBeenCalledWith({ file: list.backups[0].name, password: 'xueji2024' })
    expect(wrapper.emitted('restored')).toEqual([[true]])
    wrapper.unmount()
  })

  it('does not restore without the password', async () => {
    calls.backupList.mockResolvedValue(ok(list))
    const wrapper = mount(BackupTab, { attachTo: document.body })
    await flushPromises()
    await wrapper.get('[data-test="backup-restore-0"]').trigger('click')
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-test="restore-submit"]')!.click()
    await flushPromises()
    expect(calls.backupRestore).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})

describe('审计日志', () => {
  it('filters by user and shows that the chain is intact', async () => {
    calls.auditList.mockResolvedValue(
      ok({ total: 1, page: 1, pageSize: 50, rows: [{ seq: 9, at: '2026-03-02T00:15:00Z', user: 'registrar', action: 'login', actionLabel: '登录', target: 'user:1' }] }),
    )
    calls.auditActions.mockResolvedValue(ok([{ code: 'login', label: '登录' }, { code: 'export', label: '导出' }]))
    calls.auditVerify.mockResolvedValue(ok({ rows: 9, intact: true, problem: null }))
    const wrapper = mount(AuditTab)
    await flushPromises()
    expect(wrapper.get('[data-test="audit-table"]').text()).toContain('登录')
    await wrapper.get('input[data-test="audit-user"]').setValue('registrar')
    await wrapper.get('[data-test="audit-search"]').trigger('click')
    await flushPromises()
    expect(calls.auditList).toHaveBeenLastCalledWith(expect.objectContaining({ user: 'registrar', page: 1 }))
    // The action filter lists what Rust says the actions are.
    expect(calls.auditActions).toHaveBeenCalled()
    await wrapper.get('[data-test="audit-verify"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-test="audit-check"]').text()).toContain('共 9 条记录')
  })
})
