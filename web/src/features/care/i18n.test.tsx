import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../../src/access/roles';
import { INSTITUTION_TYPE_KEYS, PATHWAY_KINDS, PATHWAY_STAGES, STAY_STATUSES } from '../../../../src/care/domain/vocabulary';
import { navFor } from '../../app/module-api';
import { CARE_TRANSLATIONS } from './i18n';
import careModule from './module';
import { flatten as flat } from '../../test/translations';

const langs = { en: flat(CARE_TRANSLATIONS.en), hi: flat(CARE_TRANSLATIONS.hi), mr: flat(CARE_TRANSLATIONS.mr) };

describe('children-in-care screens', () => {
  it('labels every institution type, stay status and pathway stage the server knows', () => {
    for (const t of INSTITUTION_TYPE_KEYS) expect(langs.en.has(`care.type.${t}`), t).toBe(true);
    for (const s of PATHWAY_STAGES) expect(langs.en.has(`care.reintegration.stages.${s}`), s).toBe(true);
    for (const k of PATHWAY_KINDS)
      for (const l of ['en', 'hi', 'mr'] as const) expect(langs[l].has(`care.reintegration.kinds.${k}`), k).toBe(true);
    for (const s of STAY_STATUSES) expect(langs.en.has(`care.status.${s}`), s).toBe(true);
  });

  it('is in the menu of roles that read care records only', () => {
    const nav = (role: keyof typeof ROLE_PERMISSIONS) => navFor([careModule], ROLE_PERMISSIONS[role]).map((n) => n.to);
    const district = [
      '/care',
      '/care/targets',
      '/care/foster',
      '/care/ledger',
      '/care/gatekeeping',
      '/care/reintegration',
      '/care/adoption',
      '/care/aftercare',
      '/care/movements',
    ];
    expect(nav('dcpu_officer')).toEqual(district);
    expect(nav('cwc_member')).toEqual(district);
    // An institution's own staff: their institution, its children and its movement requests, not the district's foster care or ledger.
    expect(nav('cci_staff')).toEqual(['/care', '/care/targets', '/care/movements']);
    expect(nav('nodal_officer')).toEqual([]);
    expect(nav('helpline_operator')).toEqual([]);
  });
});
