import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../../src/access/roles';
import { APPLICATION_STATUSES } from '../../../../src/schemes/application-workflow';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '../../../../src/schemes/documents';
import { DEPARTMENT_KINDS } from '../../../../src/convergence/domain/types';
import { navFor } from '../../app/module-api';
import { SCHEMES_TRANSLATIONS } from './i18n';
import schemesModule from './module';
import { flatten as flat } from '../../test/translations';

const langs = { en: flat(SCHEMES_TRANSLATIONS.en), hi: flat(SCHEMES_TRANSLATIONS.hi), mr: flat(SCHEMES_TRANSLATIONS.mr) };

describe('schemes screens: translations', () => {
  it('every status, document and department has a label', () => {
    for (const map of Object.values(langs)) {
      for (const s of APPLICATION_STATUSES) expect(map.get(`schemes.appStatus.${s}`)).toBeTruthy();
      for (const s of DOCUMENT_STATUSES) expect(map.get(`schemes.docStatus.${s}`)).toBeTruthy();
      for (const d of DOCUMENT_TYPES) expect(map.get(`schemes.doc.${d}`)).toBeTruthy();
      for (const d of DEPARTMENT_KINDS) expect(map.get(`schemes.dept.${d}`)).toBeTruthy();
    }
  });

  it('Hindi and Marathi strings are written in Devanagari', () => {
    for (const lang of ['hi', 'mr'] as const) {
      const latinOnly = [...langs[lang]].filter(
        ([, v]) => !/[\u0900-\u097F]/.test(v) && /[a-z]{4,}/i.test(v.replace(/{{\w+}}/g, '')) && !/^(CSV|Excel)/.test(v),
      );
      expect(latinOnly, lang).toEqual([]);
    }
  });
});

describe('schemes screens: menu', () => {
  const paths = (role: keyof typeof ROLE_PERMISSIONS) => navFor([schemesModule], ROLE_PERMISSIONS[role]).map((n) => n.to);
  it('offers each role what it may open', () => {
    expect(paths('caseworker')).toEqual(['/scheme-worklist', '/scheme-outcomes', '/document-requests', '/schemes']);
    // A nodal officer sees figures and the requests to departments, not the worklist of reasons.
    expect(paths('nodal_officer')).toEqual(['/scheme-outcomes', '/document-requests', '/schemes']);
    expect(paths('admin')).toContain('/schemes');
    expect(paths('frontline_worker')).toEqual(['/scheme-outcomes', '/document-requests', '/schemes']);
    expect(paths('helpline_operator')).toEqual([]);
  });
});
