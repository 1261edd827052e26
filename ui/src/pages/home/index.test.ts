import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// Mounting Element Plus pages is slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 })
import { flushPromises, mount } from '@vue/test-utils'
import { createRouter, createMemoryHistory } from 'vue-router'
import type { DashboardView } from '@/bindings/bindings'

const dashboard = vi.fn()
vi.mock('@/bindings/bindings', () => ({
  commands: { dashboard: () => dashboard(), bureauChecks: async () => ({ status: 'ok', data: [] }) },
}))

import HomePage from './index.vue'
import { resetDashboard } from './useDashboard'

function view(): DashboardView {
  return {
    today: '2026-03-02',
    todos: [
      {
        source: 'application',
        id: 7,
        applicationId: 7,
        studentId: 3,
        studentName: '李四',
        kind: 'transfer_out',
        label: '转学：转出学校核办',
        rule: 'R13.3',
        dueOn: '2026-02-27',
        workingDaysLeft: -1,
        overdue: true,
        provisionalReason: null,
      },
      {
        source: 'deadline',
        id: 2,
        applicationId: null,
        studentId: 4,
        studentName: '张三',
        kind: 'archive_creation',
        label: '建立学籍档案',
        rule: 'R8.1',
        dueOn: '2026-03-06',
        workingDaysLeft: 4,
        overdue: false,
        provisionalReason: null,
      },
    ],
    todosTotal: 2,
    findings: [
      {
        rule: 'R32.3',
        basis: 'R10.1',
        message: '李四：学籍变动未及时办理',
        due: '2026-02-27',
        overdueWorkingDays: 1,
        severity: 'breach',
        provisionalReason: null,
        studentId: null,
        applicationId: 7,
      },
    ],
    findingsComplete: true,
    leaveEnding: [],
    leaveOverdue: [],
    byStatus: [{ code: 'enrolled', label: '在读', count: 2 }],
    byGrade: [{ code: '1', label: '一年级', count: 2 }],
    totalStudents: 2,
    review: { reviewId: 1, termLabel: '2025—2026学年第二学期', total: 10, checked: 4, signedOffOn: null, current: true },
    backupReminder: null,
    auditAlarm: null,
    notes: [],
  }
}

async function mountPage() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: HomePage },
      { path: '/changes/:id', component: { template: '<div/>' } },
      { path: '/students/:id', component: { template: '<div/>' } },
      { path: '/settings', component: { template: '<div/>' } },
    ],
  })
  await router.push('/')
  const wrapper = mount(HomePage, { global: { plugins: [router], stubs: { EChart: { template: '<div class="echart-stub" />' } } } })
  return { wrapper, router }
}

describe('首页', () => {
  beforeEach(() => resetDashboard())
  afterEach(() => dashboard.mockReset())

  it('shows a skeleton, never a blank page, while the first load runs', async () => {
    dashboard.mockReturnValue(new Promise(() => {}))
    const { wrapper } = await mountPage()
    expect(wrapper.find('[data-test="home-skeleton"]').exists()).toBe(true)
  })

  it('lists to-dos with working days, the overdue one in red, and links each to its page', async () => {
    dashboard.mockResolvedValue({ status: 'ok', data: view() })
    const { wrapper, router } = await mountPage()
    await flushPromises()
    const dues = wrapper.findAll('[data-test="todo-due"]')
    expect(dues[0].text()).toContain('逾期 1 个工作日')
    expect(dues[0].classes()).toContain('overdue')
    expect(dues[1].text()).toContain('剩 4 个工作日')
    expect(dues[1].classes()).not.toContain('overdue')
    await wrapper.get('[data-test="todo-open-application-7"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/changes/7')
  })

  it('shows findings with a link to fix, the review progress and both charts', async () => {
    dashboard.mockResolvedValue({ status: 'ok', data: view() })
    const { wrapper, router } = await mountPage()
    await flushPromises()
    expect(wrapper.get('[data-test="finding"]').text()).toContain('R32.3')
    expect(wrapper.get('[data-test="stat-todos"]').text()).toContain('其中逾期 1 项')
    expect(wrapper.get('[data-test="review"]').text()).toContain('已核查 4 / 10 人')
    expect(wrapper.find('[data-test="chart-grade"] .echart-stub').exists()).toBe(true)
    expect(wrapper.find('[data-test="chart-status"] .echart-stub').exists()).toBe(true)
    await wrapper.get('[data-test="finding-fix"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/changes/7')
  })

  it('shows an error with its kind instead of the page', async () => {
    dashboard.mockResolvedValue({ status: 'error', error: { kind: 'locked', code: 'locked', message: '请先登录' } })
    const { wrapper } = await mountPage()
    await flushPromises()
    expect(wrapper.get('[data-test="home-error"]').text()).toContain('请先登录')
    expect(wrapper.find('[data-test="home-skeleton"]').exists()).toBe(false)
  })

  it('marks 暂定 due dates and points to the calendar settings', async () => {
    const reason = '暂定：尚未载入《国务院办公厅关于2027年部分节假日安排的通知》'
    const base = view()
    dashboard.mockResolvedValue({
      status: 'ok',
      data: {
        ...base,
        todos: [{ ...base.todos[0], dueOn: '2027-01-04', overdue: false, workingDaysLeft: 20, provisionalReason: reason }],
        findings: [{ ...base.findings[0], severity: 'warning', provisionalReason: reason }],
        notes: ['标有“暂定”的期限按法定节假日计算（当年的国务院节假日安排尚未载入），载入通知后自动重新计算'],
      },
    })
    const { wrapper } = await mountPage()
    await flushPromises()
    expect(wrapper.get('[data-test="todo-due"]').text()).toContain('暂定')
    expect(wrapper.get('[data-test="finding-warning"]').text()).toBe('可能逾期')
    expect(wrapper.get('[data-test="findings-warning-note"]').text()).toContain('暂定')
    expect(wrapper.get('[data-test="home-note"]').text()).toContain('暂定')
    expect(wrapper.text()).toContain('设置—工作日历')
  })

  it('reminds the registrar to copy a backup off the computer and leads to the backups tab', async () => {
    const reminder = '距上次把备份存到本机以外（U 盘或网络位置）已 9 天（2026-11-25），超过 7 天。请在“设置 → 备份”中立即备份到异地位置。'
    dashboard.mockResolvedValue({ status: 'ok', data: { ...view(), backupReminder: reminder } })
    const { wrapper, router } = await mountPage()
    await flushPromises()
    expect(wrapper.get('[data-test="home-backup-reminder"]').text()).toContain('已 9 天')
    await wrapper.get('[data-test="home-backup-go"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/settings?tab=backup')
  })

  it('shows the audit alarm when the chain disagrees with its anchor', async () => {
    const alarm = '审计日志异常：第 7 条及之后的记录缺失。请在“设置 → 审计日志”中校验全部记录，并向学校负责人报告；如数据库被替换，请从备份恢复（恢复会记下被丢弃的记录）。'
    dashboard.mockResolvedValue({ status: 'ok', data: { ...view(), auditAlarm: alarm } })
    const { wrapper } = await mountPage()
    await flushPromises()
    expect(wrapper.get('[data-test="home-audit-alarm"]').text()).toContain('第 7 条及之后的记录缺失')
  })

  it('shows no backup reminder while the last off-site copy is recent', async () => {
    dashboard.mockResolvedValue({ status: 'ok', data: view() })
    const { wrapper } = await mountPage()
    await flushPromises()
    expect(wrapper.find('[data-test="home-backup-reminder"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="home-audit-alarm"]').exists()).toBe(false)
  })
})
