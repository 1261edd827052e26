/** Form rules of the 奖励与处分 page (checked as typed; the Rust side has the last word). */
import type { FormRules } from 'element-plus'
import { beijingToday } from '@/utils/dates'

const notFuture = (_rule: unknown, value: string, callback: (e?: Error) => void) => {
  if (value && value > beijingToday()) callback(new Error('日期不能晚于今天'))
  else callback()
}

export const awardRules: FormRules = {
  title: [{ required: true, message: '请填写奖励名称', trigger: ['blur', 'change'] }],
  issuer: [{ required: true, message: '请填写颁奖单位', trigger: ['blur', 'change'] }],
  awardedOn: [
    { required: true, message: '请选择获奖日期', trigger: 'change' },
    { validator: notFuture, trigger: 'change' },
  ],
}

export const sanctionRules: FormRules = {
  facts: [{ required: true, message: '请填写违纪事实（写入处分决定书）', trigger: ['blur', 'change'] }],
  on: [
    { required: true, message: '请选择提出日期', trigger: 'change' },
    { validator: notFuture, trigger: 'change' },
  ],
}

export const awardLevels: { value: 'school' | 'county' | 'city' | 'province' | 'national'; label: string }[] = [
  { value: 'school', label: '校级' },
  { value: 'county', label: '县（区）级' },
  { value: 'city', label: '市级' },
  { value: 'province', label: '省级' },
  { value: 'national', label: '国家级' },
]
