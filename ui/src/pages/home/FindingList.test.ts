import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { FindingView } from '@/bindings/bindings'
import FindingList from './FindingList.vue'

/** 第十条 (R10.1): a change written later than the profile's limit, as the dashboard reports it. */
const late: FindingView = {
  rule: 'R32.3',
  basis: 'R10.1',
  message: '钱迟：辍学于2026-11-02生效，2026-12-03才记录，超过10个工作日（期限2026-11-16）',
  due: '2026-11-16',
  overdueWorkingDays: 13,
  severity: 'breach',
  provisionalReason: null,
  studentId: 12,
  applicationId: null,
}

describe('合规提醒', () => {
  it('shows a late recording with its R32 item, its basis R10.1 and a link to the student', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', component: { template: '<div/>' } },
        { path: '/students/:id', component: { template: '<div/>' } },
      ],
    })
    await router.push('/')
    const wrapper = mount(FindingList, { props: { findings: [late], complete: true }, global: { plugins: [router] } })
    const row = wrapper.get('[data-test="finding"]')
    expect(row.text()).toContain('R32.3')
    expect(wrapper.get('[data-test="finding-basis"]').text()).toContain('R10.1')
    expect(row.text()).toContain('逾期 13 个工作日')
    expect(row.text()).toContain('钱迟')
    await wrapper.get('[data-test="finding-fix"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/students/12')
  })
})
