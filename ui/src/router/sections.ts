import type { Component } from 'vue'
import {
  DataAnalysis,
  Files,
  HomeFilled,
  Medal,
  Printer,
  School,
  Setting,
  Switch,
  User,
  Wallet,
} from '@element-plus/icons-vue'
import type { Permission } from '@/bindings/bindings'

/** One entry of the sidebar: a section of the registrar's work. */
export interface Section {
  path: string
  name: string
  title: string
  icon: Component
  /** Shown, and open, only to a user with this permission. */
  permission?: Permission
}

/** The sidebar, in the order a registrar's year runs. */
export const sections: Section[] = [
  { path: '/', name: 'home', title: '首页', icon: HomeFilled },
  { path: '/students', name: 'students', title: '学生', icon: User },
  { path: '/changes', name: 'changes', title: '学籍变动', icon: Switch },
  { path: '/awards-sanctions', name: 'awards-sanctions', title: '奖励与处分', icon: Medal },
  {
    path: '/hardship',
    name: 'hardship',
    title: '困难认定与资助',
    icon: Wallet,
    permission: 'view_hardship',
  },
  { path: '/completion', name: 'completion', title: '毕业', icon: School },
  { path: '/print', name: 'print', title: '打印', icon: Printer },
  { path: '/statistics', name: 'statistics', title: '统计', icon: DataAnalysis },
  { path: '/exchange', name: 'exchange', title: '数据交换', icon: Files },
  { path: '/settings', name: 'settings', title: '设置', icon: Setting },
]

/** The sections a user with `permissions` sees (all of them for `null`: nobody logged in yet). */
export function visibleSections(permissions: readonly Permission[] | null | undefined): Section[] {
  return sections.filter((s) => !s.permission || (permissions ?? []).includes(s.permission))
}
