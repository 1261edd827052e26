/**
 * Enter moves to the next field of a form (a textarea keeps its Enter; the last field submits
 * through `onLast`). Bind as `@keydown.enter="(e) => nextField(e, submit)"` on the form.
 */
export function nextField(event: KeyboardEvent, onLast?: () => void) {
  const target = event.target as HTMLElement | null
  if (!target || target.tagName === 'TEXTAREA' || event.isComposing) return
  const form = target.closest('form')
  if (!form) return
  const fields = Array.from(
    form.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([disabled]), select, textarea'),
  ).filter((el) => el.offsetParent !== null || el === target)
  const i = fields.indexOf(target)
  event.preventDefault()
  if (i >= 0 && i < fields.length - 1) {
    fields[i + 1].focus()
  } else {
    onLast?.()
  }
}
