import { describe, expect, it } from 'vitest'
import {
  ageOn,
  checkCharacter,
  checkIdNumber,
  normaliseIdNumber,
  parseBirthDate,
} from './idCard'

// Mirrors the tests of src-tauri/crates/domain/src/id_card.rs.
const SAMPLE = '11010519491231002X' // the standard's own example
const TODAY = '2024-01-01'

describe('resident ID number (GB 11643, R7.1)', () => {
  it('a valid number yields its birth date, sex and area', () => {
    const id = checkIdNumber(SAMPLE, TODAY)
    expect(id).toMatchObject({ ok: true, birthDate: '1949-12-31', sex: 'female', areaCode: '110105' })
    const zj = checkIdNumber('330106201503070010', TODAY)
    expect(zj).toMatchObject({ ok: true, birthDate: '2015-03-07', sex: 'male' })
  })

  it('normalises lower-case x, full-width digits and blanks', () => {
    expect(normaliseIdNumber(' 11010519491231002x ')).toBe(SAMPLE)
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe(SAMPLE)
    expect(checkIdNumber('１１０１０５１９４９１２３１００２ｘ', TODAY)).toMatchObject({ ok: true, value: SAMPLE })
  })

  it('refuses bad numbers with the message the backend gives', () => {
    const cases: [string, RegExp][] = [
      ['11010519491231002', /应为18位，实际为17位/],
      ['110105194912310021', /校验码错误/],
      ['99010519491231002X', /不是有效的省级代码/],
      ['110105194902300020', /出生日期“19490230”不存在/],
      ['11010519491231002Y', /第18位应为数字或X/],
      ['1101051949123100.X', /前17位应为数字/],
      ['', /应为18位，实际为0位/],
    ]
    for (const [bad, message] of cases) {
      const r = checkIdNumber(bad, TODAY)
      expect(r.ok, bad).toBe(false)
      if (!r.ok) expect(r.message, bad).toMatch(message)
    }
  })

  it('refuses a birth date after today', () => {
    const first17 = '33010620300101001'
    const future = first17 + checkCharacter(first17)
    const r = checkIdNumber(future, TODAY)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(/晚于今天/)
    expect(checkIdNumber(future, '2031-01-01').ok).toBe(true)
  })

  it('says a number still being typed is incomplete, a wrong beginning at once', () => {
    const partial = checkIdNumber('330106', TODAY)
    expect(partial).toMatchObject({ ok: false, complete: false })
    const wrongProvince = checkIdNumber('99', TODAY)
    expect(wrongProvince).toMatchObject({ ok: false, complete: true })
    const letter = checkIdNumber('3301A', TODAY)
    expect(letter).toMatchObject({ ok: false, complete: true })
    expect(checkIdNumber('3301062015030700101', TODAY)).toMatchObject({ ok: false, complete: true })
  })

  it('catches every single-character change of valid numbers', () => {
    // A deterministic sweep instead of the Rust proptest: many valid numbers, every position,
    // every replacement.
    const provinces = ['11', '33', '44', '65', '81']
    let checked = 0
    for (const prov of provinces) {
      for (let k = 0; k < 6; k++) {
        const y = 1950 + k * 11
        const first17 = `${prov}${String(1000 + k * 1234).slice(-4)}${y}0${1 + k}1${k}${String(100 + k * 37).slice(-3)}`
        const id = first17 + checkCharacter(first17)
        expect(checkIdNumber(id, '2025-01-01').ok, id).toBe(true)
        for (let pos = 0; pos < 18; pos++) {
          for (const r of '0123456789X') {
            if (id[pos] === r) continue
            const changed = id.slice(0, pos) + r + id.slice(pos + 1)
            expect(checkIdNumber(changed, '2025-01-01').ok, `${id} -> ${changed}`).toBe(false)
            checked++
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(5000)
  })

  it('check characters and dates', () => {
    expect(checkCharacter('11010519491231002')).toBe('X')
    expect(checkCharacter('1101051949123100')).toBeNull()
    expect(parseBirthDate('20240229')).toBe('2024-02-29')
    expect(parseBirthDate('20230229')).toBeNull()
    expect(parseBirthDate('18991231')).toBeNull()
  })

  it('age on a date handles leap-day birthdays', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17)
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18)
    expect(ageOn('2008-02-29', '2000-01-01')).toBe(0)
    expect(ageOn('2015-03-07', '2024-03-06')).toBe(8)
    expect(ageOn('2015-03-07', '2024-03-07')).toBe(9)
  })
})
