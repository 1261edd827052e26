/** Shared helpers of the change pages' unit tests (not shipped: only the tests import it). */
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'
import { routes } from '@/router'

export async function mountAt(component: Component, path: string) {
  setActivePinia(createPinia())
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  await router.isReady()
  const wrapper = mount(component, { global: { plugins: [router] }, attachTo: document.body })
  return { wrapper, router }
}

export const studentRow = {
  id: 7,
  xuejiNumber: 'G330106201603010011',
  name: '张小明',
  sex: 'male',
  birthDate: '2016-03-01',
  idNumberMasked: '330106********0011',
  grade: 4,
  gradeLabel: '四年级',
  className: '1班',
  status: { code: 'enrolled', label: '在读' },
  archived: false,
}

export function applicationView(over: Record<string, unknown> = {}, row: Record<string, unknown> = {}) {
  return {
    row: {
      id: 12,
      studentId: 7,
      studentName: '张小明',
      changeKind: 'transfer_out',
      changeLabel: '转学',
      state: 'open',
      stateLabel: '办理中',
      openedOn: '2026-11-20',
      closedOn: null,
      currentStep: 1,
      currentStepLabel: '转入学校核办',
      waitingOn: 'receiving_school',
      waitingOnLabel: '转入学校',
      dueOn: '2026-12-04',
      dueProvisional: null,
      overdueWorkingDays: null,
      ...row,
    },
    rule: 'R13.1',
    note: null,
    steps: <Record<string, unknown>[]>[
      {
        ordinal: 0, party: 'guardian', partyLabel: '监护人', action: 'apply', label: '监护人提出申请', optional: false,
        workingDays: null, permission: 'submit_changes', decision: 'approved', decidedOn: '2026-11-20',
        decidedBy: 'registrar', reference: null, note: null, dueOn: null, dueProvisional: null, attachmentId: null,
      },
      {
        ordinal: 1, party: 'receiving_school', partyLabel: '转入学校', action: 'review', label: '转入学校核办', optional: false,
        workingDays: 10, permission: 'submit_changes', decision: 'pending', decidedOn: null,
        decidedBy: null, reference: null, note: null, dueOn: '2026-12-04', dueProvisional: null, attachmentId: null,
      },
    ],
    proofs: [],
    requiredProofs: [{ anyOf: ['written_application'], label: '监护人书面申请' }],
    missingProofs: [],
    overdue: null,
    appeal: null,
    warnings: [],
    deadlines: [],
    documents: [],
    ...over,
  }
}
