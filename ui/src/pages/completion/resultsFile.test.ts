import { describe, expect, it } from 'vitest'
import {
  applyResults,
  fillAuxNumbers,
  parseCsv,
  parseResultsFile,
  readYesNo,
  type ResultRow,
} from './resultsFile'

function roster(): ResultRow[] {
  const row = (studentId: number, name: string, className: string, xuejiNumber: string) => ({
    studentId,
    name,
    className,
    xuejiNumber,
    programmeCompleted: true,
    overallQualityPassed: true,
    failedSubjectsAfterMakeup: 0,
    auxNumber: '',
  })
  return [
    row(1, '张三', '1班', 'G330106201003010011'),
    row(2, '李四', '1班', 'G330106201003010022'),
    row(3, '王五', '2班', 'G330106201003010033'),
    row(4, '王五', '1班', 'G330106201003010044'),
  ]
}

describe('results file', () => {
  it('reads the command line JSON format (graduate --results)', () => {
    const rows = roster()
    const text = JSON.stringify([
      { studentId: 1, programmeCompleted: true, overallQualityPassed: false, failedSubjectsAfterMakeup: 0, auxNumber: 'zj1' },
      { studentId: 2, programmeCompleted: false, overallQualityPassed: true, failedSubjectsAfterMakeup: 4 },
      { studentId: 99, programmeCompleted: true },
    ])
    const parsed = parseResultsFile('results.json', text, rows)
    expect(parsed.problems).toEqual(['第 3 项：学生编号 99 不在本年级名单中'])
    expect(applyResults(rows, parsed.updates)).toBe(2)
    expect(rows[0]).toMatchObject({ overallQualityPassed: false, auxNumber: 'ZJ1' })
    expect(rows[1]).toMatchObject({ programmeCompleted: false, failedSubjectsAfterMakeup: 4, auxNumber: '' })
    expect(rows[2].programmeCompleted).toBe(true)
  })

  it('reads a CSV with Chinese headers, matching by 学籍号 or by name and class', () => {
    const rows = roster()
    const csv =
      '\uFEFF学籍号,姓名,班级,完成学业,综合素质评价,补考后不合格科目数,学籍辅号\r\n' +
      'G330106201003010011,张三,1班,是,不合格,0,ZJ2026000001\r\n' +
      ',王五,2班,否,合格,"3",zj2026000003\r\n' +
      ',王五,,是,合格,0,\r\n' +
      ',赵六,1班,是,合格,0,\r\n' +
      ',李四,1班,也许,合格,x,\r\n'
    const parsed = parseResultsFile('结果.csv', csv, rows)
    expect(parsed.problems).toEqual([
      '第 4 行：名单中有 2 名“王五”，请加上学生编号或学籍号',
      '第 5 行：名单中没有“赵六”',
      '第 6 行：“也许”应为“是”或“否”',
      '第 6 行：不合格科目数“x”应为 0 至 30 的整数',
    ])
    applyResults(rows, parsed.updates)
    expect(rows[0]).toMatchObject({ overallQualityPassed: false, auxNumber: 'ZJ2026000001' })
    expect(rows[2]).toMatchObject({
      programmeCompleted: false,
      failedSubjectsAfterMakeup: 3,
      auxNumber: 'ZJ2026000003',
    })
    // The unreadable cells of 李四 leave the table's values as they were.
    expect(rows[1]).toMatchObject({ programmeCompleted: true, failedSubjectsAfterMakeup: 0 })
  })

  it('refuses a table without a column naming the student', () => {
    const parsed = parseResultsFile('a.csv', '完成学业,学籍辅号\n是,A1\n', roster())
    expect(parsed.updates.size).toBe(0)
    expect(parsed.problems[0]).toMatch(/表头/)
  })

  it('splits quoted CSV cells', () => {
    expect(parseCsv('a,"b,""c""",d\n\n1,2,3')).toEqual([
      ['a', 'b,"c"', 'd'],
      ['1', '2', '3'],
    ])
    expect(readYesNo(' 合格 ')).toBe(true)
    expect(readYesNo('')).toBeUndefined()
    expect(readYesNo('?')).toBeNull()
  })

  it('fills empty aux numbers in sequence, keeping the width of the digits', () => {
    const rows = roster()
    rows[1].auxNumber = 'KEEP1'
    expect(fillAuxNumbers(rows, 'zj2026000099')).toBe(3)
    expect(rows.map((r) => r.auxNumber)).toEqual([
      'ZJ2026000099',
      'KEEP1',
      'ZJ2026000100',
      'ZJ2026000101',
    ])
    expect(fillAuxNumbers(roster(), 'ABC')).toBe(0)
  })
})
