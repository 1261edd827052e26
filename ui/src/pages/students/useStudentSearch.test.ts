import { describe, expect, it } from 'vitest'
import { effectScope, nextTick } from 'vue'
import type { Page, SearchInput, StudentRow } from '@/bindings/bindings'
import { useStudentSearch } from './useStudentSearch'

function row(id: number, name: string): StudentRow {
  return {
    id,
    xuejiNumber: `G3301062019030100${id}`,
    xuejiNumberLabel: `G3301062019030100${id}`,
    name,
    sex: '男',
    birthDate: '2019-03-01',
    idNumberMasked: '330106********0011',
    grade: 1,
    gradeLabel: '一年级',
    className: '1班',
    status: { code: 'enrolled', label: '在读' },
    archived: false,
  }
}

/** A backend whose answers the test releases by hand, in any order. */
function manualBackend() {
  const calls: { input: SearchInput; resolve: (p: Page<StudentRow>) => void }[] = []
  const run = (input: SearchInput) =>
    new Promise<Page<StudentRow>>((resolve) => calls.push({ input, resolve }))
  const answer = (i: number, rows: StudentRow[]) =>
    calls[i].resolve({ total: rows.length, page: calls[i].input.page, pageSize: 20, rows })
  return { calls, run, answer }
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await nextTick()
}

describe('student search', () => {
  it('starts every search at once and shows only the latest answer, whatever the order', async () => {
    const b = manualBackend()
    const scope = effectScope()
    const s = scope.run(() => useStudentSearch(b.run))!
    s.query.value = 'z'
    await flush()
    s.query.value = 'zs'
    await flush()
    s.query.value = 'zsa'
    await flush()
    // none waits for another
    expect(b.calls.map((c) => c.input.query)).toEqual(['z', 'zs', 'zsa'])
    b.answer(2, [row(2, '张思安')])
    await flush()
    expect(s.rows.value.map((r) => r.name)).toEqual(['张思安'])
    expect(s.shownQuery.value).toBe('zsa')
    expect(s.loading.value).toBe(false)
    // older answers arriving later are dropped: the rows never go back
    b.answer(0, [row(1, '张三')])
    b.answer(1, [row(3, '赵四')])
    await flush()
    expect(s.rows.value.map((r) => r.name)).toEqual(['张思安'])
    expect(s.shownQuery.value).toBe('zsa')
    scope.stop()
  })

  it('sends filters and goes back to page 1 when they change', async () => {
    const b = manualBackend()
    const scope = effectScope()
    const s = scope.run(() => useStudentSearch(b.run))!
    s.refresh()
    b.answer(0, [])
    await flush()
    s.page.value = 3
    await flush()
    expect(b.calls[1].input.page).toBe(3)
    b.answer(1, [])
    await flush()
    s.filters.flags.push('orphan')
    s.filters.grade = 2
    await flush()
    const last = b.calls[b.calls.length - 1].input
    expect(last).toMatchObject({ page: 1, grade: 2, flags: ['orphan'], query: null })
    scope.stop()
  })

  it('settled() waits for the latest answer; an error is kept for the latest only', async () => {
    const b = manualBackend()
    const scope = effectScope()
    const s = scope.run(() => useStudentSearch(b.run))!
    s.query.value = '张'
    await flush()
    let settled = false
    void s.settled().then(() => (settled = true))
    await flush()
    expect(settled).toBe(false)
    b.answer(0, [row(1, '张三')])
    await flush()
    expect(settled).toBe(true)

    const failing = scope.run(() =>
      useStudentSearch(() => Promise.reject({ kind: 'forbidden', code: 'forbidden', message: '没有权限' })),
    )!
    failing.refresh()
    await flush()
    expect(failing.error.value?.kind).toBe('forbidden')
    expect(failing.firstLoad.value).toBe(false)
    scope.stop()
  })
})
