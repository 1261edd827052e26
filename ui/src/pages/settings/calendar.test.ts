import { afterEach, describe, expect, it, vi } from 'vitest'

// Mounting Element Plus pages is slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 })
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'

const calls: Record<string, ReturnType<typeof vi.fn<(...args: unknown[]) => unknown>>> = {
  settingsGet: vi.fn<(...args: unknown[]) => unknown>(),
  calendarPreview: vi.fn<(...args: unknown[]) => unknown>(),
  calendarSave: vi.fn<(...args: unknown[]) => unknown>(),
  calendarRemove: vi.fn<(...args: unknown[]) => unknown>(),
}
vi.mock('@/bindings/bindings', () => ({
  commands: new Proxy(
    {},
    { get: (_t, name: string) => (...args: unknown[]) => calls[name]?.(...args) },
  ),
}))

import CalendarTab from './CalendarTab.vue'
import { resetSettings, useSettings } from './useSettings'

const ok = <T>(data: T) => ({ status: 'ok', data })

const shipped2026 = {
  year: 2026,
  title: '国务院办公厅关于2026年部分节假日安排的通知',
  origin: 'shipped',
  replaced: false,
  days: [{ date: '2026-10-01', kind: 'holiday', festival: '国庆节' }],
  entries: [{ date: '2026-10-01', kind: 'holiday', festival: '国庆节' }],
  adjustments: [],
}

function settings() {
  return {
    school: { name: '测试小学' },
    ruleProfiles: [],
    calendar: {
      years: [2025, 2026],
      lastYear: 2026,
      notices: [shipped2026],
      added: 0,
      provisionalYear: 2027,
      provisionalDays: [
        { date: '2027-01-01', kind: 'holiday', festival: '元旦' },
        { date: '2027-02-05', kind: 'holiday', festival: '春节' },
      ],
    },
    terms: [],
    idleLockMinutes: 15,
    hardshipNoticeDays: 5,
    backupSchedule: {},
    today: '2026-12-02',
  }
}

async function mountTab() {
  setActivePinia(createPinia())
  resetSettings()
  calls.settingsGet.mockResolvedValue(ok(settings()))
  await useSettings().load()
  const wrapper = mount(CalendarTab, { attachTo: document.body })
  await flushPromises()
  return wrapper
}

afterEach(() => {
  for (const f of Object.values(calls)) f.mockReset()
  sessionStorage.clear()
  document.body.innerHTML = ''
})

describe('设置—工作日历', () => {
  it('says which year is counted provisionally and lists its statutory days', async () => {
    const wrapper = await mountTab()
    expect(wrapper.get('[data-test="calendar-provisional-year"]').text()).toContain('2027')
    expect(wrapper.get('[data-test="calendar-statutory"]').text()).toContain('元旦 1月1日')
    expect(wrapper.get('[data-test="notices-table"]').text()).toContain('软件自带')
  })

  it('reads a pasted notice, shows it on the grid, takes an adjustment with its reason and saves', async () => {
    const wrapper = await mountTab()
    calls.calendarPreview.mockResolvedValue(
      ok({
        year: 2027,
        title: '国务院办公厅关于2027年部分节假日安排的通知',
        days: [
          { date: '2027-01-01', kind: 'holiday', festival: '元旦' },
          { date: '2027-01-02', kind: 'holiday', festival: '元旦' },
          { date: '2027-01-03', kind: 'holiday', festival: '元旦' },
        ],
        replaces: null,
        alongside: [],
      }),
    )
    calls.calendarSave.mockResolvedValue(
      ok({
        calendar: settings().calendar,
        recomputed: 3,
        moved: [{ studentId: 1, label: '为学生建立学籍档案', before: '2027-01-04', after: '2027-01-05', provisional: false }],
        summary: '1个期限已按2027年通知重新计算',
      }),
    )
    await wrapper.get('[data-test="notice-open"]').trigger('click')
    await flushPromises()
    const text = document.querySelector<HTMLTextAreaElement>('textarea[data-test="notice-text"]')!
    text.value = '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。'
    text.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-test="notice-read"]')!.click()
    await flushPromises()
    expect(calls.calendarPreview).toHaveBeenCalledWith(expect.stringContaining('1月1日'))
    expect(document.querySelector('[data-test="notice-preview-title"]')!.textContent).toContain('2027')
    const day = document.querySelector<HTMLButtonElement>('[data-test="grid-day-2027-01-01"]')!
    expect(day.dataset.mark).toBe('holiday')
    // mark 4 January a holiday: refused without a reason, then taken
    document.querySelector<HTMLButtonElement>('[data-test="grid-day-2027-01-04"]')!.click()
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-test="grid-adjust-apply"]')!.click()
    await flushPromises()
    expect(document.querySelector('[data-test="grid-adjust-problem"]')!.textContent).toContain('原因')
    const reason = document.querySelector<HTMLInputElement>('input[data-test="grid-adjust-reason"]')!
    reason.value = '县教育局转发的补充通知'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-test="grid-adjust-apply"]')!.click()
    await flushPromises()
    expect(document.querySelector<HTMLButtonElement>('[data-test="grid-day-2027-01-04"]')!.dataset.mark).toBe('holiday')
    document.querySelector<HTMLButtonElement>('[data-test="notice-save"]')!.click()
    await flushPromises()
    expect(calls.calendarSave).toHaveBeenCalledWith(
      expect.objectContaining({
        year: 2027,
        adjustments: [{ date: '2027-01-04', kind: 'holiday', reason: '县教育局转发的补充通知' }],
      }),
    )
    expect(wrapper.get('[data-test="calendar-saved"]').text()).toContain('1个期限已按2027年通知重新计算')
    expect(wrapper.get('[data-test="calendar-moved"]').text()).toContain('2027-01-04 → 2027-01-05')
  })
})
