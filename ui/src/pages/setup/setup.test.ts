import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ElMessageBox } from 'element-plus'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import SetupPage from './index.vue'

/** Lets async-validator, the IPC mock and the router finish. */
async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150)) // the form item shows its error debounced
  await flushPromises()
}

const CODE = 'ABCDE-FGH12-34567-89JKM-NPQRS-TVWXY'
const GROUPS = CODE.split('-')

async function mountWizard() {
  setActivePinia(createPinia())
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/setup', component: SetupPage },
      { path: '/login', component: { template: '<div data-test="login-page" />' } },
    ],
  })
  await router.push('/setup')
  const wrapper = mount(SetupPage, { global: { plugins: [router] }, attachTo: document.body })
  return { wrapper, router }
}

// Whole-wizard flows: generous time on a loaded machine.
describe('first-run wizard', { timeout: 30_000 }, () => {
  let calls: { cmd: string; args: unknown }[]

  beforeEach(() => {
    sessionStorage.clear()
    calls = []
    mockIPC((cmd, args) => {
      calls.push({ cmd, args })
      if (cmd === 'setup_init') return { code: CODE }
      if (cmd === 'ui_ready') return null
      throw new Error(`unexpected command ${cmd}`)
    })
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
  })

  afterEach(() => {
    clearMocks()
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })

  it('walks school → admin → recovery code → three groups back → login', async () => {
    const { wrapper, router } = await mountWizard()
    const input = (t: string) => wrapper.get(`[data-test="${t}"]`)

    // Step 1: nothing goes on while a required field is empty.
    await input('school-next').trigger('click')
    await settle()
    expect(wrapper.find('[data-test="admin-form"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('请填写学校名称')

    await input('school-name').setValue('文三路小学')
    await input('school-code').setValue('3133001234')
    await input('school-county-bureau').setValue('杭州市西湖区教育局')
    await input('school-township').setValue('文新街道办事处')
    await input('school-next').trigger('click')
    await settle()

    // Step 2: the password policy is checked as typed.
    await input('admin-username').setValue('xjgly')
    await input('admin-display-name').setValue('王老师')
    await input('admin-password').setValue('abc')
    await settle()
    expect(wrapper.text()).toContain('密码至少8位')
    await input('admin-password').setValue('Xueji2024')
    await input('admin-password-confirm').setValue('Xueji2024')
    await settle()
    expect(wrapper.text()).not.toContain('密码至少8位')
    await input('admin-create').trigger('click')
    await settle()

    const init = calls.find((c) => c.cmd === 'setup_init')
    expect(init?.args).toMatchObject({
      input: {
        school: {
          name: '文三路小学',
          code: '3133001234',
          kind: 'primary',
          countyBureau: '杭州市西湖区教育局',
          township: '文新街道办事处',
          graduatingGrades: [6],
          ruleProfile: 'zhejiang-2017',
        },
        adminUsername: 'xjgly',
        adminDisplayName: '王老师',
        adminPassword: 'Xueji2024',
      },
    })

    // Step 3: the code, once; going on needs the "kept" tick.
    for (let i = 0; i < 6; i++) expect(input(`recovery-group-${i}`).text()).toBe(GROUPS[i])
    expect(input('recovery-next').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-test="recovery-kept"] input').setValue(true)
    await input('recovery-next').trigger('click')
    await settle()

    // Step 4: three groups at random positions.
    const asked = [0, 1, 2].map((i) => Number(input(`confirm-group-${i}`).attributes('data-group')))
    expect(new Set(asked).size).toBe(3)
    await input('confirm-group-0').setValue(GROUPS[asked[0]].toLowerCase())
    await input('confirm-group-1').setValue('ZZZZZ')
    await input('confirm-group-2').setValue(GROUPS[asked[2]])
    await input('confirm-submit').trigger('click')
    await settle()
    expect(input('confirm-error').text()).toContain(`第${asked[1] + 1}组不正确`)
    expect(router.currentRoute.value.path).toBe('/setup')

    await input('confirm-group-1').setValue(GROUPS[asked[1]])
    await input('confirm-submit').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/login')
    expect(router.currentRoute.value.query.username).toBe('xjgly')
    // Neither the code nor the password is kept in the window's storage.
    expect(JSON.stringify(sessionStorage)).not.toContain('Xueji2024')
    expect(JSON.stringify(sessionStorage)).not.toContain(GROUPS[0])
    wrapper.unmount()
  })

  it('shows the field message the backend returns for the account', async () => {
    mockIPC((cmd) => {
      if (cmd === 'setup_init') {
        throw {
          kind: 'validation',
          code: 'validation',
          message: '用户名已存在',
          fields: { adminUsername: '用户名已存在' },
        }
      }
      return null
    })
    const { wrapper } = await mountWizard()
    const input = (t: string) => wrapper.get(`[data-test="${t}"]`)
    await input('school-name').setValue('文三路小学')
    await input('school-county-bureau').setValue('西湖区教育局')
    await input('school-township').setValue('文新街道')
    await input('school-next').trigger('click')
    await settle()
    await input('admin-username').setValue('xjgly')
    await input('admin-display-name').setValue('王老师')
    await input('admin-password').setValue('Xueji2024')
    await input('admin-password-confirm').setValue('Xueji2024')
    await input('admin-create').trigger('click')
    await settle()
    expect(wrapper.text()).toContain('用户名已存在')
    expect(wrapper.find('[data-test="recovery-code"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('keeps the school draft when the window reloads', async () => {
    const first = await mountWizard()
    await first.wrapper.get('[data-test="school-name"]').setValue('文三路小学')
    await settle()
    first.wrapper.unmount()
    const second = await mountWizard()
    expect(
      (second.wrapper.get('[data-test="school-name"]').element as HTMLInputElement).value,
    ).toBe('文三路小学')
    second.wrapper.unmount()
  })
})
