/**
 * Today in Beijing (the dates the Rust side counts in), as `YYYY-MM-DD`. China has no daylight
 * saving: UTC+8 all year. (Not `Intl` with a locale: WebKitGTK's ICU may lack `en-CA`.)
 */
export function beijingToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)
}
