import { onBeforeUnmount, onMounted } from 'vue'
import { useAuthStore } from '@/stores/auth'

/** What counts as the registrar being at the computer. */
export const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const

/** How often the idle time is checked. */
export const IDLE_CHECK_MS = 10_000

/**
 * Locks the screen after the session's idle minutes without mouse or keyboard (0: never), the
 * same limit the backend applies to its commands.
 */
export function useIdleLock(now: () => number = Date.now) {
  const auth = useAuthStore()
  let last = now()
  let timer: ReturnType<typeof setInterval> | undefined

  const touch = () => {
    last = now()
  }

  function check() {
    const minutes = auth.session?.idleLockMinutes ?? 0
    if (!auth.session || auth.locked || minutes <= 0) return
    if (now() - last >= minutes * 60_000) {
      void auth.lockNow(`已闲置超过${minutes}分钟，界面已锁定，请输入密码解锁`)
    }
  }

  onMounted(() => {
    touch()
    for (const e of ACTIVITY_EVENTS) document.addEventListener(e, touch, { passive: true })
    timer = setInterval(check, IDLE_CHECK_MS)
  })

  onBeforeUnmount(() => {
    for (const e of ACTIVITY_EVENTS) document.removeEventListener(e, touch)
    if (timer) clearInterval(timer)
  })

  return { check, touch }
}
