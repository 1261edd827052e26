/**
 * Reading a results file for the graduation batch. Two formats:
 *
 * - JSON, the format of the command line's `xueji graduate --results FILE`:
 *   `[{"studentId": 1, "programmeCompleted": true, "overallQualityPassed": true,
 *      "failedSubjectsAfterMakeup": 0, "auxNumber": "…"}]` (`xuejiNumber` may replace `studentId`);
 * - CSV (UTF-8, as Excel saves "CSV UTF-8") with a header row in Chinese: 学生编号 or 学籍号 or
 *   姓名 (+ 班级), 完成学业, 综合素质评价, 补考后不合格科目数, 学籍辅号. Any column but the student
 *   may be left out; what a file leaves out keeps the value already in the table.
 */

/** One student's results as the table holds them. */
export interface ResultRow {
  studentId: number
  name: string
  className: string | null
  xuejiNumber: string | null
  programmeCompleted: boolean
  overallQualityPassed: boolean
  failedSubjectsAfterMakeup: number
  auxNumber: string
}

/** The values a file gives for one student. */
export type ResultUpdate = Partial<
  Pick<
    ResultRow,
    'programmeCompleted' | 'overallQualityPassed' | 'failedSubjectsAfterMakeup' | 'auxNumber'
  >
>

/** What a file gave: updates by student id, and each line it could not use. */
export interface ParsedResults {
  updates: Map<number, ResultUpdate>
  problems: string[]
}

type Field = 'id' | 'xueji' | 'name' | 'class' | 'done' | 'quality' | 'failed' | 'aux'

const HEADERS: [Field, string[]][] = [
  ['id', ['学生编号', '编号', 'studentid']],
  ['xueji', ['学籍号', '全国学籍号', 'xuejinumber']],
  ['name', ['姓名', '学生姓名']],
  ['class', ['班级']],
  [
    'done',
    ['完成学业', '按课程计划完成学业', '修完课程', '完成课程', '修业情况', 'programmecompleted'],
  ],
  ['quality', ['综合素质评价', '综合素质评价合格', '综合素质', 'overallqualitypassed']],
  [
    'failed',
    [
      '补考后不合格科目数',
      '补考后仍不合格科目数',
      '不合格科目数',
      '补考后不合格科目',
      'failedsubjectsaftermakeup',
    ],
  ],
  ['aux', ['学籍辅号', '辅号', '证书编号', 'auxnumber']],
]

const YES = new Set(['是', '合格', '完成', '已完成', '通过', 'true', '1', 'y', 'yes', '√', '✓'])
const NO = new Set(['否', '不合格', '未完成', '未通过', 'false', '0', 'n', 'no', '×', '✗'])

/** `true`/`false` from a cell, `undefined` when empty, `null` when unreadable. */
export function readYesNo(text: string): boolean | undefined | null {
  const t = text.trim().toLowerCase()
  if (t === '') return undefined
  if (YES.has(t)) return true
  if (NO.has(t)) return false
  return null
}

/** Splits CSV text into rows of cells (quotes, doubled quotes, CRLF; a BOM is dropped). */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '')
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',' || c === '\t') {
      row.push(cell)
      cell = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += c
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''))
}

function fieldOf(header: string): Field | undefined {
  const h = header.replace(/\s/g, '').toLowerCase()
  return HEADERS.find(([, names]) => names.some((n) => n.toLowerCase() === h))?.[0]
}

/** Finds the roster student a line names: by id, by 学籍号, else by name (and class). */
function match(
  roster: ResultRow[],
  key: { id?: string; xueji?: string; name?: string; cls?: string },
): ResultRow | string {
  if (key.id) {
    const id = Number(key.id)
    const r = roster.find((s) => s.studentId === id)
    return r ?? `学生编号 ${key.id} 不在本年级名单中`
  }
  if (key.xueji) {
    const x = key.xueji.toUpperCase()
    const r = roster.find((s) => s.xuejiNumber?.toUpperCase() === x)
    return r ?? `学籍号 ${key.xueji} 不在本年级名单中`
  }
  if (key.name) {
    const same = roster.filter(
      (s) => s.name === key.name && (!key.cls || (s.className ?? '') === key.cls),
    )
    if (same.length === 1) return same[0]
    if (same.length === 0) return `名单中没有“${key.name}”`
    return `名单中有 ${same.length} 名“${key.name}”，请加上学生编号或学籍号`
  }
  return '缺少学生编号、学籍号或姓名'
}

