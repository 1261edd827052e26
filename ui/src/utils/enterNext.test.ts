import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { focusNextOnEnter } from './enterNext'

// happy-dom lays nothing out: an element counts as shown unless inside `[hidden]`.
const layout = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetParent')
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement) {
      return this.closest('[hidden]') ? null : this.parentElement
    },
  })
})
afterAll(() => {
  if (layout) Object.defineProperty(HTMLElement.prototype, 'offsetParent', layout)
})

/** A form wired as the pages wire theirs; returns it and the submit spy. */
function form(html: string) {
  document.body.innerHTML = `<form>${html}</form>`
  const el = document.querySelector('form')!
  const submit = vi.fn()
  el.addEventListener('keydown', (e) => focusNextOnEnter(e, submit))
  return { el, submit }
}

function enter(id: string, init: KeyboardEventInit = {}) {
  const target = document.getElementById(id)!
  target.focus()
  const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init })
  target.dispatchEvent(event)
  return event
}

const focused = () => document.activeElement?.id

describe('focusNextOnEnter', () => {
  it('moves to the next field and submits from the last', () => {
    const { submit } = form('<input id="a"><textarea id="b"></textarea><input id="c">')
    expect(enter('a').defaultPrevented).toBe(true)
    expect(focused()).toBe('b')
    enter('c')
    expect(submit).toHaveBeenCalledOnce()
  })

  it('skips disabled, read-only and hidden fields', () => {
    form('<input id="a"><input disabled><input readonly><div hidden><input></div><input id="e">')
    enter('a')
    expect(focused()).toBe('e')
  })

  it('leaves Enter to text areas, buttons, open selects and modified keys', () => {
    const { submit } = form(
      '<textarea id="t"></textarea><input id="s" aria-expanded="true"><input id="a"><button id="b" type="button"></button>',
    )
    expect(enter('t').defaultPrevented).toBe(false)
    expect(enter('s').defaultPrevented).toBe(false)
    expect(enter('a', { shiftKey: true }).defaultPrevented).toBe(false)
    expect(enter('b').defaultPrevented).toBe(false)
    expect(submit).not.toHaveBeenCalled()
  })

  it('never moves to an element marked data-enter-stop', () => {
    const { submit } = form('<input id="a"><span data-enter-stop tabindex="0"></span><input id="c">')
    enter('a')
    expect(focused()).toBe('c')
    expect(submit).not.toHaveBeenCalled()
  })
})
