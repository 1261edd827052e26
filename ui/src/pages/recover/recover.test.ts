import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import RecoverPage from './index.vue'

const CODE = 'ABCDE-FGH12-34567-89JKM-NPQRS-TVWXY'

async function mountRecover() {
  setActivePinia(createPinia())
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/recover', component: RecoverPage },
      { path: '/login', component: { template: '<div />' } },
    ],
  })
  await router.push('/recover')
  const wrapper = mount(RecoverPage, { global: { plugins: [router] } })
  return { wrapper, router }
}

describe('recovery with the recovery code', () => {
  afterEach(() => clearMocks())

  it('formats the code as typed, opens the database and goes to login', async () => {
    const codes: unknown[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'setup_recover') {
        codes.push((args as { code: string }).code)
        return null
      }
      if (cmd === 'setup_status') {
        return { initialized: true, unlocked: true, keyMissing: false, session: null, locked: false }
      }
      return null
    })
    const { wrapper, router } = await mountRecover()
    const input = wrapper.get('[data-test="recover-code"]')
    await input.setValue(CODE.replaceAll('-', '').toLowerCase())
    expect((input.element as HTMLInputElement).value).toBe(CODE)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(codes).toEqual([CODE])
    expect(router.currentRoute.value.fullPath).toBe('/login?from=recover')
  })

  it('refuses an incomplete code and shows a wrong one as the backend says', async () => {
    mockIPC((cmd) => {
      if (cmd === 'setup_recover') throw { kind: 'validation', code: 'wrong_recovery_code', message: '恢复码不正确' }
      return null
    })
    const { wrapper, router } = await mountRecover()
    await wrapper.get('[data-test="recover-code"]').setValue('ABCDE')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-test="recover-error"]').text()).toContain('30个字符')
    await wrapper.get('[data-test="recover-code"]').setValue(CODE)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-test="recover-error"]').text()).toBe('恢复码不正确')
    expect(router.currentRoute.value.path).toBe('/recover')
  })
})
