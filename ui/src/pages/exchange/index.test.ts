import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { api, resetApi, settle } from './testing'
import { resetTrusted } from './useTrusted'
import { setup } from '@/test/helpers'
import { useAuthStore } from '@/stores/auth'
import { sections } from '@/router/sections'

vi.setConfig({ testTimeout: 30_000 })
vi.mock('@/api/exchange', async () => (await import('./testing')).api)
vi.mock('@/api/documents', () => ({
  findStudents: () => Promise.resolve({ total: 0, page: 1, pageSize: 8, rows: [] }),
}))

import ExchangePage from './index.vue'

afterEach(() => {
  resetApi()
  resetTrusted()
  document.body.innerHTML = ''
})

const tabLabels = (w: ReturnType<typeof mount>) =>
  w.findAll('[data-test^="exchange-tab-"]').map((t) => t.text())

describe('数据交换', () => {
  it('is a section of the sidebar between 统计 and 设置', () => {
    const titles = sections.map((s) => s.title)
    expect(titles.indexOf('数据交换')).toBe(titles.indexOf('统计') + 1)
    expect(titles.indexOf('设置')).toBe(titles.indexOf('数据交换') + 1)
    expect(sections.find((s) => s.title === '数据交换')?.path).toBe('/exchange')
  })

  it('has the four tabs, opens the one `?tab=` names and keeps the choice in the address', async () => {
    api.schoolKeys.mockResolvedValue({ text: 'xueji1:本校:K:age1', school: '本校', verifyingKey: 'K', recipient: 'age1' })
    api.trustedSchools.mockResolvedValue([])
    api.migrantDropouts.mockResolvedValue([])
    const router = await setup('/exchange?tab=keys')
    const w = mount(ExchangePage, { global: { plugins: [router] }, attachTo: document.body })
    await settle()
    expect(tabLabels(w)).toEqual(['导入学生', '导出', '档案包', '学校密钥'])
    expect(w.find('[data-test="keys-tab"]').exists()).toBe(true)
    expect(w.find('[data-test="import-tab"]').exists()).toBe(false)

    await w.get('[data-test="exchange-tab-package"]').trigger('click')
    await settle()
    expect(router.currentRoute.value.query.tab).toBe('package')
    expect(w.find('[data-test="package-tab"]').exists()).toBe(true)
    w.unmount()
  })

  it('shows a role only the tabs it may use', async () => {
    const router = await setup('/exchange')
    const auth = useAuthStore()
    auth.status = {
      initialized: true,
      unlocked: true,
      keyMissing: false,
      locked: false,
      session: {
        username: 'cx',
        displayName: '查询员',
        role: 'read_only',
        roleLabel: '只读查询',
        permissions: ['view_students', 'print_documents'],
        idleLockMinutes: 10,
      },
    }
    const w = mount(ExchangePage, { global: { plugins: [router] }, attachTo: document.body })
    await settle()
    expect(tabLabels(w)).toEqual(['导出'])
    expect(w.find('[data-test="export-tab"]').exists()).toBe(true)
    w.unmount()
  })

  it('shows the approver the school keys, where schools are trusted', async () => {
    const router = await setup('/exchange')
    const auth = useAuthStore()
    auth.status = {
      initialized: true,
      unlocked: true,
      keyMissing: false,
      locked: false,
      session: {
        username: 'sh',
        displayName: '审核人',
        role: 'approver',
        roleLabel: '学校审核人',
        permissions: ['view_students', 'decide_school_steps', 'print_documents'],
        idleLockMinutes: 10,
      },
    }
    const w = mount(ExchangePage, { global: { plugins: [router] }, attachTo: document.body })
    await settle()
    expect(tabLabels(w)).toEqual(['导出', '学校密钥'])
    w.unmount()
  })
})
