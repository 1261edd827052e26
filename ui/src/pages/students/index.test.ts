import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import type { SearchInput, StudentRow } from '@/bindings/bindings'
import { inChinese, setup, settle, waitFor } from '@/test/helpers'
import StudentsPage from './index.vue'
import { COLUMNS_STORAGE_KEY } from './useColumns'

const rows: StudentRow[] = [
  {
    id: 7,
    xuejiNumber: 'G330106201903010011',
    xuejiNumberLabel: 'G330106201903010011（暂定）',
    name: '张三',
    sex: '男',
    birthDate: '2019-03-01',
    idNumberMasked: '330106********0011',
    grade: 1,
    gradeLabel: '一年级',
    className: '1班',
    status: { code: 'pending_approval', label: '待核准' },
    archived: false,
  },
  {
    id: 8,
    xuejiNumber: 'G330106201904010022',
    xuejiNumberLabel: 'G330106201904010022',
    name: '赵四',
    sex: '女',
    birthDate: '2019-04-01',
    idNumberMasked: '330106********0022',
    grade: 1,
    gradeLabel: '一年级',
    className: '2班',
    status: { code: 'enrolled', label: '在读' },
    archived: false,
  },
]

let searches: SearchInput[] = []

function backend() {
  searches = []
  mockIPC((cmd, args) => {
    if (cmd === 'student_search') {
      const input = (args as { input: SearchInput }).input
      searches.push(input)
      const found = input.query === 'zs' ? rows.slice(0, 1) : rows
      return { total: found.length, page: input.page, pageSize: input.pageSize, rows: found }
    }
    if (cmd === 'student_classes') {
      return [
        { grade: 1, gradeLabel: '一年级', className: '1班', count: 1 },
        { grade: 1, gradeLabel: '一年级', className: '2班', count: 1 },
      ]
    }
    throw new Error(`unexpected command ${cmd}`)
  })
}

async function mountPage() {
  const router = await setup('/students')
  const wrapper = mount(inChinese(StudentsPage), {
    // Element Plus selects are slow to render in happy-dom; the filter test sets the state.
    global: { plugins: [router, createPinia()], stubs: { ElSelect: true } },
    attachTo: document.body,
  })
  await settle()
  return { wrapper: wrapper.findComponent(StudentsPage), root: wrapper, router }
}

describe('学生 list', { timeout: 30_000 }, () => {
  beforeEach(() => {
    localStorage.clear()
    backend()
  })
  afterEach(() => {
    clearMocks()
    document.body.innerHTML = ''
  })

  it('lists students with masked ID numbers and the total, search box focused', async () => {
    const { wrapper } = await mountPage()
    const text = wrapper.get('[data-test="student-table"]').text()
    expect(text).toContain('张三')
    expect(text).toContain('330106********0011')
    expect(text).toContain('待核准')
    expect(wrapper.get('[data-test="student-pagination"]').text()).toContain('共 2 条')
    const input = wrapper.get('input[data-test="student-search"]').element
    expect(document.activeElement).toBe(input)
  })

  it('searches as typed and Enter opens the first result', async () => {
    const { wrapper, router } = await mountPage()
    const input = wrapper.get('input[data-test="student-search"]')
    await input.setValue('zs')
    await settle()
    expect(searches[searches.length - 1].query).toBe('zs')
    expect(wrapper.findAll('[data-test="student-name"]').map((n) => n.text())).toEqual(['张三'])
    await input.trigger('keydown', { key: 'Enter' })
    await waitFor(() => expect(router.currentRoute.value.name).toBe('student-archive'))
    expect(router.currentRoute.value.params.id).toBe('7')
  })

  it('opens a row by click or, from the keyboard, by Enter on the focused row', async () => {
    const { wrapper, router } = await mountPage()
    const rows = wrapper.findAll('[data-test="student-row"]')
    expect(rows.length).toBe(2)
    expect(rows[1].attributes('tabindex')).toBe('0')
    await rows[1].trigger('keydown', { key: 'Enter' })
    await waitFor(() => expect(router.currentRoute.value.name).toBe('student-archive'))
    const second = router.currentRoute.value.params.id
    await router.push('/students')
    await settle()
    await wrapper.findAll('[data-test="student-row"]')[0].trigger('click')
    await waitFor(() => expect(router.currentRoute.value.name).toBe('student-archive'))
    expect(router.currentRoute.value.params.id).not.toBe(second)
  })

  it('filters by class (with its grade) and flags', async () => {
    const { wrapper } = await mountPage()
    const vm = wrapper.vm as unknown as { $: { setupState: Record<string, unknown> } }
    const state = vm.$.setupState as {
      classKey: string | null
      filters: { grade: number | null; className: string | null; flags: string[] }
    }
    state.classKey = '1|2班'
    state.filters.flags = ['orphan']
    await settle()
    expect(searches[searches.length - 1]).toMatchObject({
      grade: 1,
      className: '2班',
      flags: ['orphan'],
      page: 1,
    })
  })

  it('remembers the chosen columns', async () => {
    const first = await mountPage()
    expect(first.wrapper.get('[data-test="student-table"]').text()).toContain('身份证号')
    const state = (first.wrapper.vm as unknown as { $: { setupState: { chosen: string[] } } }).$
      .setupState
    state.chosen = state.chosen.filter((k) => k !== 'idNumberMasked')
    await settle()
    expect(JSON.parse(localStorage.getItem(COLUMNS_STORAGE_KEY)!)).not.toContain('idNumberMasked')
    first.root.unmount()
    const second = await mountPage()
    expect(second.wrapper.get('[data-test="student-table"]').text()).not.toContain('身份证号')
  })
})
