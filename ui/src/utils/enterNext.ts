/**
 * Enter moves to the next field of a form (issue 7 item 10); the one helper every form uses.
 * Attach to the form's keydown: `@keydown.enter="focusNextOnEnter($event, submit)"`. Textareas
 * and buttons keep their Enter; an open select or date panel keeps its Enter to pick; disabled,
 * read-only and hidden fields are skipped, and so is an element marked `data-enter-stop`; on the
 * last field `onLast` runs (e.g. submit).
 */
const FIELDS =
  'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]), [data-enter-stop]'

export function focusNextOnEnter(e: KeyboardEvent, onLast?: () => void) {
  if (e.key !== 'Enter' || e.isComposing || e.shiftKey || e.ctrlKey || e.altKey) return
  const target = e.target as HTMLElement | null
  if (!target || target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return
  // An open select (its input says so) uses Enter to choose.
  if (target.getAttribute('aria-expanded') === 'true') return
  const form = e.currentTarget as HTMLElement | null
  if (!form) return
  const fields = Array.from(form.querySelectorAll<HTMLElement>(FIELDS)).filter(
    (el) => el.offsetParent !== null || el === target,
  )
  const i = fields.indexOf(target)
  if (i < 0) return
  e.preventDefault()
  const next = fields.slice(i + 1).find((el) => !el.hasAttribute('data-enter-stop'))
  if (next) next.focus()
  else onLast?.()
}
