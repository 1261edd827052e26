import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { useAuthStore } from './auth'
import { useDraftStore } from './drafts'
import { useChangeDrafts } from '@/pages/changes/useChangeDraft'
import AppFrame from '@/components/AppFrame.vue'

const session = {
  username: 'xjgly',
  displayName: '王老师',
  role: 'registrar' as const,
  roleLabel: '学籍管理员',
  permissions: [],
  idleLockMinutes: 10,
}

function loggedIn() {
  setActivePinia(createPinia())
  const auth = useAuthStore()
  auth.status = { initialized: true, unlocked: true, keyMissing: false, session, locked: false }
  return auth
}

describe('what a session leaves behind (issue 15)', () => {
  afterEach(() => {
    clearMocks()
    sessionStorage.clear()
  })

  it('forgets every draft of the user who logs out, kept or in memory', async () => {
    mockIPC(() => null)
    const auth = loggedIn()
    const drafts = useDraftStore()
    drafts.save('enrol', { name: '张小明', idNumber: '330106201909010011' })
    const changes = useChangeDrafts()
    changes.get('transfer_out', () => ({
      step: 1, student: null, facts: { reason: '随父母工作调动' }, effectiveOn: '2026-12-04', note: '',
      proofs: [], check: null, submitted: null, printed: null,
    }))
    await flushPromises()
    sessionStorage.setItem('xueji.draft.settings.registrar', '{"name":"李四"}')
    expect(sessionStorage.getItem('xueji.draft.enrol')).toContain('张小明')
    expect(sessionStorage.getItem('xueji.changeDrafts')).toContain('随父母工作调动')

    await auth.logout()
    await flushPromises()
    expect(drafts.get('enrol')).toBeNull()
    expect(Object.keys(changes.drafts)).toEqual([])
    const kept = Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k)}`).join(';')
    expect(kept).not.toContain('张小明')
    expect(kept).not.toContain('随父母工作调动')
    expect(kept).not.toContain('李四')
  })

  it('unmounts the page under the lock screen and brings it back after unlocking', async () => {
    mockIPC(() => null)
    const auth = loggedIn()
    const Page = defineComponent({ render: () => h('div', { 'data-test': 'the-page' }, '张小明 330106201909010011') })
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: Page }] })
    await router.push('/')
    const wrapper = mount(AppFrame, { global: { plugins: [router] }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.find('[data-test="the-page"]').exists()).toBe(true)
    await auth.lockNow()
    await flushPromises()
    expect(wrapper.find('[data-test="the-page"]').exists()).toBe(false)
    expect(document.body.textContent).not.toContain('330106201909010011')
    expect(document.querySelector('[data-test="lock-screen"]')).not.toBeNull()
    await auth.unlock('Xueji2024')
    await flushPromises()
    expect(wrapper.find('[data-test="the-page"]').exists()).toBe(true)
    wrapper.unmount()
  })
})
