import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import List from './index.vue'
import Apply from './apply.vue'
import { mountAt, studentRow } from '../changes/testing'
import { hardshipView, loginAs, registrar } from './testing'
import { sections, visibleSections } from '@/router/sections'
import { mayOpen } from '@/router/guard'
import { waitFor } from '@/test/helpers'
import {
  applyProblem,
  effectiveFactors,
  emptyApply,
  perCapita,
  schoolYearChoices,
  schoolYearOf,
  semesterOf,
  toApplyInput,
  yuanToFen,
} from './rules'

vi.setConfig({ testTimeout: 30_000 })

type Calls = { cmd: string; args: Record<string, unknown> }[]

describe('hardship rules', () => {
  it('counts school years from September and semesters from February', () => {
    expect(schoolYearOf('2026-12-04')).toBe(2026)
    expect(schoolYearOf('2027-08-31')).toBe(2026)
    expect(schoolYearOf('2026-09-01')).toBe(2026)
    expect(semesterOf('2026-12-04')).toBe('first')
    expect(semesterOf('2027-01-20')).toBe('first')
    expect(semesterOf('2027-03-01')).toBe('second')
    expect(schoolYearChoices('2026-12-04')).toEqual([2027, 2026, 2025, 2024, 2023, 2022])
  })

  it('needs a factor, a special group counting as one, and the household size', () => {
    const draft = emptyApply('2026-12-04')
    expect(applyProblem(draft, null)).toBe('请选择学生')
    expect(applyProblem(draft, 7)).toBe('请勾选至少一项认定因素')
    draft.groups = ['orphan']
    expect(effectiveFactors(draft)).toEqual(['special_group'])
    expect(applyProblem(draft, 7)).toBe('请填写家庭人口数')
    draft.householdSize = 3
    expect(applyProblem(draft, 7)).toBeNull()
    expect(perCapita(30000, 3)).toBe(10000)
    expect(perCapita(30000, null)).toBeNull()
  })

  it('turns the form into the command input, trimmed, other groups one a line', () => {
    const draft = emptyApply('2026-12-04')
    draft.guardianName = ' 张大山 '
    draft.members[0] = { name: '张大山', relation: '父亲', age: 42, occupation: '', annualIncomeYuan: null, health: '' }
    draft.householdSize = 3
    draft.factors = ['emergency']
    draft.otherGroups = '重病患者家庭\n\n单亲家庭'
    const input = toApplyInput(draft, 7)
    expect(input).toMatchObject({
      studentId: 7,
      schoolYear: 2026,
      appliedOn: '2026-12-04',
      guardianName: '张大山',
      householdIncomeYuan: null,
      householdSize: 3,
      factors: ['emergency'],
      otherGroups: ['重病患者家庭', '单亲家庭'],
    })
    expect(input.members[0]).toMatchObject({ age: 42, annualIncomeYuan: 0 })
    expect(yuanToFen(1250.5)).toBe(125050)
    expect(yuanToFen(0)).toBeNull()
  })

  it('shows the menu entry only to roles that may see hardship', () => {
    expect(sections.find((s) => s.path === '/hardship')?.permission).toBe('view_hardship')
    expect(visibleSections(registrar).map((s) => s.name)).toContain('hardship')
    expect(visibleSections(['view_students', 'propose_sanctions']).map((s) => s.name)).not.toContain('hardship')
    expect(mayOpen(['view_students'], 'view_hardship')).toBe(false)
    expect(mayOpen(['view_students'], undefined)).toBe(true)
  })
})

