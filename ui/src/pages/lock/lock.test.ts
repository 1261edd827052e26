import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import type { SessionView } from '@/bindings/bindings'
import { useAuthStore } from '@/stores/auth'
import { commands } from '@/bindings/bindings'
import { unwrap } from '@/api/errors'
import LockScreen from './index.vue'
import { IDLE_CHECK_MS, useIdleLock } from './useIdleLock'

const session: SessionView = {
  username: 'xjgly',
  displayName: '王老师',
  role: 'registrar',
  roleLabel: '学籍管理员',
  permissions: [],
  idleLockMinutes: 10,
}

function loggedIn(idleLockMinutes = 10) {
  setActivePinia(createPinia())
  const auth = useAuthStore()
  auth.status = {
    initialized: true,
    unlocked: true,
    keyMissing: false,
    session: { ...session, idleLockMinutes },
    locked: false,
  }
  return auth
}

describe('lock screen', () => {
  let calls: string[]
  beforeEach(() => {
    calls = []
  })
  afterEach(() => {
    clearMocks()
    vi.useRealTimers()
  })

  it('unlocks with the password and shows a wrong one as the backend says', async () => {
    mockIPC((cmd, args) => {
      calls.push(cmd)
      if (cmd === 'auth_unlock' && (args as { password: string }).password !== 'Xueji2024') {
        throw { kind: 'validation', code: 'validation', message: '密码不正确，还可尝试4次', ruleId: 'R30.3' }
      }
      return null
    })
    const auth = loggedIn()
    await auth.lockNow()
    expect(calls).toEqual(['auth_lock'])
    const wrapper = mount(LockScreen)
    expect(wrapper.get('[data-test="lock-user"]').text()).toContain('王老师')
    await wrapper.get('[data-test="unlock-password"]').setValue('nope12345')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-test="unlock-error"]').text()).toBe('密码不正确，还可尝试4次')
    expect(auth.locked).toBe(true)
    await wrapper.get('[data-test="unlock-password"]').setValue('Xueji2024')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(auth.locked).toBe(false)
  })

  it('locks after the idle minutes without mouse or keyboard, not before', async () => {
    vi.useFakeTimers()
    mockIPC((cmd) => {
      calls.push(cmd)
      return null
    })
    const auth = loggedIn(1)
    const Host = defineComponent({
      setup() {
        useIdleLock()
        return () => h('div')
      },
    })
    const wrapper = mount(Host)
    await vi.advanceTimersByTimeAsync(50_000)
    document.dispatchEvent(new Event('keydown'))
    await vi.advanceTimersByTimeAsync(50_000)
    expect(auth.locked).toBe(false)
    await vi.advanceTimersByTimeAsync(20_000 + IDLE_CHECK_MS)
    expect(auth.locked).toBe(true)
    expect(auth.lockReason).toContain('已闲置超过1分钟')
    expect(calls).toContain('auth_lock')
    wrapper.unmount()
  })

  it('never locks by idle time when the setting is 0', async () => {
    vi.useFakeTimers()
    mockIPC(() => null)
    const auth = loggedIn(0)
    const wrapper = mount(
      defineComponent({
        setup() {
          useIdleLock()
          return () => h('div')
        },
      }),
    )
    await vi.advanceTimersByTimeAsync(3_600_000)
    expect(auth.locked).toBe(false)
    wrapper.unmount()
  })

  it('shows the lock screen when any command answers `locked` for a locked session', async () => {
    const auth = loggedIn()
    mockIPC((cmd) => {
      if (cmd === 'setup_status') {
        return { ...auth.status, locked: true }
      }
      throw { kind: 'locked', code: 'session_locked', message: '已闲置超过10分钟，界面已锁定，请输入密码解锁' }
    })
    await expect(async () => unwrap(await commands.appInfo())).rejects.toThrow('已闲置')
    await flushPromises()
    expect(auth.locked).toBe(true)
    expect(auth.lockReason).toContain('已闲置超过10分钟')
  })

  it('drops the session when a command finds none (back to login)', async () => {
    const auth = loggedIn()
    mockIPC((cmd) => {
      if (cmd === 'setup_status') {
        return { initialized: true, unlocked: true, keyMissing: false, session: null, locked: false }
      }
      throw { kind: 'locked', code: 'locked', message: '请先登录' }
    })
    await expect(async () => unwrap(await commands.appInfo())).rejects.toThrow('请先登录')
    await flushPromises()
    expect(auth.session).toBeNull()
    expect(auth.locked).toBe(false)
  })
})
