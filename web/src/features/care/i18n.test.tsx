import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../../src/access/roles';
import { INSTITUTION_TYPE_KEYS, STAY_STATUSES } from '../../../../src/care/domain/vocabulary';
import { navFor } from '../../app/module-api';
import { CARE_TRANSLATIONS } from './i18n';
import careModule from './module';

// (.tsx only because the suite picks up web tests by that extension.)
type Tree = { [k: string]: string | Tree };
const flat = (t: Tree, prefix = ''): Map<string, string> =>
  new Map(
    Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : [...flat(v, `${prefix}${k}.`)])),
  );
const langs = { en: flat(CARE_TRANSLATIONS.en), hi: flat(CARE_TRANSLATIONS.hi), mr: flat(CARE_TRANSLATIONS.mr) };

describe('children-in-care screens', () => {
  it('Hindi and Marathi have every English string, with the same placeholders', () => {
    const keys = [...langs.en.keys()].sort();
    expect([...langs.hi.keys()].sort()).toEqual(keys);
    expect([...langs.mr.keys()].sort()).toEqual(keys);
    const holes = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort().join();
    for (const [k, v] of langs.en) {
      expect(holes(langs.hi.get(k)!), `hi ${k}`).toBe(holes(v));
      expect(holes(langs.mr.get(k)!), `mr ${k}`).toBe(holes(v));
    }
  });

  it('labels every institution type and stay status the server knows', () => {
    for (const t of INSTITUTION_TYPE_KEYS) expect(langs.en.has(`care.type.${t}`), t).toBe(true);
    for (const s of STAY_STATUSES) expect(langs.en.has(`care.status.${s}`), s).toBe(true);
  });

  it('is in the menu of roles that read care records only', () => {
    const nav = (role: keyof typeof ROLE_PERMISSIONS) => navFor([careModule], ROLE_PERMISSIONS[role]).map((n) => n.to);
    expect(nav('dcpu_officer')).toEqual(['/care', '/care/targets']);
    expect(nav('cwc_member')).toEqual(['/care', '/care/targets']);
    expect(nav('nodal_officer')).toEqual([]);
    expect(nav('helpline_operator')).toEqual([]);
  });
});
