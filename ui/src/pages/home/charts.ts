import type { CountView } from '@/bindings/bindings'
import type { ChartOption } from '@/components/chart/echarts'

/** A bar chart of counts (students by grade …), labelled with each count. */
export function barOption(counts: CountView[], seriesName: string): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 40, right: 16, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: counts.map((c) => c.label), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: seriesName,
        type: 'bar',
        barMaxWidth: 36,
        data: counts.map((c) => c.count),
        label: { show: true, position: 'top' },
      },
    ],
  }
}

/** A ring chart of counts (records by status …). */
export function pieOption(counts: CountView[], seriesName: string): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}人（{d}%）' },
    // The legend below the ring: beside it, the ring's outside labels ran into the legend on a
    // narrow card.
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        name: seriesName,
        type: 'pie',
        radius: ['36%', '60%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b} {c}' },
        data: counts.filter((c) => c.count > 0).map((c) => ({ name: c.label, value: c.count })),
      },
    ],
  }
}
