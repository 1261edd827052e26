/**
 * Timestamps (performance.now(), no data) that the search benchmark reads through WebDriver:
 * when the registrar last pressed a key in the search box, and when that query's rows were in the
 * DOM and painted. See tests/benches/search.rs.
 */
export interface SearchMarks {
  /** The last keydown (or input without keydown) in the search box. */
  keyAt: number
  /** The query text at that moment. */
  keyQuery: string
  /** The rows of `renderedQuery` are in the DOM (after Vue's nextTick). */
  renderedAt: number
  /** …and painted (the frame after). */
  paintedAt: number
  renderedQuery: string
  /** How many result renders so far (to wait for a new one). */
  renders: number
}

declare global {
  interface Window {
    __xuejiSearchMarks?: SearchMarks
  }
}

function marks(): SearchMarks {
  if (!window.__xuejiSearchMarks) {
    window.__xuejiSearchMarks = {
      keyAt: 0,
      keyQuery: '',
      renderedAt: 0,
      paintedAt: 0,
      renderedQuery: '',
      renders: 0,
    }
  }
  return window.__xuejiSearchMarks
}

let keyPending = false

/** A keydown in the search box. */
export function markSearchKey() {
  marks().keyAt = performance.now()
  keyPending = true
}

/** The search box's value changed (after its keydown, or alone when pasted or typed by an IME). */
export function markSearchInput(query: string) {
  const m = marks()
  if (!keyPending) m.keyAt = performance.now()
  keyPending = false
  m.keyQuery = query
}

/** Call after the rows of `query` are in the DOM. */
export function markSearchRendered(query: string) {
  const m = marks()
  const renderedAt = performance.now()
  const done = () => {
    m.renderedAt = renderedAt
    m.paintedAt = performance.now()
    m.renderedQuery = query
    m.renders += 1
  }
  // The callback of the next animation frame runs before that frame is painted; a task queued
  // from it runs after the paint.
  if (typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(() => setTimeout(done, 0))
  } else {
    done()
  }
}
