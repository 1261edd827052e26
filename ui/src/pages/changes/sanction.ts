/** The discipline procedure of R22.2, step by step, as the registrar is told it. */
export const sanctionExplain: Record<number, string> = {
  0: '德育部门提出处分意见（警告、严重警告或记过；不得开除或勒令退学，第二十二条第一款）。',
  1: '告知被处分学生及其监护人，听取其陈述和申辩意见。',
  2: '学生或监护人申请的，举行听证会并记录听证日期；未申请的记为“未申请听证”，可写明说明（写入处分决定书）。',
  3: '处分结果须经学校校务会议决定。',
  4: '校长签署公布，打印处分决定书送达学生及监护人；不服的可向主管教育行政部门申诉。',
}

export const sanctionLevels: { value: 'warning' | 'serious_warning' | 'demerit'; label: string }[] = [
  { value: 'warning', label: '警告' },
  { value: 'serious_warning', label: '严重警告' },
  { value: 'demerit', label: '记过' },
]

export function sanctionLevelLabel(code: string): string {
  return sanctionLevels.find((l) => l.value === code)?.label ?? code
}
