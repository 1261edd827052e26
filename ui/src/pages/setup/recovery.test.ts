import { describe, expect, it } from 'vitest'
import { formatCode, groupLabel, normalizeGroup, pickPositions, wrongGroups } from './recovery'

const CODE = 'ABCDE-FGH12-34567-89JKM-NPQRS-TVWXY'

describe('recovery code confirmation', () => {
  it('asks three different positions in order, at random', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 200; i++) {
      const p = pickPositions()
      expect(p).toHaveLength(3)
      expect(new Set(p).size).toBe(3)
      expect([...p].sort((a, b) => a - b)).toEqual(p)
      for (const x of p) expect(x).toBeGreaterThanOrEqual(0)
      for (const x of p) expect(x).toBeLessThan(6)
      seen.add(p.join(','))
    }
    expect(seen.size).toBeGreaterThan(5)
  })

  it('is deterministic for a given random source', () => {
    expect(pickPositions(() => 0)).toEqual(pickPositions(() => 0))
  })

  it('reads typed groups as the backend does', () => {
    expect(normalizeGroup(' fgh i2 ')).toBe('FGH12')
    expect(normalizeGroup('np-qrs')).toBe('NPQRS')
    expect(normalizeGroup('o0Ll1')).toBe('00111')
  })

  it('names the wrong groups and accepts the right ones', () => {
    expect(wrongGroups(CODE, [0, 2, 5], ['abcde', '34567', 'tvwxy'])).toEqual([])
    expect(wrongGroups(CODE, [1, 3, 4], ['fgh1i'.replace('i', '2'), '89JKM', 'XXXXX'])).toEqual([4])
    expect(wrongGroups(CODE, [0, 1, 2], ['', '', ''])).toEqual([0, 1, 2])
    expect(groupLabel(4)).toBe('第5组')
  })

  it('formats a typed code in groups of five', () => {
    expect(formatCode('abcdefgh12')).toBe('ABCDE-FGH12')
    expect(formatCode('ABCDE-FGH12-34567-89JKM-NPQRS-TVWXY-extra')).toBe(CODE)
    expect(formatCode('abc')).toBe('ABC')
    expect(formatCode('')).toBe('')
  })
})
