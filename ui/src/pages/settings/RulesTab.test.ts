import { afterEach, describe, expect, it, vi } from 'vitest'

vi.setConfig({ testTimeout: 30_000 })
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'

const calls: Record<string, ReturnType<typeof vi.fn<(...args: unknown[]) => unknown>>> = {
  settingsGet: vi.fn<(...args: unknown[]) => unknown>(),
  ruleProfileChange: vi.fn<(...args: unknown[]) => unknown>(),
  schoolUpdate: vi.fn<(...args: unknown[]) => unknown>(),
}
vi.mock('@/bindings/bindings', () => ({
  commands: new Proxy({}, { get: (_t, name: string) => (...args: unknown[]) => calls[name]?.(...args) }),
}))
const prompt = vi.fn()
vi.mock('element-plus', async (orig) => ({
  ...(await orig<typeof import('element-plus')>()),
  ElMessageBox: { prompt: (...a: unknown[]) => prompt(...a) },
}))

import RulesTab from './RulesTab.vue'
import { resetSettings, useSettings } from './useSettings'
import { useAuthStore } from '@/stores/auth'

const ok = <T>(data: T) => ({ status: 'ok', data })
const profiles = [
  { id: 'zhejiang-2017', name: '浙江省义务教育阶段学生学籍管理办法（2017）', archiveDeadlineMonths: 1 },
  { id: 'national-2025', name: '中小学生学籍管理办法（2025）', archiveDeadlineMonths: 2 },
]

async function mountAs(role: 'registrar' | 'approver') {
  setActivePinia(createPinia())
  resetSettings()
  useAuthStore().status = {
    initialized: true,
    unlocked: true,
    keyMissing: false,
    locked: false,
    session: {
      username: role === 'approver' ? 'shenhe' : 'admin',
      displayName: role === 'approver' ? '李主任' : '王老师',
      role,
      roleLabel: role === 'approver' ? '学校审批人' : '学籍管理员',
      permissions: role === 'approver' ? ['view_students', 'decide_school_steps'] : ['view_students', 'manage_settings'],
      idleLockMinutes: 10,
    },
  } as never
  calls.settingsGet.mockResolvedValue(
    ok({ school: { name: '测试小学', ruleProfile: 'zhejiang-2017' }, ruleProfiles: profiles, terms: [], idleLockMinutes: 15, hardshipNoticeDays: 5 }),
  )
  await useSettings().load()
  const w = mount(RulesTab, { attachTo: document.body })
  await flushPromises()
  return w
}

/** Picks the profile named `name` in the select. */
async function pick(w: ReturnType<typeof mount>, name: string) {
  await w.get('[data-test="rule-profile"] .el-select__wrapper').trigger('click')
  await flushPromises()
  const item = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((li) => li.textContent?.trim() === name)
  item!.click()
  await flushPromises()
}

afterEach(() => {
  for (const f of Object.values(calls)) f.mockReset()
  prompt.mockReset()
  document.body.innerHTML = ''
})

describe('设置—规则版本', () => {
  it('is the approver’s step: the registrar sees who changes it and cannot', async () => {
    const w = await mountAs('registrar')
    expect(w.get('[data-test="rule-profile-who"]').text()).toContain('学校审批人')
    expect(w.get<HTMLButtonElement>('[data-test="rule-profile-save"]').element.disabled).toBe(true)
    w.unmount()
  })

  it('asks the approver for the reason and sends it with the profile', async () => {
    const w = await mountAs('approver')
    expect(w.find('[data-test="rule-profile-who"]').exists()).toBe(false)
    await pick(w, '中小学生学籍管理办法（2025）')
    prompt.mockResolvedValue({ value: '  县教育局通知  ' })
    calls.ruleProfileChange.mockResolvedValue(ok({ name: '测试小学', ruleProfile: 'national-2025' }))
    await w.get('[data-test="rule-profile-save"]').trigger('click')
    await flushPromises()
    expect(prompt.mock.calls[0][0]).toContain('理由')
    const validator = (prompt.mock.calls[0][2] as { inputValidator: (v: string) => unknown }).inputValidator
    expect(validator('  ')).toBe('请说明更改理由')
    expect(calls.ruleProfileChange).toHaveBeenCalledWith({ profile: 'national-2025', reason: '县教育局通知' })
    expect(calls.schoolUpdate).not.toHaveBeenCalled()
    w.unmount()
  })
})
