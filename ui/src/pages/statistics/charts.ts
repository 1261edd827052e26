import type { ClassCountView, CountView, TermChangesView } from '@/bindings/bindings'
import type { ChartOption } from '@/components/chart/echarts'

export { barOption, pieOption } from '../home/charts'

/** `一年级1班` */
export function classLabel(c: Pick<ClassCountView, 'gradeLabel' | 'className'>): string {
  return `${c.gradeLabel}${c.className || '（未分班）'}`
}

/** Boys and girls per class, stacked. */
export function classOption(classes: ClassCountView[]): ChartOption {
  const names = classes.map(classLabel)
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 56 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: names.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '男', type: 'bar', stack: 'sex', barMaxWidth: 36, data: classes.map((c) => c.male) },
      { name: '女', type: 'bar', stack: 'sex', barMaxWidth: 36, data: classes.map((c) => c.female) },
    ],
  }
}

/** Flagged students, as horizontal bars. */
export function flagOption(flags: CountView[]): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: flags.map((f) => f.label) },
    series: [
      {
        name: '人数',
        type: 'bar',
        barMaxWidth: 22,
        data: flags.map((f) => f.count),
        label: { show: true, position: 'right' },
      },
    ],
  }
}

/** Applications per semester, one stacked series per change kind. */
export function termOption(terms: TermChangesView[], kinds: CountView[]): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: terms.map((t) => t.label.replace('学年', '\n')) },
    yAxis: { type: 'value', minInterval: 1 },
    series: kinds.map((k) => ({
      name: k.label,
      type: 'bar' as const,
      stack: 'kind',
      barMaxWidth: 48,
      data: terms.map((t) => t.byKind.find((b) => b.code === k.code)?.count ?? 0),
    })),
  }
}

/** The rows of the changes table: one per semester and kind, with a total row per semester. */
export interface ChangeRow {
  term: string
  kind: string
  count: number
  approved: number
  open: number
  closedOtherwise: number
}

export function changeRows(terms: TermChangesView[]): ChangeRow[] {
  const rows: ChangeRow[] = []
  for (const t of terms) {
    for (const k of t.byKind) {
      rows.push({
        term: t.label,
        kind: k.label,
        count: k.count,
        approved: k.approved,
        open: k.open,
        closedOtherwise: k.closedOtherwise,
      })
    }
    rows.push({
      term: t.label,
      kind: '合计',
      count: t.total,
      approved: t.approved,
      open: t.open,
      closedOtherwise: t.total - t.approved - t.open,
    })
  }
  return rows
}
