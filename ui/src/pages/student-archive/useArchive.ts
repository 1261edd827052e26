import { computed, ref, shallowRef } from 'vue'
import type { ArchiveView, IpcError } from '@/bindings/bindings'
import { getArchive } from '@/api/students'
import { toIpcError } from '@/api/errors'

/** One entry of the change timeline: an event of the history, or an application. */
export interface TimelineEntry {
  key: string
  date: string
  kind: 'event' | 'application'
  title: string
  detail: string
  rule: string | null
  tag: string
  tagType: 'success' | 'warning' | 'info' | 'danger' | 'primary'
}

/** Loads one student's archive and derives the change timeline. */
export function useArchive(load: (id: number) => Promise<ArchiveView> = getArchive) {
  const archive = shallowRef<ArchiveView | null>(null)
  const error = ref<IpcError | null>(null)
  const loading = ref(false)
  let asked = 0

  async function open(id: number) {
    const seq = ++asked
    loading.value = true
    error.value = null
    try {
      const view = await load(id)
      if (seq === asked) archive.value = view
    } catch (e) {
      if (seq === asked) {
        error.value = toIpcError(e)
        archive.value = null
      }
    } finally {
      if (seq === asked) loading.value = false
    }
  }

  /** Events and applications, newest first. */
  const timeline = computed<TimelineEntry[]>(() => {
    const a = archive.value
    if (!a) return []
    const events: TimelineEntry[] = a.events.map((e) => ({
      key: `e${e.id}`,
      date: e.on,
      kind: 'event',
      title: e.kindLabel || e.kind,
      detail:
        e.statusBefore === e.statusAfter
          ? e.summary
          : `${e.summary}（${e.statusBeforeLabel} → ${e.statusAfterLabel}）`,
      rule: e.rule || null,
      tag: '已记入学籍',
      tagType: 'success',
    }))
    const applications: TimelineEntry[] = a.applications.map((p) => ({
      key: `a${p.id}`,
      date: p.openedOn,
      kind: 'application',
      title: `${p.changeKindLabel || p.changeKind}申请`,
      detail:
        p.state === 'open'
          ? `待${p.waitingOnLabel ?? '办理'}${p.dueOn ? `，期限 ${p.dueOn}${p.dueProvisional ? '（暂定）' : ''}` : ''}`
          : `${p.stateLabel}${p.closedOn ? `（${p.closedOn}）` : ''}`,
      rule: null,
      tag: p.stateLabel || p.state,
      tagType:
        p.state === 'open'
          ? 'warning'
          : p.state === 'approved' || p.state === 'applied'
            ? 'success'
            : 'info',
    }))
    return [...events, ...applications].sort((x, y) =>
      x.date === y.date ? y.key.localeCompare(x.key) : y.date.localeCompare(x.date),
    )
  })

  return { archive, error, loading, open, timeline }
}
