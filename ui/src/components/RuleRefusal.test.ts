import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import RuleRefusal from './RuleRefusal.vue'

describe('RuleRefusal', () => {
  it('names the rule, its title and the article of the law', () => {
    const wrapper = mount(RuleRefusal, {
      props: {
        error: {
          kind: 'ruleViolation',
          message: '休学期间不得转学。',
          ruleId: 'R13.5',
          ruleTitle: '休学期间不办理转学手续',
          lawText: '《浙江省义务教育阶段学生学籍管理办法》第十三条 …',
        },
      },
    })
    expect(wrapper.get('[data-test="rule-refusal-title"]').text()).toBe(
      '法规不允许：R13.5 休学期间不办理转学手续',
    )
    expect(wrapper.get('[data-test="rule-refusal-message"]').text()).toBe('休学期间不得转学。')
    expect(wrapper.get('[data-test="law-text"]').text()).toContain('第十三条')
  })

  it('shows a plain error without a law section', () => {
    const wrapper = mount(RuleRefusal, {
      props: { error: { kind: 'validation', message: '请更正标红的项目。', fields: { a: '必填' } } },
    })
    expect(wrapper.get('[data-test="rule-refusal-title"]').text()).toBe('输入有误')
    expect(wrapper.text()).toContain('必填')
    expect(wrapper.find('[data-test="law-text"]').exists()).toBe(false)
  })
})
