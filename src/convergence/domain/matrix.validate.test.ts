import { describe, expect, it } from 'vitest';
import defaultJson from './matrix.default.json';
import { loadDefaultMatrix, parseMatrix, safeParseMatrix, MatrixValidationError } from './matrix';
import { CONVERGENCE_DOMAINS } from './types';

const clone = () => JSON.parse(JSON.stringify(defaultJson));

describe('convergence matrix validation', () => {
  it('accepts the bundled matrix, which covers every domain with a district lead', () => {
    const m = loadDefaultMatrix();
    expect(m.cells.length).toBeGreaterThan(50);
    for (const d of CONVERGENCE_DOMAINS) {
      expect(m.cells.some((c) => c.domain === d && c.level === 'district' && c.responsibility === 'lead')).toBe(true);
    }
  });

  it('names the path and the allowed values for an unknown department', () => {
    const bad = clone();
    bad.cells[2].department = 'FORESTS';
    const r = safeParseMatrix(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatch(/^cells\[2\]\.department: /);
    expect(r.issues[0]).toContain('DWCD');
  });

  it('reports duplicates, unknown programmes, missing leads and bad dates together', () => {
    const bad = clone();
    bad.effectiveFrom = '2025-02-30';
    bad.cells.push({ ...bad.cells[0] });
    bad.cells[1].programmes = ['ICDS', 'NOPE'];
    bad.cells = bad.cells.filter(
      (c: { domain: string; level: string; responsibility: string }) =>
        !(c.domain === 'psychosocial' && c.level === 'district' && c.responsibility === 'lead'),
    );
    const r = safeParseMatrix(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.issues.join('\n');
    expect(text).toContain('effectiveFrom: is not a real date');
    expect(text).toMatch(/cells\[\d+\]: duplicate cell health × HEALTH × village \(first at cells\[0\]\)/);
    expect(text).toContain('cells[1].programmes[1]: unknown programme "NOPE"');
    expect(text).toContain('domain "psychosocial" has no lead department at district level');
  });

  it('rejects unknown keys (typos do not pass silently) and throws a readable error', () => {
    const bad = clone();
    bad.cells[0].responsability = 'lead';
    expect(() => parseMatrix(bad)).toThrow(MatrixValidationError);
    try {
      parseMatrix(bad);
    } catch (e) {
      expect((e as MatrixValidationError).message).toMatch(/Invalid convergence matrix:\n- cells\[0\]/);
      expect((e as MatrixValidationError).message).toContain('responsability');
    }
  });
});
