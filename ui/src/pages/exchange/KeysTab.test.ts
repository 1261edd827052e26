import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { api, messagesShown, refusal, resetApi, settle, trustedSchool } from './testing'
import { resetTrusted } from './useTrusted'

vi.setConfig({ testTimeout: 30_000 })
vi.mock('@/api/exchange', async () => (await import('./testing')).api)

import KeysTab from './KeysTab.vue'
import { useAuthStore } from '@/stores/auth'

const OWN = 'xueji1:杭州市西湖区文溪九年一贯制学校（3133001234）:OWNKEY:age1own'
const OTHER = 'xueji1:杭州市上城区胜利小学:VKEY:age1other'

async function mountTab() {
  setActivePinia(createPinia())
  const w = mount(KeysTab, { attachTo: document.body })
  await settle()
  return w
}

beforeEach(() => {
  resetTrusted()
  api.schoolKeys.mockResolvedValue({ text: OWN, school: '杭州市西湖区文溪九年一贯制学校（3133001234）', verifyingKey: 'OWNKEY', recipient: 'age1own' })
  api.trustedSchools.mockResolvedValue([trustedSchool])
})

afterEach(() => {
  resetApi()
  document.body.innerHTML = ''
})

describe('学校密钥', () => {
  it('shows the school key read-only and copies it', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const w = await mountTab()
    const box = w.get<HTMLTextAreaElement>('textarea[data-test="keys-text"]')
    expect(box.element.value).toBe(OWN)
    expect(box.element.readOnly).toBe(true)
    await w.get('[data-test="keys-copy"]').trigger('click')
    await settle()
    expect(writeText).toHaveBeenCalledWith(OWN)
    expect(w.get('[data-test="trusted-table"]').text()).toContain(trustedSchool.name)
    w.unmount()
  })

  it('trusts a pasted key under the name it offers, and lists the school', async () => {
    api.trustSchool.mockResolvedValue({ id: 4, name: '杭州市上城区胜利小学', text: OTHER })
    const w = await mountTab()
    await w.get('textarea[data-test="trust-text"]').setValue(`  ${OTHER}\n`)
    await settle()
    const name = w.get<HTMLInputElement>('input[data-test="trust-name"]')
    expect(name.element.value).toBe('杭州市上城区胜利小学')
    // Enter in the name (the last field) trusts.
    await name.trigger('keydown', { key: 'Enter' })
    await settle()
    expect(api.trustSchool).toHaveBeenCalledWith(OTHER, '杭州市上城区胜利小学')
    expect(w.get('[data-test="trusted-table"]').text()).toContain('杭州市上城区胜利小学')
    expect(w.get<HTMLTextAreaElement>('textarea[data-test="trust-text"]').element.value).toBe('')
    w.unmount()
  })

  it('sends nothing that is not a key text, nor without a name', async () => {
    const w = await mountTab()
    await w.get('textarea[data-test="trust-text"]').setValue('这不是公钥')
    await w.get('input[data-test="trust-name"]').setValue('某学校')
    await w.get('[data-test="trust-save"]').trigger('click')
    await messagesShown()
    expect(w.text()).toContain('应以 xueji1: 开头')
    await w.get('textarea[data-test="trust-text"]').setValue(OTHER)
    await w.get('input[data-test="trust-name"]').setValue('')
    await w.get('[data-test="trust-save"]').trigger('click')
    await messagesShown()
    expect(w.text()).toContain('请填写对方学校')
    expect(api.trustSchool).not.toHaveBeenCalled()
    w.unmount()
  })

  it('shows why the app refused a key', async () => {
    api.trustSchool.mockRejectedValue(
      refusal({ kind: 'validation', code: 'validation', message: '这是本校自己的公钥', fields: { text: '这是本校自己的公钥' } }),
    )
    const w = await mountTab()
    await w.get('textarea[data-test="trust-text"]').setValue(OWN)
    await w.get('[data-test="trust-save"]').trigger('click')
    await settle()
    expect(api.trustSchool).toHaveBeenCalled()
    expect(w.get('[data-test="refusal"]').text()).toContain('这是本校自己的公钥')
    w.unmount()
  })

  it('shows an error instead of the key when the app refuses', async () => {
    api.schoolKeys.mockRejectedValue(refusal({ kind: 'forbidden', code: 'forbidden', message: '没有修改设置的权限' }))
    const w = await mountTab()
    expect(w.find('[data-test="keys-text"]').exists()).toBe(false)
    expect(w.get('[data-test="refusal"]').text()).toContain('没有权限')
    w.unmount()
  })

  it('leaves trusting a school to the approver: the registrar sees why, not the form', async () => {
    setActivePinia(createPinia())
    const auth = useAuthStore()
    auth.status = {
      initialized: true,
      unlocked: true,
      keyMissing: false,
      locked: false,
      session: {
        username: 'reg',
        displayName: '学籍管理员',
        role: 'registrar',
        roleLabel: '学籍管理员',
        permissions: ['view_students', 'manage_settings'],
        idleLockMinutes: 10,
      },
    }
    const w = mount(KeysTab, { attachTo: document.body })
    await settle()
    expect(w.find('[data-test="trust-form"]').exists()).toBe(false)
    expect(w.get('[data-test="trust-approver-only"]').text()).toContain('审核人')
    expect(w.find('[data-test="keys-text"]').exists()).toBe(true)
    w.unmount()
  })
})
