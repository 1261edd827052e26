import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { sections } from './sections'

const views: Record<string, () => Promise<unknown>> = {
  home: () => import('@/views/HomeView.vue'),
  students: () => import('@/views/StudentsView.vue'),
  changes: () => import('@/pages/changes/index.vue'),
  'awards-sanctions': () => import('@/pages/awards-sanctions/index.vue'),
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
  {
    path: '/changes/new/:type',
    name: 'change-wizard',
    component: () => import('@/pages/changes/wizard.vue'),
    meta: { title: '学籍变动', section: '/changes' },
  },
  {
    // Linked from the 首页 to-do list: one application, each step recorded here.
    path: '/changes/:id(\\d+)',
    name: 'change-detail',
    component: () => import('@/pages/changes/detail.vue'),
    meta: { title: '学籍变动', section: '/changes' },
  },
  {
    path: '/awards-sanctions/sanctions/:id(\\d+)',
    name: 'sanction-procedure',
    component: () => import('@/pages/awards-sanctions/procedure.vue'),
    meta: { title: '奖励与处分', section: '/awards-sanctions' },
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

// Hash history: the app is served from the embedded bundle, where a reload must not 404.
export const router = createRouter({ history: createWebHashHistory(), routes })
