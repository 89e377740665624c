import { describe, expect, it } from 'vitest';
import { CARINGS_MAPPING, CARINGS_SOURCES, caringsMappingSchema, caringsRow, type CaringsFacts } from './mapping';
import { CARINGS_MAPPING_DATA } from './mapping.data';

/** The CARINGS mapping is data: it is refused when a column repeats or a source is unknown, and rows follow it. */
const blank = Object.fromEntries(CARINGS_SOURCES.map((s) => [s, null])) as CaringsFacts;

describe('the CARINGS mapping', () => {
  it('documents every column: a CARINGS field, a known source and a meaning', () => {
    for (const f of CARINGS_MAPPING.fields) expect(f.meaning.length).toBeGreaterThan(5);
    expect(CARINGS_MAPPING.assumptions.length).toBeGreaterThan(0);
  });

  it('refuses a column named twice and a source nobody gathers', () => {
    const twice = { ...CARINGS_MAPPING_DATA, fields: [...CARINGS_MAPPING_DATA.fields, CARINGS_MAPPING_DATA.fields[0]] };
    expect(caringsMappingSchema.safeParse(twice).success).toBe(false);
    const unknown = { ...CARINGS_MAPPING_DATA, fields: [{ ...CARINGS_MAPPING_DATA.fields[0], from: 'child.aadhaar' }] };
    expect(caringsMappingSchema.safeParse(unknown).success).toBe(false);
  });

  it('writes the sex, category and yes/no as CARINGS reads them, and names the required columns left blank', () => {
    const { row, missing } = caringsRow({
      ...blank,
      'child.sex': 'female',
      'case.category': 'surrendered',
      'child.dobEstimated': true,
      'child.disability': null,
      'child.name': 'Asha',
    });
    expect(row).toMatchObject({ sex: 'Female', child_category: 'Surrendered', date_of_birth_estimated: 'Yes', special_needs: 'No' });
    expect(missing).toContain('lfa_certificate_ref');
    expect(missing).not.toContain('child_name');
    // "other"/"unknown" in the registry are not CARINGS choices: the SAA fills the cell in.
    expect(caringsRow({ ...blank, 'child.sex': 'unknown' }).missing).toContain('sex');
  });
});
