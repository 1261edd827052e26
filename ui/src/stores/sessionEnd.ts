/**
 * What a logout forgets (issue 15): every unsaved form of the user who leaves — the enrolment
 * form, the change wizards' facts and proof scans, the settings dialogs — so the next user of the
 * office computer never sees them. Stores holding drafts in memory register a hook; the drafts
 * kept in this window's sessionStorage (all under `xueji.`) are removed whether or not their
 * store was ever opened.
 */
const hooks: (() => void)[] = []

/** Runs `forget` at every logout (a store emptying its in-memory drafts). */
export function onSessionEnd(forget: () => void): void {
  hooks.push(forget)
}

/** Forgets every draft: called by the auth store when a user logs out or another logs in. */
export function endSession(): void {
  for (const forget of hooks) forget()
  try {
    if (typeof sessionStorage === 'undefined') return
    const keys: string[] = []
    for (let i = 0; i < sessionStorage.length; i += 1) {
      const key = sessionStorage.key(i)
      if (key?.startsWith('xueji.')) keys.push(key)
    }
    for (const key of keys) sessionStorage.removeItem(key)
  } catch {
    // No storage (tests, a locked-down webview): nothing was kept.
  }
}
