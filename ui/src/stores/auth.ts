import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { IpcError, SessionView, SetupStatus } from '@/bindings/bindings'
import * as api from '@/api/auth'
import { onLocked, toIpcError } from '@/api/errors'
import { endSession } from './sessionEnd'

/**
 * Where the app stands (set up, key found, who is logged in, locked) and the session's actions.
 * The router's guard reads it before every page; the frame shows the user and the lock screen.
 */
export const useAuthStore = defineStore('auth', () => {
  const status = ref<SetupStatus | null>(null)
  /** Why `setup_status` failed (the database cannot be opened at all). */
  const startError = ref<IpcError | null>(null)
  const locked = ref(false)
  /** Why the screen was locked (idle time, the lock button), shown on the lock screen. */
  const lockReason = ref('')
  let loading: Promise<void> | null = null

  const session = computed<SessionView | null>(() => status.value?.session ?? null)

  async function refresh(): Promise<void> {
    try {
      status.value = await api.setupStatus()
      startError.value = null
      locked.value = status.value.locked
    } catch (e) {
      startError.value = toIpcError(e)
    }
  }

  /** Loads the status once (the first navigation waits for it). */
  function ensureLoaded(): Promise<void> {
    loading ??= refresh()
    return loading
  }

  /** After the first run's `setup_init`: the database exists and is open, nobody logged in. */
  function markInitialized(): void {
    status.value = {
      initialized: true,
      unlocked: true,
      keyMissing: false,
      session: null,
      locked: false,
    }
  }

  async function login(username: string, password: string): Promise<SessionView> {
    const view = await api.login(username, password)
    // Nothing typed by someone else before survives into this session.
    endSession()
    status.value = {
      initialized: true,
      unlocked: true,
      keyMissing: false,
      session: view,
      locked: false,
    }
    locked.value = false
    lockReason.value = ''
    return view
  }

  async function logout(): Promise<void> {
    try {
      await api.logout()
    } finally {
      endSession()
      if (status.value) status.value = { ...status.value, session: null, locked: false }
      locked.value = false
      lockReason.value = ''
    }
  }

  async function lockNow(reason = '请输入登录密码解锁'): Promise<void> {
    locked.value = true
    lockReason.value = reason
    try {
      await api.lock()
    } catch {
      // The screen is locked in the UI either way; the next call finds the backend's state.
    }
  }

  async function unlock(password: string): Promise<void> {
    await api.unlock(password)
    locked.value = false
    lockReason.value = ''
    if (status.value) status.value = { ...status.value, locked: false }
  }

  /**
   * A command answered `locked`: the session was locked (idle time) or is gone. Shows the lock
   * screen, or drops the session so the app goes back to the login page.
   */
  async function handleLocked(error: IpcError): Promise<void> {
    if (!session.value) return
    await refresh()
    if (status.value?.session && status.value.locked) {
      locked.value = true
      lockReason.value = error.message
    }
  }

  onLocked((error) => {
    void handleLocked(error)
  })

  return {
    status,
    startError,
    session,
    locked,
    lockReason,
    refresh,
    ensureLoaded,
    markInitialized,
    login,
    logout,
    lockNow,
    unlock,
    handleLocked,
  }
})
