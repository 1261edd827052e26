/**
 * pdf.js, loaded on first use only (it is large): WebKitGTK shows no PDF in an iframe, so the
 * app draws each page onto a canvas itself.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist'

type PdfJs = typeof import('pdfjs-dist')

let loading: Promise<PdfJs> | null = null

/** The pdf.js module with its worker set up (loaded once). */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default
    return pdfjs
  })
  return loading
}

/** Opens PDF bytes (a copy: pdf.js hands its buffer to the worker). */
export async function openPdf(bytes: number[] | Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs()
  const data = bytes instanceof Uint8Array ? bytes.slice() : new Uint8Array(bytes)
  // The app's CSP allows no eval; pdf.js then draws fonts without compiled paths.
  return pdfjs.getDocument({ data, isEvalSupported: false }).promise
}

/** Draws a page onto a canvas `cssWidth` pixels wide, sharp on high-density screens. */
export async function drawPage(
  page: PDFPageProxy,
  canvas: HTMLCanvasElement,
  cssWidth: number,
  density = window.devicePixelRatio || 1,
): Promise<void> {
  const base = page.getViewport({ scale: 1 })
  const scale = (cssWidth / base.width) * density
  const viewport = page.getViewport({ scale })
  canvas.width = Math.floor(viewport.width)
  canvas.height = Math.floor(viewport.height)
  canvas.style.width = `${Math.floor(cssWidth)}px`
  canvas.style.height = `${Math.floor(viewport.height / density)}px`
  // The print intent draws these documents exactly as the display one (they have no annotations
  // or optional content) but runs without waiting on animation frames, which WebKitGTK delivers
  // at about one a second in a window without GPU compositing (measured under Xvfb): a page then
  // took several seconds to appear.
  await page.render({ canvas, viewport, intent: 'print' }).promise
}

/** Height over width of a page. */
export function pageRatio(page: PDFPageProxy): number {
  const v = page.getViewport({ scale: 1 })
  return v.height / v.width
}

/** Print resolution of the browser fallback: 300 dpi keeps text sharp on paper. */
export const PRINT_DPI = 300

/**
 * Prints the pages through the browser's print dialog (the fallback where the system print
 * service is not available): each page is drawn at 300 dpi into
 * an image inside a print-only container, the print stylesheet hides everything else, and
 * `window.print()` opens the dialog. `onProgress(done, total)` reports the drawing.
 */
export async function printPdf(
  doc: PDFDocumentProxy,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<void> {
  const root = document.createElement('div')
  root.id = 'xueji-print-root'
  const urls: string[] = []
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const canvas = document.createElement('canvas')
      const base = page.getViewport({ scale: 1 })
      // The PDF's 72 dpi scaled to 300 dpi; the print stylesheet keeps each image at the page's
      // own size (100 %), so the geometry does not change.
      await drawPage(page, canvas, base.width, PRINT_DPI / 72)
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
      if (!blob) throw new Error('canvas')
      const url = URL.createObjectURL(blob)
      urls.push(url)
      const img = document.createElement('img')
      img.src = url
      img.alt = ''
      root.appendChild(img)
      onProgress(n, doc.numPages)
    }
    document.body.appendChild(root)
    await Promise.all(
      Array.from(root.querySelectorAll('img')).map((img) =>
        img.complete ? Promise.resolve() : new Promise((r) => (img.onload = img.onerror = r)),
      ),
    )
    document.body.classList.add('xueji-printing')
    window.print()
  } finally {
    // The print-only images stay until the print dialog is done with them. They are hidden on
    // screen, so a late cleanup (the fallback) costs nothing visible.
    let done = false
    const cleanup = () => {
      if (done) return
      done = true
      document.body.classList.remove('xueji-printing')
      root.remove()
      urls.forEach((u) => URL.revokeObjectURL(u))
    }
    window.addEventListener('afterprint', cleanup, { once: true })
    window.setTimeout(cleanup, 60_000)
  }
}
