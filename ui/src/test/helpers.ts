import { defineComponent, h, type Component } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { ElConfigProvider } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { routes } from '@/router'

/** A fresh pinia and an in-memory router with the app's routes, at `path`. */
export async function setup(path: string): Promise<Router> {
  setActivePinia(createPinia())
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  await router.isReady()
  return router
}

/** Waits for promises and Vue's updates (a few rounds). */
export async function settle(rounds = 6) {
  const { flushPromises } = await import('@vue/test-utils')
  for (let i = 0; i < rounds; i++) await flushPromises()
}

/** `component` inside the Chinese config provider, as in App.vue. */
export function inChinese(component: Component, props: Record<string, unknown> = {}) {
  return defineComponent({
    setup: () => () => h(ElConfigProvider, { locale: zhCn }, () => h(component, props)),
  })
}

/** Polls until `check` passes (or throws its last error after `ms`). */
export async function waitFor(check: () => void, ms = 10_000) {
  const { flushPromises } = await import('@vue/test-utils')
  const end = Date.now() + ms
  for (;;) {
    try {
      check()
      return
    } catch (e) {
      if (Date.now() > end) throw e
      await flushPromises()
      await new Promise((r) => setTimeout(r, 20))
    }
  }
}
