import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import type { BureauCheckView } from '@/bindings/bindings'
import { inChinese, settle, waitFor } from '@/test/helpers'
import BureauCheckCard from './BureauCheckCard.vue'

const recorded: BureauCheckView = {
  id: 3,
  schoolYear: 2026,
  semester: 'first',
  termLabel: '2026—2027学年第一学期',
  checkedOn: '2026-11-20',
  checkedBy: '西湖区教育局 学籍科',
  reference: '西教基〔2026〕88号',
  findings: [
    { index: 0, text: '2名转出学生档案未及时转接', resolvedOn: null, resolvedBy: null, resolution: null },
    { index: 1, text: '休学材料缺县级医院证明', resolvedOn: null, resolvedBy: null, resolution: null },
  ],
  open: 2,
  rule: 'R4.1',
}

const field = (t: string) =>
  (document.querySelector(`input[data-test="${t}"]`) ??
    document.querySelector(`textarea[data-test="${t}"]`) ??
    document.querySelector(`[data-test="${t}"] input`) ??
    document.querySelector(`[data-test="${t}"] textarea`)) as HTMLInputElement

function type(t: string, value: string) {
  const el = field(t)
  el.value = value
  el.dispatchEvent(new Event('input'))
}

describe('教育局学期核查（第四条，R4.1）', () => {
  afterEach(() => {
    clearMocks()
    document.body.innerHTML = ''
  })

  it('records the bureau check with its findings, one per line', async () => {
    const inputs: unknown[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'bureau_checks') return []
      if (cmd === 'bureau_check_record') {
        inputs.push((args as { input: unknown }).input)
        return recorded
      }
      throw new Error(`unexpected command ${cmd}`)
    })
    const root = mount(inChinese(BureauCheckCard), { attachTo: document.body })
    await settle()
    const card = root.findComponent(BureauCheckCard)
    expect(card.get('[data-test="bureau-check-none"]').text()).toContain('尚未登记')
    await card.get('[data-test="bureau-check-start"]').trigger('click')
    await settle()
    const save = () => document.querySelector('[data-test="bureau-check-save"]') as HTMLButtonElement
    expect(save().disabled, 'who checked is required').toBe(true)
    type('bureau-check-by', '西湖区教育局 学籍科')
    type('bureau-check-reference', '西教基〔2026〕88号')
    type('bureau-check-findings', '2名转出学生档案未及时转接\n\n休学材料缺县级医院证明\n')
    await settle()
    save().click()
    await waitFor(() => expect(inputs).toHaveLength(1))
    expect(inputs[0]).toMatchObject({
      checkedBy: '西湖区教育局 学籍科',
      reference: '西教基〔2026〕88号',
      findings: ['2名转出学生档案未及时转接', '休学材料缺县级医院证明'],
    })
    await waitFor(() => expect(card.findAll('[data-test="bureau-finding"]')).toHaveLength(2))
    expect(card.get('[data-test="bureau-check-open"]').text()).toContain('2 项待整改')
  })

  it('resolves a finding, and shows a refusal with its rule', async () => {
    let refuse = true
    const resolved: unknown[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'bureau_checks') return [recorded]
      if (cmd === 'bureau_check_resolve') {
        if (refuse) {
          refuse = false
          throw { kind: 'ruleViolation', code: 'rule_violation', message: '须填写整改情况', ruleId: 'R4.1' }
        }
        resolved.push((args as { input: unknown }).input)
        return {
          ...recorded,
          open: 1,
          findings: [
            { ...recorded.findings[0], resolvedOn: '2026-12-02', resolvedBy: '李老师', resolution: '档案已转接' },
            recorded.findings[1],
          ],
        }
      }
      throw new Error(`unexpected command ${cmd}`)
    })
    const root = mount(inChinese(BureauCheckCard), { attachTo: document.body })
    await settle()
    const card = root.findComponent(BureauCheckCard)
    await card.findAll('[data-test="bureau-finding-resolve"]')[0].trigger('click')
    await settle()
    const save = () => document.querySelector('[data-test="bureau-fix-save"]') as HTMLButtonElement
    save().click()
    await waitFor(() => expect(document.body.textContent).toContain('R4.1'))
    type('bureau-fix-note', '档案已转接')
    await settle()
    save().click()
    await waitFor(() => expect(resolved).toHaveLength(1))
    expect(resolved[0]).toMatchObject({ checkId: 3, index: 0, note: '档案已转接' })
    await waitFor(() => expect(card.text()).toContain('整改：档案已转接'))
    expect(card.get('[data-test="bureau-check-open"]').text()).toContain('1 项待整改')
  })
})
