/** The recovery code: 30 characters in six groups of five, `XXXXX-XXXXX-…`. */
export const GROUPS = 6
export const GROUP_CHARS = 5
/** How many groups the confirmation step asks back. */
export const ASKED = 3

/** The groups of a displayed code. */
export function groupsOf(code: string): string[] {
  return code.split('-')
}

/**
 * A typed group as the backend reads it: case, blanks and dashes ignored; I and L read as 1, O as
 * 0 (Crockford base32 has none of them).
 */
export function normalizeGroup(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0')
}

/** Three different group positions (0-based, ascending), chosen at random. */
export function pickPositions(random: () => number = Math.random): number[] {
  const all = Array.from({ length: GROUPS }, (_, i) => i)
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[all[i], all[j]] = [all[j], all[i]]
  }
  return all.slice(0, ASKED).sort((a, b) => a - b)
}

/** 第N组 */
export function groupLabel(position: number): string {
  return `第${position + 1}组`
}

/**
 * The positions whose typed group does not match the code (empty when all match).
 */
export function wrongGroups(code: string, positions: number[], typed: string[]): number[] {
  const groups = groupsOf(code)
  return positions.filter((p, i) => normalizeGroup(typed[i] ?? '') !== groups[p])
}

/** Formats a typed recovery code as it is typed: upper case, a dash after every five. */
export function formatCode(typed: string): string {
  const chars = normalizeGroup(typed)
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, GROUPS * GROUP_CHARS)
  return chars.match(/.{1,5}/g)?.join('-') ?? ''
}