describe('the hardship list', () => {
  afterEach(() => clearMocks())

  it('lists a school year, filters by status and opens an assessment', async () => {
    const calls: Calls = []
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> })
      if (cmd !== 'hardship_list') throw new Error(cmd)
      const v = hardshipView({ status: { code: 'in_notice', label: '公示中' }, noticeUntil: '2026-12-10' })
      return {
        total: 1,
        page: 1,
        pageSize: 20,
        rows: [
          {
            id: v.id, studentId: 7, studentName: '张小明', gradeLabel: '四年级', className: '1班', schoolYear: 2026,
            schoolYearLabel: '2026—2027学年', status: v.status, level: { code: 'special', label: '特别困难' },
            appliedOn: '2026-11-30', noticeUntil: '2026-12-10', noticeProvisional: null, effectiveOn: null, aidTotalFen: 0,
          },
        ],
      }
    })
    const { wrapper, router } = await mountAt(List, '/hardship?year=2026')
    loginAs('approver', ['view_hardship'])
    await flushPromises()
    expect(calls[0].args).toMatchObject({ schoolYear: 2026, filter: { statuses: [], page: 1, pageSize: 20 } })
    expect(wrapper.get('[data-test="hardship-status-5"]').text()).toBe('公示中')
    expect(wrapper.find('[data-test="hardship-new"]').exists()).toBe(false)
    const vm = wrapper.vm as unknown as { filters: { statuses: string[] } }
    vm.filters.statuses = ['in_notice', 'objection_pending']
    await flushPromises()
    expect(calls.at(-1)!.args).toMatchObject({ filter: { statuses: ['in_notice', 'objection_pending'] } })
    // The student's name is a link (Tab and Enter reach it) to the assessment.
    expect(wrapper.get('[data-test="hardship-row-5"]').attributes('href')).toBe(router.resolve('/hardship/5').href)
  })

  it('shows the refusal when the role may not see family finances', async () => {
    mockIPC(() => {
      throw { kind: 'forbidden', code: 'forbidden', message: '没有权限：查看家庭经济困难认定与资助' }
    })
    const { wrapper } = await mountAt(List, '/hardship')
    await flushPromises()
    expect(wrapper.get('[data-test="refusal"]').text()).toContain('查看家庭经济困难认定与资助')
  })
})

describe('the application form', () => {
  afterEach(() => clearMocks())

  it('asks for a factor before sending, then records the application and opens it', async () => {
    const calls: Calls = []
    let refuse = true
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> })
      if (cmd === 'student_search') return { total: 1, page: 1, pageSize: 8, rows: [studentRow] }
      if (cmd === 'hardship_apply') {
        if (refuse) {
          throw {
            kind: 'conflict', code: 'conflict',
            message: '该生2026—2027学年已有家庭经济困难认定申请（编号 3），同一学年不重复申请',
          }
        }
        return hardshipView()
      }
      if (cmd === 'hardship_show') return hardshipView()
      throw new Error(cmd)
    })
    const { wrapper, router } = await mountAt(Apply, '/hardship/new')
    loginAs('registrar', registrar)
    await flushPromises()
    await wrapper.get('[data-test="student-row-7"]').trigger('click')
    await flushPromises()
    await wrapper.get('input[data-test="apply-guardian-name"]').setValue('张大山')
    await wrapper.get('input[data-test="apply-guardian-relation"]').setValue('父亲')
    await wrapper.get('input[data-test="apply-member-0-name"]').setValue('张大山')
    await wrapper.get('input[data-test="apply-member-0-relation"]').setValue('父亲')
    await wrapper.get('[data-test="apply-household-size"] input').setValue('3')
    await wrapper.get('textarea[data-test="apply-reason"]').setValue('父亲患病需长期治疗。')
    await flushPromises()

    await wrapper.get('[data-test="apply-submit"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-test="apply-problem"]').text()).toContain('请勾选至少一项认定因素')
    expect(calls.some((c) => c.cmd === 'hardship_apply')).toBe(false)

    await wrapper.get('[data-test="apply-group-minimum_living_allowance"] input').setValue(true)
    await flushPromises()
    const specialGroup = wrapper.get('[data-test="apply-factor-special_group"]')
    expect(specialGroup.classes()).toContain('is-checked')
    await wrapper.get('[data-test="apply-factor-family_finances"] input').setValue(true)
    await wrapper.get('[data-test="apply-submit"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-test="refusal"]').text()).toContain('同一学年不重复申请')

    refuse = false
    await wrapper.get('[data-test="apply-submit"]').trigger('click')
    await flushPromises()
    const sent = calls.filter((c) => c.cmd === 'hardship_apply').at(-1)!.args.input
    expect(sent).toMatchObject({
      studentId: 7,
      guardianName: '张大山',
      householdSize: 3,
      factors: ['family_finances'],
      groups: ['minimum_living_allowance'],
      members: [{ name: '张大山', relation: '父亲' }],
    })
    await waitFor(() => expect(router.currentRoute.value.path).toBe('/hardship/5'))
  })
})
