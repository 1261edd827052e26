import type { ProofKind, ProofUpload } from '@/bindings/bindings'

/** A proof chosen in the wizard, ready for `change_submit`. */
export interface ChosenProof extends ProofUpload {
  /** Index of the requirement it meets. */
  need: number
  size: number
}

/** The largest file the Rust side accepts. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024

/** Reads a file as standard base64 (without the `data:` prefix). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result ?? '')
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

/** A chosen file as an upload of `kind`. */
export async function toProof(file: File, kind: ProofKind | null, need: number): Promise<ChosenProof> {
  return {
    kind,
    need,
    fileName: file.name,
    mime: file.type || 'application/octet-stream',
    dataBase64: await readBase64(file),
    size: file.size,
  }
}

/** Bytes from base64, for a preview. */
export function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

export function isImage(mime: string): boolean {
  return /^image\/(png|jpe?g|gif|webp|bmp)$/i.test(mime)
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
