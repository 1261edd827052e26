import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { sections } from './sections'

const views: Record<string, () => Promise<unknown>> = {
  home: () => import('@/pages/home/index.vue'),
  students: () => import('@/views/StudentsView.vue'),
  changes: () => import('@/views/ChangesView.vue'),
  'awards-sanctions': () => import('@/views/AwardsSanctionsView.vue'),
  completion: () => import('@/views/CompletionView.vue'),
  print: () => import('@/views/PrintView.vue'),
  statistics: () => import('@/pages/statistics/index.vue'),
  settings: () => import('@/pages/settings/index.vue'),
}

export const routes: RouteRecordRaw[] = [
  ...sections.map((s) => ({
    path: s.path,
    name: s.name,
    component: views[s.name],
    meta: { title: s.title },
  })),
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

// Hash history: the app is served from the embedded bundle, where a reload must not 404.
export const router = createRouter({ history: createWebHashHistory(), routes })
