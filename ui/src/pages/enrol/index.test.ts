import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { ElMessageBox } from 'element-plus'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import type { EnrolInput } from '@/bindings/bindings'
import { inChinese, setup, settle, waitFor } from '@/test/helpers'
import { checkCharacter } from '@/utils/idCard'
import EnrolPage from './index.vue'
import type { EnrolForm } from './rules'

const FIRST17 = '33010620190301001'
const ID = FIRST17 + checkCharacter(FIRST17)
const WRONG = FIRST17 + (checkCharacter(FIRST17) === '1' ? '2' : '1')

let enrolled: EnrolInput[] = []

async function mountPage(answer: (input: EnrolInput) => unknown) {
  enrolled = []
  mockIPC((cmd, args) => {
    if (cmd === 'student_enrol') {
      const input = (args as { input: EnrolInput }).input
      enrolled.push(input)
      return answer(input)
    }
    if (cmd === 'student_search') {
      return { total: 1, page: 1, pageSize: 1, rows: [{ id: 42 }] }
    }
    throw new Error(`unexpected command ${cmd}`)
  })
  const router = await setup('/students/enrol')
  const root = mount(inChinese(EnrolPage), {
    // Element Plus selects take seconds each to render in happy-dom; the tests set the form's
    // values directly (the end-to-end test uses the real selects).
    global: { plugins: [router, createPinia()], stubs: { ElSelect: true } },
    attachTo: document.body,
  })
  await settle()
  const page = root.findComponent(EnrolPage)
  const form = (page.vm as unknown as { $: { setupState: { form: EnrolForm } } }).$.setupState.form
  return { root, page, form, router }
}

function fill(form: EnrolForm) {
  form.idNumber = ID
  form.name = '张三'
  form.hukouKind = '非农业户口'
  form.hukouAddress = '浙江省杭州市西湖区文三路1号'
  form.currentAddress = '浙江省杭州市西湖区文三路1号'
  form.entryDate = '2025-09-01'
  form.family[0].name = '张大山'
  form.family[0].relation = '父亲'
}

/** What the app answers to an enrolment: the student and the archive deadline (R8.1). */
function enrolment(input: EnrolInput, id: number, due: string, provisionalReason: string | null) {
  return {
    student: {
      id,
      name: input.name,
      xuejiNumber: `G${input.idNumber}`,
      gradeLabel: '一年级',
      className: null,
      status: { code: 'pending_approval', label: '待核准' },
    },
    deadlines: [
      {
        kind: 'archive_creation',
        due,
        rule: 'R8.1',
        label: '为学生建立学籍档案',
        provisional: provisionalReason !== null,
        provisionalReason,
      },
    ],
    warnings: [],
  }
}

