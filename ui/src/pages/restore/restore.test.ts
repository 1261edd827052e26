import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import RestorePage from './index.vue'
import { arrivalNotice } from '@/pages/login/rules'

const CODE = 'ABCDE-FGH12-34567-89JKM-NPQRS-TVWXY'
const FILE = '/media/usb/xueji-20261204.db'

async function mountRestore() {
  setActivePinia(createPinia())
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/restore', component: RestorePage },
      { path: '/setup', component: { template: '<div />' } },
      { path: '/login', component: { template: '<div />' } },
    ],
  })
  await router.push('/restore')
  const wrapper = mount(RestorePage, { global: { plugins: [router] } })
  return { wrapper, router }
}

describe('从备份恢复 on a new computer', () => {
  afterEach(() => clearMocks())

  it('takes the picked backup and the code, restores and goes to login', async () => {
    const calls: unknown[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'file_pick') {
        expect((args as { kind: string }).kind).toBe('backup')
        return FILE
      }
      if (cmd === 'setup_restore_backup') {
        calls.push(args)
        return null
      }
      if (cmd === 'setup_status') {
        return { initialized: true, unlocked: true, keyMissing: false, session: null, locked: false }
      }
      return null
    })
    const { wrapper, router } = await mountRestore()
    await wrapper.get('[data-test="restore-file-pick"]').trigger('click')
    await flushPromises()
    expect((wrapper.get('[data-test="restore-file"]').element as HTMLInputElement).value).toBe(FILE)
    const code = wrapper.get('[data-test="restore-code"]')
    await code.setValue(CODE.replaceAll('-', '').toLowerCase())
    expect((code.element as HTMLInputElement).value).toBe(CODE)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(calls).toEqual([{ file: FILE, code: CODE }])
    expect(router.currentRoute.value.fullPath).toBe('/login?from=restore')
    expect(arrivalNotice('restore')).toContain('备份中的账号')
  })

  it('asks for the file and the whole code first, and shows the backend refusal', async () => {
    let asked = 0
    mockIPC((cmd) => {
      if (cmd === 'setup_restore_backup') {
        asked += 1
        throw {
          kind: 'validation',
          code: 'backup_invalid',
          message: '该备份文件不含恢复信息（早期版本所做），无法仅凭恢复码恢复；请在原电脑上重新备份',
        }
      }
      return null
    })
    const { wrapper, router } = await mountRestore()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-test="restore-error"]').text()).toContain('请选择备份文件')
    await wrapper.get('[data-test="restore-file"]').setValue(FILE)
    await wrapper.get('[data-test="restore-code"]').setValue('ABCDE')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-test="restore-error"]').text()).toContain('30个字符')
    expect(asked).toBe(0)
    await wrapper.get('[data-test="restore-code"]').setValue(CODE)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(asked).toBe(1)
    expect(wrapper.get('[data-test="restore-error"]').text()).toContain('不含恢复信息')
    expect(router.currentRoute.value.fullPath).toBe('/restore')
  })
})
