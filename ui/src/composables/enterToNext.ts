/**
 * Keyboard-friendly forms: Enter in a text field moves to the next field of the same form; in the
 * last one it calls `onLast` (usually submit). Selects, text areas and buttons keep their own
 * Enter. Use on a form: `@keydown.enter="(e: KeyboardEvent) => enterToNext(e, submit)"`.
 */
export function enterToNext(event: KeyboardEvent, onLast?: () => void): void {
  const target = event.target
  const form = event.currentTarget
  if (!(target instanceof HTMLInputElement) || !(form instanceof HTMLElement)) return
  if (event.isComposing || target.closest('.el-select, .el-cascader, .el-date-editor')) return
  if (['checkbox', 'radio', 'button', 'submit'].includes(target.type)) return
  event.preventDefault()
  const fields = Array.from(form.querySelectorAll<HTMLInputElement>('input')).filter(
    (el) =>
      !el.disabled &&
      !el.readOnly &&
      !['hidden', 'checkbox', 'radio', 'button', 'submit'].includes(el.type) &&
      !el.closest('.el-select, .el-cascader'),
  )
  const next = fields[fields.indexOf(target) + 1]
  if (next) next.focus()
  else onLast?.()
}
