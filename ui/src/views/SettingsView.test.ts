import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import SettingsView from './SettingsView.vue'

// The Tauri backend cannot run in happy-dom; its IPC is mocked at the invoke boundary, so the
// generated bindings, the api wrapper, the store and the view all run for real.
function mountView() {
  setActivePinia(createPinia())
  return mount(SettingsView)
}

describe('设置 page', () => {
  afterEach(() => clearMocks())

  it('shows what app_info returns', async () => {
    mockIPC((cmd) => {
      if (cmd === 'app_info') {
        return { productName: '学籍管理 XueJi', version: '0.1.0', dataDir: '/data/xueji' }
      }
      throw new Error(`unexpected command ${cmd}`)
    })
    const wrapper = mountView()
    await flushPromises()
    expect(wrapper.get('[data-test="product-name"]').text()).toBe('学籍管理 XueJi')
    expect(wrapper.get('[data-test="version"]').text()).toBe('0.1.0')
    expect(wrapper.get('[data-test="data-dir"]').text()).toBe('/data/xueji')
  })

  it('shows an IPC error with its kind and rule instead of the data', async () => {
    mockIPC(() => {
      throw { kind: 'locked', message: '数据库已锁定，请先解锁。' }
    })
    const wrapper = mountView()
    await flushPromises()
    const alert = wrapper.get('[data-test="app-info-error"]')
    expect(alert.text()).toContain('已锁定')
    expect(alert.text()).toContain('数据库已锁定，请先解锁。')
    expect(wrapper.find('[data-test="data-dir"]').exists()).toBe(false)
  })
})
