import { afterEach, describe, expect, it, vi } from 'vitest'

// Mounting Element Plus pages is slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 })
import { flushPromises, mount } from '@vue/test-utils'
import type { StatisticsView } from '@/bindings/bindings'
import { changeRows, classOption, termOption } from './charts'

const statistics = vi.fn()
vi.mock('@/bindings/bindings', () => ({ commands: { statistics: () => statistics() } }))
const push = vi.fn()
vi.mock('vue-router', () => ({ useRouter: () => ({ push }) }))

import StatisticsPage from './index.vue'
import { resetStatistics } from './useStatistics'

function view(): StatisticsView {
  return {
    today: '2026-03-02',
    currentTotal: 3,
    allTotal: 4,
    byGrade: [{ code: '1', label: '一年级', count: 3 }],
    byClass: [
      { grade: 1, gradeLabel: '一年级', className: '1班', count: 2, male: 1, female: 1 },
      { grade: 1, gradeLabel: '一年级', className: '2班', count: 1, male: 0, female: 1 },
    ],
    byStatus: [
      { code: 'enrolled', label: '在读', count: 3 },
      { code: 'graduated', label: '毕业', count: 1 },
    ],
    bySex: [
      { code: 'male', label: '男', count: 1 },
      { code: 'female', label: '女', count: 2 },
    ],
    flags: [{ code: 'migrant_child', label: '随迁子女', count: 1 }],
    terms: [
      {
        code: '2025-first',
        label: '2025—2026学年第一学期',
        schoolYear: 2025,
        semester: 'first',
        total: 3,
        approved: 1,
        open: 1,
        byKind: [
          { code: 'transfer_out', label: '转学', count: 1, approved: 0, open: 1, closedOtherwise: 0 },
          { code: 'leave', label: '休学', count: 2, approved: 1, open: 0, closedOtherwise: 1 },
        ],
      },
    ],
    changeKinds: [
      { code: 'transfer_out', label: '转学', count: 1 },
      { code: 'leave', label: '休学', count: 2 },
    ],
    notes: ['学期按申请日期划分'],
  }
}

describe('统计 charts and tables', () => {
  it('stacks boys and girls per class', () => {
    const o = classOption(view().byClass) as { xAxis: { data: string[] }; series: { name: string; data: number[] }[] }
    expect(o.xAxis.data).toEqual(['一年级1班', '一年级2班'])
    expect(o.series.map((s) => [s.name, s.data])).toEqual([
      ['男', [1, 0]],
      ['女', [1, 1]],
    ])
  })

  it('draws one stacked series per change kind across the semesters', () => {
    const v = view()
    const o = termOption(v.terms, v.changeKinds) as { series: { name: string; data: number[] }[] }
    expect(o.series.map((s) => [s.name, s.data])).toEqual([
      ['转学', [1]],
      ['休学', [2]],
    ])
  })

  it('lists each semester by kind with a total row', () => {
    const rows = changeRows(view().terms)
    expect(rows.map((r) => [r.kind, r.count, r.approved, r.open, r.closedOtherwise])).toEqual([
      ['转学', 1, 0, 1, 0],
      ['休学', 2, 1, 0, 1],
      ['合计', 3, 1, 1, 1],
    ])
  })
})

describe('统计 page', () => {
  afterEach(() => {
    statistics.mockReset()
    resetStatistics()
  })

  it('shows a skeleton first, then totals, six charts and the tables', async () => {
    let resolve: (v: unknown) => void = () => {}
    statistics.mockReturnValue(new Promise((r) => (resolve = r)))
    const wrapper = mount(StatisticsPage, { global: { stubs: { EChart: { template: '<div class="echart-stub" />' } } } })
    expect(wrapper.find('[data-test="statistics-skeleton"]').exists()).toBe(true)
    resolve({ status: 'ok', data: view() })
    await flushPromises()
    expect(wrapper.get('[data-test="stats-current"]').text()).toBe('3')
    expect(wrapper.get('[data-test="stats-all"]').text()).toBe('4')
    expect(wrapper.findAll('.echart-stub')).toHaveLength(6)
    expect(wrapper.get('[data-test="table-classes"]').text()).toContain('2班')
    // The tables leave only through the controlled export (R30.2): approval reference and purpose.
    await wrapper.get('[data-test="stats-export"]').trigger('click')
    expect(push).toHaveBeenCalledWith({ path: '/exchange', query: { tab: 'export', kind: 'statistics' } })
  })
})
