import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import PromotionBatch from './PromotionBatch.vue'

const confirm = vi.fn()
vi.mock('element-plus', async (importOriginal) => {
  const real = await importOriginal<typeof import('element-plus')>()
  return { ...real, ElMessageBox: { confirm: (...a: unknown[]) => confirm(...a) } }
})

const grades = [
  { grade: 1, gradeLabel: '一年级', nextGradeLabel: '二年级', students: 40, promoted: 39, exceptions: 1 },
  { grade: 6, gradeLabel: '六年级', nextGradeLabel: '', students: 30, promoted: 0, exceptions: 30 },
]
const exceptions = [
  {
    studentId: 7,
    name: '王七',
    grade: 1,
    gradeLabel: '一年级',
    className: '1班',
    status: { code: 'on_leave', label: '休学' },
    kind: 'not_enrolled',
    reason: '休学期间不升级',
    rule: 'R14.1',
  },
]

describe('年末升级', () => {
  afterEach(() => clearMocks())

  it('previews the exceptions with their rules and runs only after a confirmation', async () => {
    const calls: string[] = []
    mockIPC((cmd, args) => {
      calls.push(cmd)
      const into = (args as { into: number }).into
      if (cmd === 'promotion_preview') {
        return { into, intoLabel: `${into}—${into + 1}学年`, on: '2026-07-10', grades, toPromote: 39, exceptions }
      }
      if (cmd === 'promotion_run') {
        return { into, intoLabel: `${into}—${into + 1}学年`, on: '2026-07-10', promoted: 39, grades, exceptions }
      }
      throw new Error(cmd)
    })
    const w = mount(PromotionBatch)
    await w.get('[data-test="promotion-preview"]').trigger('click')
    await flushPromises()
    const table = w.get('[data-test="promotion-exceptions"]').text()
    expect(table).toContain('王七')
    expect(table).toContain('非在读')
    expect(table).toContain('R14.1')
    expect(w.get('[data-test="promotion-grades"]').text()).toContain('—（毕业）')

    confirm.mockRejectedValueOnce('cancel')
    await w.get('[data-test="promotion-run"]').trigger('click')
    await flushPromises()
    expect(calls).not.toContain('promotion_run')

    confirm.mockResolvedValueOnce('confirm')
    await w.get('[data-test="promotion-run"]').trigger('click')
    await flushPromises()
    expect(confirm.mock.calls[1][0]).toContain('不能撤销')
    expect(calls).toContain('promotion_run')
    expect(w.get('[data-test="promotion-done"]').text()).toContain('39 人')
  }, 20_000)
})