describe('新生注册', { timeout: 60_000 }, () => {
  beforeEach(() => {
    sessionStorage.clear()
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
  })
  afterEach(() => {
    clearMocks()
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })

  it('checks the ID number as typed: birth date and sex, or what is wrong', async () => {
    const { page } = await mountPage(() => ({}))
    const input = page.get('input[data-test="enrol-id-number"]')
    await input.setValue('330106')
    await settle()
    expect(page.get('[data-test="enrol-id-derived"]').text()).toContain('已输入 6/18 位')
    expect(page.text()).not.toContain('应为18位')
    await input.setValue(ID)
    await settle()
    expect(page.get('[data-test="enrol-derived-birth"]').text()).toBe('2019-03-01')
    expect(page.get('[data-test="enrol-derived-sex"]').text()).toBe('男')
    await input.setValue(WRONG)
    await waitFor(() => expect(page.text()).toContain('身份证号校验码错误'))
    expect(page.find('[data-test="enrol-derived-birth"]').exists()).toBe(false)
  })

  it('enrols a grade-1 newcomer and shows the 学籍号, deadline and next steps', async () => {
    const { page, form } = await mountPage((input) => enrolment(input, 5, '2025-10-09', null))
    fill(form)
    await settle()
    await page.get('[data-test="enrol-submit"]').trigger('click')
    await waitFor(() => expect(page.find('[data-test="enrol-result"]').exists()).toBe(true))
    expect(enrolled[0]).toMatchObject({
      kind: 'grade_one',
      nationalCheck: null,
      idNumber: ID,
      sex: null,
      birthDate: null,
      grade: 1,
      entryDate: '2025-09-01',
    })
    expect(page.get('[data-test="enrol-result-xueji"]').text()).toBe(`G${ID}`)
    expect(page.text()).toContain('为学生建立学籍档案：2025-10-09 前（R8.1）')
    expect(page.find('[data-test="provisional-tag"]').exists()).toBe(false)
    expect(sessionStorage.getItem('xueji.draft.enrol')).toBeNull()
  })

  it('marks an archive deadline counted past the loaded holiday notices as 暂定', async () => {
    const reason = '暂定：尚未载入《国务院办公厅关于2027年部分节假日安排的通知》'
    const { page, form } = await mountPage((input) => enrolment(input, 6, '2027-01-04', reason))
    fill(form)
    await settle()
    await page.get('[data-test="enrol-submit"]').trigger('click')
    await waitFor(() => expect(page.find('[data-test="enrol-result"]').exists()).toBe(true))
    const deadline = page.get('[data-test="enrol-deadline"]')
    expect(deadline.text()).toContain('2027-01-04 前（R8.1）')
    expect(deadline.get('[data-test="provisional-tag"]').attributes('aria-label')).toContain('2027年')
  })

  it('shows a duplicate refusal with its rule and opens the existing record', async () => {
    const { page, form, router } = await mountPage(() => {
      throw {
        kind: 'ruleViolation',
        code: 'duplicate_record',
        message: '不得重复建立学籍：与已有学籍重复（张三，学籍号G330106201903010011，在读）',
        ruleId: 'R7.2',
      }
    })
    fill(form)
    await settle()
    await page.get('[data-test="enrol-submit"]').trigger('click')
    await waitFor(() => expect(page.find('[data-test="enrol-refusal-text"]').exists()).toBe(true))
    const refusal = page.get('[data-test="enrol-refusal-text"]')
    expect(refusal.get('[data-test="refusal-rule"]').text()).toBe('【R7.2】')
    expect(refusal.get('[data-test="refusal-message"]').text()).toContain('不得重复建立学籍')
    await page.get('[data-test="enrol-open-existing"]').trigger('click')
    await waitFor(() => expect(router.currentRoute.value.params.id).toBe('42'))
  })

  it('a failed national check is refused pointing to the transfer procedure', async () => {
    const { page, form } = await mountPage(() => {
      throw {
        kind: 'ruleViolation',
        code: 'rule_violation',
        message: '全国学籍查重未通过：该生已有学籍，应按规定办理转学手续',
        ruleId: 'R7.5',
      }
    })
    fill(form)
    form.kind = 'no_prior_record'
    form.nationalCheck = 'failed'
    await settle()
    expect(form.grade).toBe(2)
    await page.get('[data-test="enrol-submit"]').trigger('click')
    await waitFor(() => expect(page.find('[data-test="enrol-to-transfer"]').exists()).toBe(true))
    expect(enrolled[0]).toMatchObject({ kind: 'no_prior_record', nationalCheck: 'failed', grade: 2 })
    expect(page.get('[data-test="enrol-refusal-text"]').text()).toContain('【R7.5】')
  })

  it('restores a kept draft and can discard it', async () => {
    sessionStorage.setItem(
      'xueji.draft.enrol',
      JSON.stringify({ name: '李四', idNumber: ID, entryDate: '2025-09-01' }),
    )
    const { page, form } = await mountPage(() => ({}))
    expect(form.name).toBe('李四')
    expect(page.find('[data-test="enrol-draft-restored"]').exists()).toBe(true)
    await page.get('[data-test="enrol-discard"]').trigger('click')
    await settle()
    expect(form.name).toBe('')
    expect(sessionStorage.getItem('xueji.draft.enrol')).toBeNull()
  })
})
