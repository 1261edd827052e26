// The bureau's written approval (第三十条, R30.2) as the forms check it before the app does: the
// 文号 in its official form 机关代字〔年份〕序号号 ([] or （） typed for 〔〕 are accepted, as the app
// accepts them) and the date the document bears, whose year is the 文号's.
import type { FormItemRule } from 'element-plus'
import { isDate } from '@/pages/settings/dates'

const DOCUMENT_NUMBER = /^(\p{L}{1,20})[〔[［(（【〖](\d{4})[〕\]］)）】〗](\d{1,5})号$/u

/** The year of a 文号 in the official form, or null when the text is not one. */
export function documentNumberYear(text: string): number | null {
  const m = DOCUMENT_NUMBER.exec(text.replace(/\s+/g, ''))
  if (!m) return null
  const [, prefix, year, serial] = m
  // An organ's abbreviation is Chinese, and a document's serial is never 0.
  if (!/[^\x00-\x7f]/.test(prefix) || Number(serial) === 0) return null
  return Number(year)
}

export const APPROVAL_EXAMPLE = '西教籍〔2026〕5号'

/** Form rules for `approvalRef` and `approvedOn`; `needed` says whether this disclosure needs them. */
export function approvalRules(
  form: { approvalRef: string; approvedOn: string | null },
  needed: () => boolean,
): Record<'approvalRef' | 'approvedOn', FormItemRule[]> {
  const asTyped = ['blur', 'change']
  return {
    approvalRef: [
      {
        validator: (_r, v: string, cb) => {
          const text = (v ?? '').trim()
          if (!text) {
            return needed() || form.approvedOn
              ? cb(new Error('须经主管教育行政部门书面核准：请填写批准文号（R30.2）'))
              : cb()
          }
          return documentNumberYear(text) === null
            ? cb(new Error(`批准文号格式应为“机关代字〔年份〕序号号”，如 ${APPROVAL_EXAMPLE}`))
            : cb()
        },
        trigger: asTyped,
      },
    ],
    approvedOn: [
      {
        validator: (_r, v: string | null, cb) => {
          if (!v) {
            return needed() || form.approvalRef.trim()
              ? cb(new Error('请填写核准日期（批准文件的落款日期）'))
              : cb()
          }
          if (!isDate(v)) return cb(new Error('日期应为 YYYY-MM-DD，例如 2026-12-01'))
          const year = documentNumberYear(form.approvalRef)
          return year !== null && Number(v.slice(0, 4)) !== year
            ? cb(new Error(`核准日期应在文号的年份（${year}）内：请按文件的落款日期填写`))
            : cb()
        },
        trigger: asTyped,
      },
    ],
  }
}
