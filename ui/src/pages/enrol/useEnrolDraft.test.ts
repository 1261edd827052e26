import { beforeEach, describe, expect, it } from 'vitest'
import { effectScope, nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { ENROL_DRAFT_KEY, useEnrolDraft } from './useEnrolDraft'

const today = () => '2025-09-10'

function draft() {
  const scope = effectScope()
  const d = scope.run(() => useEnrolDraft(today))!
  return { ...d, stop: () => scope.stop() }
}

describe('enrolment draft', () => {
  beforeEach(() => {
    sessionStorage.clear()
    setActivePinia(createPinia())
  })

  it('keeps what was typed across a page left by mistake, until discarded', async () => {
    const first = draft()
    expect(first.restored.value).toBe(false)
    first.form.name = '李四'
    first.form.family[0].name = '李大山'
    await nextTick()
    expect(JSON.parse(sessionStorage.getItem('xueji.draft.' + ENROL_DRAFT_KEY)!).name).toBe('李四')
    first.stop()

    // The page is opened again (a new pinia, as after the component was destroyed).
    setActivePinia(createPinia())
    const second = draft()
    expect(second.restored.value).toBe(true)
    expect(second.form.name).toBe('李四')
    expect(second.form.family[0].name).toBe('李大山')
    second.discard()
    await nextTick()
    expect(second.form.name).toBe('')
    expect(sessionStorage.getItem('xueji.draft.' + ENROL_DRAFT_KEY)).toBeNull()
    second.stop()
  })

  it('an untouched form leaves no draft; a submitted one is forgotten', async () => {
    const d = draft()
    await nextTick()
    expect(sessionStorage.length).toBe(0)
    d.form.name = '王五'
    await nextTick()
    expect(sessionStorage.length).toBe(1)
    d.submitted()
    await nextTick()
    expect(sessionStorage.length).toBe(0)
    d.stop()
  })
})
