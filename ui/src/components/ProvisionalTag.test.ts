import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ProvisionalTag from './ProvisionalTag.vue'

const reason =
  '暂定：尚未载入《国务院办公厅关于2027年部分节假日安排的通知》，按《全国年节及纪念日放假办法》规定的法定节假日和周末计算'

describe('ProvisionalTag', () => {
  it('shows 暂定 with the missing notice as its tooltip', () => {
    const wrapper = mount(ProvisionalTag, { props: { reason } })
    const tag = wrapper.get('[data-test="provisional-tag"]')
    expect(tag.text()).toBe('暂定')
    expect(tag.attributes('aria-label')).toContain('2027年部分节假日安排的通知')
  })

  it('shows nothing for a final date', () => {
    const wrapper = mount(ProvisionalTag, { props: { reason: null } })
    expect(wrapper.find('[data-test="provisional-tag"]').exists()).toBe(false)
  })
})
