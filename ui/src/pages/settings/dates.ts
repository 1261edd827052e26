/** `20260224` → `2026-02-24`; anything else is kept as typed. */
export function normaliseDate(text: string): string {
  const t = text.trim()
  const digits = /^(\d{4})(\d{2})(\d{2})$/.exec(t)
  if (digits) return `${digits[1]}-${digits[2]}-${digits[3]}`
  return t.replace(/[./年月]/g, '-').replace(/日$/, '')
}

/** A real calendar date written YYYY-MM-DD. */
export function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}
