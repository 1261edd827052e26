import { defineStore } from 'pinia'
import { reactive, ref, watch } from 'vue'
import type { InitInput, IpcError, SchoolProfile } from '@/bindings/bindings'
import * as api from '@/api/auth'
import { toIpcError } from '@/api/errors'
import { useAuthStore } from '@/stores/auth'
import { emptySchool, kindInfo, type AdminForm } from './rules'
import { pickPositions, wrongGroups } from './recovery'

/** Steps of the wizard, in order. */
export const STEPS = ['学校信息', '管理员账户', '恢复码', '确认恢复码'] as const

/** The school draft survives a reload of the window (never the password or the code). */
const DRAFT_KEY = 'xueji.setup.school'

function loadDraft(): SchoolProfile {
  try {
    const saved = sessionStorage.getItem(DRAFT_KEY)
    if (saved) return { ...emptySchool(), ...(JSON.parse(saved) as Partial<SchoolProfile>) }
  } catch {
    // A broken draft is dropped.
  }
  return emptySchool()
}

/** The first-run wizard's state: what was typed, the recovery code (in memory only), the step. */
export const useSetupWizard = defineStore('setup-wizard', () => {
  const step = ref(0)
  const school = reactive<SchoolProfile>(loadDraft())
  const admin = reactive<AdminForm>({ username: '', displayName: '', password: '', confirm: '' })
  const busy = ref(false)
  const error = ref<IpcError | null>(null)
  /** The recovery code, once `setup_init` returned it. */
  const code = ref('')
  const positions = ref<number[]>([])
  const typed = ref<string[]>([])
  /** The positions typed wrong at the last try. */
  const wrong = ref<number[]>([])

  watch(
    school,
    (s) => {
      try {
        sessionStorage.setItem(DRAFT_KEY, JSON.stringify(s))
      } catch {
        // Storage full or unavailable: the draft is only a convenience.
      }
    },
    { deep: true },
  )

  /** A new kind brings its default graduating grades (R24.1: the last grade always graduates). */
  function setKind(kind: string) {
    school.kind = kind
    school.graduatingGrades = [...kindInfo(kind).graduating]
    if (kind === 'special_education') school.offersHomeTeaching = true
  }

  function input(): InitInput {
    const code = school.code?.trim()
    return {
      school: {
        ...school,
        name: school.name.trim(),
        code: code ? code : null,
        countyBureau: school.countyBureau.trim(),
        township: school.township.trim(),
        graduatingGrades: [...school.graduatingGrades].sort((a, b) => a - b),
      },
      adminUsername: admin.username.trim(),
      adminDisplayName: admin.displayName.trim(),
      adminPassword: admin.password,
    }
  }

  /** Creates the database; on success the recovery code is shown next. */
  async function create(): Promise<boolean> {
    busy.value = true
    error.value = null
    try {
      const view = await api.setupInit(input())
      code.value = view.code
      admin.password = ''
      admin.confirm = ''
      useAuthStore().markInitialized()
      sessionStorage.removeItem(DRAFT_KEY)
      step.value = 2
      return true
    } catch (e) {
      error.value = toIpcError(e)
      return false
    } finally {
      busy.value = false
    }
  }

  /** Asks three groups at new random positions. */
  function startConfirm(random?: () => number) {
    positions.value = pickPositions(random)
    typed.value = positions.value.map(() => '')
    wrong.value = []
    step.value = 3
  }

  /** True when every asked group matches; else marks the wrong ones. */
  function confirm(): boolean {
    wrong.value = wrongGroups(code.value, positions.value, typed.value)
    return wrong.value.length === 0
  }

  /** Forgets the code (after the confirmation). */
  function finish() {
    code.value = ''
    typed.value = []
    positions.value = []
  }

  return {
    step,
    school,
    admin,
    busy,
    error,
    code,
    positions,
    typed,
    wrong,
    setKind,
    input,
    create,
    startConfirm,
    confirm,
    finish,
  }
})
