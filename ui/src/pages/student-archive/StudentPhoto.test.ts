import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { settle } from '@/test/helpers'
import StudentPhoto from './StudentPhoto.vue'

vi.setConfig({ testTimeout: 30_000 })
// jsdom has no object URLs.
URL.createObjectURL = vi.fn(() => 'blob:photo')
URL.revokeObjectURL = vi.fn()

const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 16]
const photo = { mime: 'image/jpeg', width: 413, height: 579, data: JPEG }

/** Chooses `bytes` in the hidden file input as `name`. */
async function choose(w: ReturnType<typeof mount>, name: string, bytes: number[], size = bytes.length) {
  const input = w.get<HTMLInputElement>('[data-test="archive-photo-file"]').element
  const file = new File([new Uint8Array(bytes)], name, { type: 'image/jpeg' })
  Object.defineProperty(file, 'size', { value: size })
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
  await settle()
}

describe('学籍照片', () => {
  afterEach(() => {
    clearMocks()
    document.body.innerHTML = ''
  })

  it('shows that none is on file, uploads the chosen file and shows it', async () => {
    const sent: unknown[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'student_photo') return null
      if (cmd === 'student_photo_set') {
        sent.push(args)
        return photo
      }
    })
    const w = mount(StudentPhoto, { props: { studentId: 7, readOnly: false }, attachTo: document.body })
    await settle()
    expect(w.get('[data-test="archive-photo-empty"]').text()).toBe('无照片')
    expect(w.get('[data-test="archive-photo-upload"]').text()).toBe('上传照片')
    await choose(w, 'zhao.jpg', JPEG)
    expect(sent).toEqual([{ studentId: 7, data: JPEG }])
    expect(w.find('[data-test="archive-photo-image"]').exists()).toBe(true)
    expect(w.get('[data-test="archive-photo-note"]').text()).toContain('学籍卡和证书')
    expect(w.get('[data-test="archive-photo-upload"]').text()).toBe('更换照片')
    w.unmount()
  })

  it('sends nothing over 2 MB and shows the app’s refusal of a file that is no photo', async () => {
    const sent: unknown[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'student_photo') return null
      if (cmd === 'student_photo_set') {
        sent.push(args)
        throw { kind: 'validation', code: 'validation', message: '照片须为 JPEG 或 PNG 图片' }
      }
    })
    const w = mount(StudentPhoto, { props: { studentId: 7, readOnly: false }, attachTo: document.body })
    await settle()
    await choose(w, 'big.jpg', JPEG, 3 * 1024 * 1024)
    expect(sent).toEqual([])
    expect(w.get('[data-test="archive-photo-note"]').text()).toContain('超过 2 MB')
    await choose(w, 'scan.jpg', [1, 2, 3])
    expect(sent).toHaveLength(1)
    expect(w.text()).toContain('照片须为 JPEG 或 PNG 图片')
    expect(w.find('[data-test="archive-photo-image"]').exists()).toBe(false)
    w.unmount()
  })

  it('offers no upload on a read-only record', async () => {
    mockIPC((cmd) => (cmd === 'student_photo' ? photo : undefined))
    const w = mount(StudentPhoto, { props: { studentId: 7, readOnly: true }, attachTo: document.body })
    await settle()
    expect(w.find('[data-test="archive-photo-image"]').exists()).toBe(true)
    expect(w.find('[data-test="archive-photo-upload"]').exists()).toBe(false)
    w.unmount()
  })
})
