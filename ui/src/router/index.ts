import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { sections } from './sections'
import { mayOpen, redirectFor } from './guard'
import { useAuthStore } from '@/stores/auth'

const views: Record<string, () => Promise<unknown>> = {
  home: () => import('@/pages/home/index.vue'),
  students: () => import('@/pages/students/index.vue'),
  changes: () => import('@/pages/changes/index.vue'),
  'awards-sanctions': () => import('@/pages/awards-sanctions/index.vue'),
  hardship: () => import('@/pages/hardship/index.vue'),
  completion: () => import('@/pages/completion/index.vue'),
  print: () => import('@/pages/print/index.vue'),
  statistics: () => import('@/pages/statistics/index.vue'),
  exchange: () => import('@/pages/exchange/index.vue'),
  settings: () => import('@/pages/settings/index.vue'),
}

/**
 * Pages shown without the frame (`meta.public`): before the first run, before login, and when
 * the key must be recovered. Every other route shows in the frame, and only after login.
 */
const publicRoutes: RouteRecordRaw[] = [
  {
    path: '/setup',
    name: 'setup',
    component: () => import('@/pages/setup/index.vue'),
    meta: { title: '首次使用', public: true },
  },
  {
    path: '/restore',
    name: 'restore',
    component: () => import('@/pages/restore/index.vue'),
    meta: { title: '从备份恢复', public: true },
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('@/pages/login/index.vue'),
    meta: { title: '登录', public: true },
  },
  {
    path: '/recover',
    name: 'recover',
    component: () => import('@/pages/recover/index.vue'),
    meta: { title: '恢复数据库密钥', public: true },
  },
]

export const routes: RouteRecordRaw[] = [
  ...publicRoutes,
  ...sections.map((s) => ({
    path: s.path,
    name: s.name,
    component: views[s.name],
    meta: { title: s.title, permission: s.permission },
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
  {
    path: '/hardship/new',
    name: 'hardship-apply',
    component: () => import('@/pages/hardship/apply.vue'),
    meta: { title: '登记认定申请', section: '/hardship', permission: 'edit_hardship' },
  },
  {
    path: '/hardship/:id(\\d+)',
    name: 'hardship-detail',
    component: () => import('@/pages/hardship/detail.vue'),
    meta: { title: '困难认定与资助', section: '/hardship', permission: 'view_hardship' },
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

// Hash history: the app is served from the embedded bundle, where a reload must not 404.
export const router = createRouter({ history: createWebHashHistory(), routes })

// Every navigation waits for where the app stands (set up? key found? logged in?) once.
router.beforeEach(async (to) => {
  const auth = useAuthStore()
  await auth.ensureLoaded()
  if (!auth.status) return true // the start error is shown instead of any page
  const target = redirectFor(auth.status, typeof to.name === 'string' ? to.name : undefined)
  if (target === null) return mayOpen(auth.status.session?.permissions, to.meta.permission) ? true : '/'
  if (target === '/login' && !to.meta.public && to.fullPath !== '/') {
    return { path: '/login', query: { redirect: to.fullPath } }
  }
  return target
})
