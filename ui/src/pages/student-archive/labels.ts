/** Labels of stored codes shown on the archive page. */

export const ID_TYPES: Record<string, string> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao_pass: '港澳居民来往内地通行证',
  taiwan_pass: '台湾居民来往大陆通行证',
  other: '其他证件',
}

export const STUDY_MODES: Record<string, string> = {
  regular: '普通就读',
  inclusive: '随班就读',
  home_teaching: '送教上门',
}

export function label(table: Record<string, string>, code: string | null | undefined): string {
  if (!code) return ''
  return table[code] ?? code
}

export function yesNo(value: boolean): string {
  return value ? '是' : '否'
}

/** Bytes as 12 KB / 1.2 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** An ISO timestamp as `2025-09-01 14:05`. */
export function dateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const beijing = new Date(d.getTime() + 8 * 3600 * 1000).toISOString()
  return `${beijing.slice(0, 10)} ${beijing.slice(11, 16)}`
}

/** An archive item's structured content (JSON text) as short lines. */
export function contentLines(content: string): string[] {
  let value: unknown
  try {
    value = JSON.parse(content)
  } catch {
    return content.trim() ? [content] : []
  }
  if (value === null || value === undefined) return []
  if (Array.isArray(value)) return value.length ? [`共 ${value.length} 项`] : []
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== '' && typeof v !== 'object')
      .map(([k, v]) => `${k}：${String(v)}`)
  }
  return [String(value)]
}
