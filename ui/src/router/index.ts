import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { sections } from './sections'

const views: Record<string, () => Promise<unknown>> = {
  home: () => import('@/views/HomeView.vue'),
  students: () => import('@/pages/students/index.vue'),
  changes: () => import('@/views/ChangesView.vue'),
  'awards-sanctions': () => import('@/views/AwardsSanctionsView.vue'),
  completion: () => import('@/views/CompletionView.vue'),
  print: () => import('@/views/PrintView.vue'),
  statistics: () => import('@/views/StatisticsView.vue'),
  settings: () => import('@/views/SettingsView.vue'),
}

export const routes: RouteRecordRaw[] = [
  ...sections.map((s) => ({
    path: s.path,
    name: s.name,
    component: views[s.name],
    meta: { title: s.title },
  })),
  // Pages below a section: the sidebar keeps the section highlighted (`meta.section`).
  {
    path: '/students/enrol',
    name: 'enrol',
    component: () => import('@/pages/enrol/index.vue'),
    meta: { title: '新生注册', section: '/students' },
  },
  {
    path: '/students/:id(\\d+)',
    name: 'student-archive',
    component: () => import('@/pages/student-archive/index.vue'),
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { title: '学籍档案', section: '/students' },
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

// Hash history: the app is served from the embedded bundle, where a reload must not 404.
export const router = createRouter({ history: createWebHashHistory(), routes })
