import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import type { Plugin } from 'vite'

/**
 * Tauri's `freezePrototype` freezes `Object.prototype`; in strict code an assignment that shadows
 * a frozen inherited property (`proto.toString = …`) then throws ("Attempted to assign to
 * readonly property"). dayjs (Element Plus's date picker) does exactly that for `toString` and
 * `valueOf`, so every page with a date picker failed to load in the app. Defining the own property
 * first makes the assignment legal; nothing else changes (dayjs PR #2773 was not merged).
 */
function frozenPrototypeSafeDayjs(): Plugin {
  const assign = /([A-Za-z_$][\w$]*)\.(toString|valueOf)\s*=\s*function/g
  return {
    name: 'xueji-frozen-prototype-safe-dayjs',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]dayjs[\\/]/.test(id) || !assign.test(code)) return null
      assign.lastIndex = 0
      return {
        code: code.replace(
          assign,
          'Object.defineProperty($1,"$2",{writable:true,configurable:true,value:void 0}),$1.$2=function',
        ),
        map: null,
      }
    },
  }
}

/**
 * The same trap in echarts (首页 and 统计's charts): its scheduler mocks every method of two
 * classes on a plain object (`target[name] = noop` for each `name in Clz.prototype`), and the
 * classes' prototypes carry an enumerable `constructor`, so `target.constructor = noop` shadows
 * the frozen `Object.prototype.constructor` and the charts chunk failed as it loaded — with it
 * 首页, so the app never got past the login. Defining the property makes the mock legal.
 */
function frozenPrototypeSafeEcharts(): Plugin {
  const mock = 'target[name_1] = noop;'
  return {
    name: 'xueji-frozen-prototype-safe-echarts',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]echarts[\\/]lib[\\/]core[\\/]Scheduler\.js$/.test(id)) return null
      if (!code.includes(mock)) {
        throw new Error('echarts Scheduler.js changed: check the frozen-prototype fix in vite.config.ts')
      }
      return {
        code: code.replace(
          mock,
          'Object.defineProperty(target, name_1, { value: noop, writable: true, configurable: true, enumerable: true });',
        ),
        map: null,
      }
    },
  }
}

// Element Plus components are imported on demand (with their CSS), never the whole library.
export default defineConfig({
  plugins: [
    frozenPrototypeSafeDayjs(),
    frozenPrototypeSafeEcharts(),
    vue(),
    Components({
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: 'src/components.d.ts',
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    target: 'safari15',
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // Element Plus components import their CSS; let Vite (not Node) load them in tests.
    server: { deps: { inline: ['element-plus'] } },
  },
})
