import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import { mount } from '@vue/test-utils'
import type { IpcError } from '@/bindings/bindings'
import RuleRefusal from './RuleRefusal.vue'

const LAW_TEXT =
  '《浙江省义务教育阶段学生学籍管理办法》第十三条  在符合相关政策的前提下，学生申请转到其他学校就读的，应由学生父母或其他监护人向转入学校提出申请。\n' +
  '学生在转学时不得变更就读年级，学生在休学期间不办理转学手续。'

const refusal: IpcError = {
  kind: 'ruleViolation',
  code: 'rule_violation',
  message: '该生正在休学，休学期间不能办理转学。',
  ruleId: 'R13.5',
  ruleTitle: '休学期间不办理转学手续',
  article: '第十三条',
  lawSentence: '学生在转学时不得变更就读年级，学生在休学期间不办理转学手续。',
  lawText: LAW_TEXT,
}

describe('RuleRefusal', () => {
  it('heads a refusal by the law with its rule and title, and quotes the sentence of the article', () => {
    const w = mount(RuleRefusal, { props: { error: refusal } })
    expect(w.get('[data-test="refusal-title"]').text()).toBe('【R13.5】休学期间不办理转学手续')
    expect(w.get('[data-test="refusal-rule"]').text()).toContain('R13.5')
    expect(w.get('[data-test="refusal-message"]').text()).toBe('该生正在休学，休学期间不能办理转学。')
    expect(w.get('[data-test="refusal-article"]').text()).toBe('《浙江省义务教育阶段学生学籍管理办法》第十三条')
    expect(w.get('[data-test="refusal-sentence"]').text()).toBe(
      '“学生在转学时不得变更就读年级，学生在休学期间不办理转学手续。”',
    )
    expect(w.get('[data-test="refusal"]').attributes('role')).toBe('alert')
  })

  it('keeps the whole article one click away', async () => {
    const w = mount(RuleRefusal, { props: { error: refusal }, attachTo: document.body })
    const toggle = w.get('button[data-test="refusal-law-toggle"]')
    const full = w.get('[data-test="law-text"]')
    expect(toggle.text()).toBe('查看全文')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(toggle.attributes('aria-controls')).toBe(full.attributes('id'))
    expect(full.isVisible()).toBe(false)

    await toggle.trigger('click')
    expect(full.isVisible()).toBe(true)
    expect(full.text()).toBe(LAW_TEXT)
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(toggle.text()).toBe('收起全文')

    await toggle.trigger('click')
    expect(full.isVisible()).toBe(false)
    w.unmount()
  })

  it('closes the article again for the next error', async () => {
    const w = mount(RuleRefusal, { props: { error: refusal }, attachTo: document.body })
    await w.get('[data-test="refusal-law-toggle"]').trigger('click')
    await w.setProps({ error: { ...refusal, message: '另一条' } })
    expect(w.get('[data-test="law-text"]').isVisible()).toBe(false)
    w.unmount()
  })

  it('falls back to the first sentence and the article of the text when the error names neither', () => {
    const w = mount(RuleRefusal, {
      props: { error: { ...refusal, article: null, lawSentence: undefined } },
    })
    expect(w.get('[data-test="refusal-article"]').text()).toContain('第十三条')
    expect(w.get('[data-test="refusal-sentence"]').text()).toBe(
      '“在符合相关政策的前提下，学生申请转到其他学校就读的，应由学生父母或其他监护人向转入学校提出申请。”',
    )
  })

  it('heads a rule without a catalogue entry with the kind, and shows no article', () => {
    const w = mount(RuleRefusal, {
      props: { error: { kind: 'ruleViolation', code: 'rule_violation', message: '不符合规定。', ruleId: 'R99.9' } },
    })
    expect(w.get('[data-test="refusal-title"]').text()).toBe('【R99.9】法规不允许')
    expect(w.find('[data-test="refusal-law"]').exists()).toBe(false)
    expect(w.find('[data-test="refusal-law-toggle"]').exists()).toBe(false)
  })

  it('shows another error with the title of its kind and its field messages', () => {
    const w = mount(RuleRefusal, {
      props: {
        error: {
          kind: 'validation',
          code: 'validation',
          message: '请更正标红的项目。',
          fields: { idNumber: '身份证号校验位不正确', name: '请填写姓名' },
        },
      },
    })
    expect(w.get('[data-test="refusal-title"]').text()).toBe('输入有误')
    expect(w.find('[data-test="refusal-rule"]').exists()).toBe(false)
    expect(w.get('[data-test="refusal-message"]').text()).toBe('请更正标红的项目。')
    expect(w.findAll('[data-test="refusal-fields"] li').map((li) => li.text())).toEqual([
      '身份证号校验位不正确',
      '请填写姓名',
    ])
    expect(w.find('[data-test="refusal-law"]').exists()).toBe(false)
  })

  it('renders nothing without an error, and the next steps given in its slot', () => {
    expect(mount(RuleRefusal, { props: { error: null } }).find('[data-test="refusal"]').exists()).toBe(false)
    const w = mount(RuleRefusal, {
      props: { error: refusal },
      slots: { default: () => h('button', { 'data-test': 'next-step' }, '查看已有学籍') },
    })
    expect(w.get('[data-test="refusal"] [data-test="next-step"]').text()).toBe('查看已有学籍')
  })
})
