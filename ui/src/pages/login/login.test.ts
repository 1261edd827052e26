import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import LoginPage from './index.vue'
import { useAuthStore } from '@/stores/auth'

const LOCKOUT = '连续输错密码次数过多，账户已锁定，请15分钟后再试'

async function mountLogin(path = '/login') {
  setActivePinia(createPinia())
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', component: LoginPage },
      { path: '/', component: { template: '<div data-test="home" />' } },
      { path: '/students', component: { template: '<div data-test="students" />' } },
    ],
  })
  await router.push(path)
  const wrapper = mount(LoginPage, { global: { plugins: [router] }, attachTo: document.body })
  return { wrapper, router }
}

describe('login page', () => {
  afterEach(() => {
    clearMocks()
    document.body.innerHTML = ''
  })

  it('logs in on Enter in the password field and goes where it was asked to', async () => {
    const logins: unknown[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'auth_login') {
        logins.push(args)
        return {
          username: 'xjgly',
          displayName: '王老师',
          role: 'registrar',
          roleLabel: '学籍管理员',
          permissions: ['view_students'],
          idleLockMinutes: 10,
        }
      }
      return null
    })
    const { wrapper, router } = await mountLogin('/login?redirect=/students')
    await wrapper.get('[data-test="login-username"]').setValue('xjgly')
    const pw = wrapper.get('[data-test="login-password"]')
    await pw.setValue('Xueji2024')
    await pw.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(logins).toEqual([{ username: 'xjgly', password: 'Xueji2024' }])
    expect(useAuthStore().session?.displayName).toBe('王老师')
    expect(router.currentRoute.value.path).toBe('/students')
    wrapper.unmount()
  })

  it('shows the backend message as it is, the lockout included, and clears the password', async () => {
    let n = 0
    mockIPC((cmd) => {
      if (cmd !== 'auth_login') return null
      n += 1
      throw n < 5
        ? { kind: 'validation', code: 'validation', message: `用户名或密码不正确，还可尝试${5 - n}次`, ruleId: 'R30.3' }
        : { kind: 'locked', code: 'account_locked', message: LOCKOUT, ruleId: 'R30.3' }
    })
    const { wrapper, router } = await mountLogin('/login?username=xjgly')
    expect((wrapper.get('[data-test="login-username"]').element as HTMLInputElement).value).toBe(
      'xjgly',
    )
    for (let i = 1; i <= 5; i++) {
      await wrapper.get('[data-test="login-password"]').setValue('wrong1234')
      await wrapper.get('form').trigger('submit')
      await flushPromises()
    }
    expect(wrapper.get('[data-test="login-error"]').text()).toBe(LOCKOUT)
    expect((wrapper.get('[data-test="login-password"]').element as HTMLInputElement).value).toBe('')
    expect(router.currentRoute.value.path).toBe('/login')
    wrapper.unmount()
  })

  it('asks for what is missing without calling the backend', async () => {
    mockIPC(() => {
      throw new Error('no call expected')
    })
    const { wrapper } = await mountLogin()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-test="login-error"]').text()).toBe('请输入用户名')
    wrapper.unmount()
  })
})
