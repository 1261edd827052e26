import { describe, expect, it } from 'vitest'
import type { SessionView, SetupStatus } from '@/bindings/bindings'
import { redirectFor } from './guard'

const session: SessionView = {
  username: 'xjgly',
  displayName: '王老师',
  role: 'registrar',
  roleLabel: '学籍管理员',
  permissions: [],
  idleLockMinutes: 10,
}

function status(over: Partial<SetupStatus>): SetupStatus {
  return {
    initialized: true,
    unlocked: true,
    keyMissing: false,
    session: null,
    locked: false,
    ...over,
  }
}

describe('router guard', () => {
  it('sends everything to the first-run wizard before the first run', () => {
    const s = status({ initialized: false, unlocked: false })
    expect(redirectFor(s, 'home')).toBe('/setup')
    expect(redirectFor(s, 'login')).toBe('/setup')
    expect(redirectFor(s, 'setup')).toBeNull()
    expect(redirectFor(s, 'restore')).toBeNull()
  })

  it('offers 从备份恢复 only before the first run', () => {
    expect(redirectFor(status({ session: null }), 'restore')).toBe('/login')
    expect(redirectFor(status({ unlocked: false, keyMissing: true }), 'restore')).toBe('/recover')
  })

  it('sends everything to recovery when the keyring lost the key', () => {
    const s = status({ unlocked: false, keyMissing: true })
    expect(redirectFor(s, 'students')).toBe('/recover')
    expect(redirectFor(s, 'login')).toBe('/recover')
    expect(redirectFor(s, 'recover')).toBeNull()
  })

  it('shows no section before login', () => {
    const s = status({})
    for (const page of ['home', 'students', 'settings', 'setup', 'recover', undefined]) {
      expect(redirectFor(s, page)).toBe('/login')
    }
    expect(redirectFor(s, 'login')).toBeNull()
  })

  it('lets a logged-in user through every section, never back to a public page', () => {
    const s = status({ session })
    expect(redirectFor(s, 'home')).toBeNull()
    expect(redirectFor(s, 'settings')).toBeNull()
    expect(redirectFor(s, 'login')).toBe('/')
    expect(redirectFor(s, 'setup')).toBe('/')
  })
})
