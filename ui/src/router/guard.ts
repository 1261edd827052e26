import type { Permission, SetupStatus } from '@/bindings/bindings'

/** The pages anyone may see before logging in. */
export const PUBLIC_PAGES = ['setup', 'restore', 'login', 'recover'] as const

/**
 * Where a navigation to the page named `to` must go instead, given where the app stands; `null`
 * lets it through. Not set up: the first-run wizard (or 从备份恢复). Key missing from the keyring:
 * recovery.
 * Nobody logged in: the login page. Logged in: every section, no public page.
 */
export function redirectFor(status: SetupStatus, to: string | undefined): string | null {
  const at = (name: string, path: string) => (to === name ? null : path)
  if (!status.initialized) return to === 'restore' ? null : at('setup', '/setup')
  if (status.keyMissing && !status.unlocked) return at('recover', '/recover')
  if (!status.session) return at('login', '/login')
  if (to && (PUBLIC_PAGES as readonly string[]).includes(to)) return '/'
  return null
}

/** Whether a page that needs `needed` (none: any page) may open for a user with `permissions`. */
export function mayOpen(permissions: readonly Permission[] | null | undefined, needed: unknown): boolean {
  if (typeof needed !== 'string' || !needed) return true
  return (permissions ?? []).includes(needed as Permission)
}
