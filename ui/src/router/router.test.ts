import { describe, expect, it } from 'vitest'
import { routes } from './index'
import { sections } from './sections'

describe('app frame', () => {
  it('has the ten sections in order, each routed', () => {
    expect(sections.map((s) => s.title)).toEqual([
      '首页',
      '学生',
      '学籍变动',
      '奖励与处分',
      '困难认定与资助',
      '毕业',
      '打印',
      '统计',
      '数据交换',
      '设置',
    ])
    for (const s of sections) {
      const route = routes.find((r) => r.path === s.path)
      expect(route, s.title).toBeDefined()
      expect(route?.meta?.title).toBe(s.title)
    }
  })

  it('sends unknown paths home', () => {
    const fallback = routes.find((r) => r.path === '/:pathMatch(.*)*')
    expect(fallback?.redirect).toBe('/')
  })
})