function update(
  u: ResultUpdate,
  field: Field,
  value: unknown,
  where: string,
  problems: string[],
): void {
  const text = value === null || value === undefined ? '' : String(value).trim()
  if (field === 'done' || field === 'quality') {
    const yes = typeof value === 'boolean' ? value : readYesNo(text)
    if (yes === null) {
      problems.push(`${where}：“${text}”应为“是”或“否”`)
      return
    }
    if (yes === undefined) return
    if (field === 'done') u.programmeCompleted = yes
    else u.overallQualityPassed = yes
  } else if (field === 'failed') {
    if (text === '') return
    const n = Number(text)
    if (!Number.isInteger(n) || n < 0 || n > 30) {
      problems.push(`${where}：不合格科目数“${text}”应为 0 至 30 的整数`)
      return
    }
    u.failedSubjectsAfterMakeup = n
  } else if (field === 'aux') {
    if (text !== '') u.auxNumber = text.toUpperCase()
  }
}

function parseJson(text: string, roster: ResultRow[]): ParsedResults {
  const out: ParsedResults = { updates: new Map(), problems: [] }
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    out.problems.push('JSON 格式不正确')
    return out
  }
  if (!Array.isArray(data)) {
    out.problems.push('JSON 文件应为数组：[{"studentId": …}, …]')
    return out
  }
  data.forEach((item, i) => {
    const where = `第 ${i + 1} 项`
    if (typeof item !== 'object' || item === null) {
      out.problems.push(`${where}：不是对象`)
      return
    }
    const o = item as Record<string, unknown>
    const found = match(roster, {
      id: o.studentId === undefined ? undefined : String(o.studentId),
      xueji: typeof o.xuejiNumber === 'string' ? o.xuejiNumber : undefined,
      name: typeof o.name === 'string' ? o.name : undefined,
    })
    if (typeof found === 'string') {
      out.problems.push(`${where}：${found}`)
      return
    }
    const u: ResultUpdate = {}
    update(u, 'done', o.programmeCompleted, where, out.problems)
    update(u, 'quality', o.overallQualityPassed, where, out.problems)
    update(u, 'failed', o.failedSubjectsAfterMakeup, where, out.problems)
    update(u, 'aux', o.auxNumber, where, out.problems)
    out.updates.set(found.studentId, u)
  })
  return out
}

function parseTable(text: string, roster: ResultRow[]): ParsedResults {
  const out: ParsedResults = { updates: new Map(), problems: [] }
  const rows = parseCsv(text)
  if (rows.length === 0) {
    out.problems.push('文件是空的')
    return out
  }
  const fields = rows[0].map(fieldOf)
  if (!fields.some((f) => f === 'id' || f === 'xueji' || f === 'name')) {
    out.problems.push('第 1 行应为表头，并含“学生编号”“学籍号”或“姓名”一列')
    return out
  }
  rows.slice(1).forEach((cells, i) => {
    const where = `第 ${i + 2} 行`
    const get = (f: Field) => {
      const at = fields.indexOf(f)
      return at < 0 ? undefined : (cells[at] ?? '').trim() || undefined
    }
    const found = match(roster, {
      id: get('id'),
      xueji: get('xueji'),
      name: get('name'),
      cls: get('class'),
    })
    if (typeof found === 'string') {
      out.problems.push(`${where}：${found}`)
      return
    }
    const u: ResultUpdate = {}
    fields.forEach((f, at) => {
      if (f === 'done' || f === 'quality' || f === 'failed' || f === 'aux') {
        update(u, f, cells[at] ?? '', where, out.problems)
      }
    })
    out.updates.set(found.studentId, u)
  })
  return out
}

/** Reads a results file (JSON or CSV, told apart by name and content) against the roster. */
export function parseResultsFile(name: string, text: string, roster: ResultRow[]): ParsedResults {
  const json = name.toLowerCase().endsWith('.json') || /^\uFEFF?\s*\[/.test(text)
  return json ? parseJson(text, roster) : parseTable(text, roster)
}

/** Applies a file's updates to the table's rows (in place); returns how many rows changed. */
export function applyResults(rows: ResultRow[], updates: Map<number, ResultUpdate>): number {
  let n = 0
  for (const r of rows) {
    const u = updates.get(r.studentId)
    if (u) {
      Object.assign(r, u)
      n++
    }
  }
  return n
}

/**
 * Fills the empty 学籍辅号 of the rows with consecutive numbers from `start` (its trailing digits
 * count up, keeping their width: `ZJ2026000098` → `ZJ2026000099` → `ZJ2026000100`).
 */
export function fillAuxNumbers(rows: ResultRow[], start: string): number {
  const m = /^(.*?)(\d+)$/.exec(start.trim().toUpperCase())
  if (!m) return 0
  const [, prefix, digits] = m
  let next = BigInt(digits)
  let n = 0
  for (const r of rows) {
    if (r.auxNumber.trim() !== '') continue
    r.auxNumber = `${prefix}${next.toString().padStart(digits.length, '0')}`
    next += 1n
    n++
  }
  return n
}
