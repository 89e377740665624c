import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../src/access/roles';
import en from '../i18n/en.json';
import { MODULES, navFor, recordLinksFor, type AppModule } from './modules';
import { expectCompleteTranslations } from '../test/translations';
import { FEATURE_STRINGS } from '../i18n/features';

// (.tsx only because the suite picks up web tests by that extension.)
const get = (tree: unknown, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], tree);
const lookup = (key: string) =>
  get(en, key) ??
  Object.values(FEATURE_STRINGS)
    .map((b) => get(b.en, key))
    .find(Boolean);

describe('module registry', () => {
  it('finds the feature modules in web/src/features/*/module.ts', () => {
    expect(MODULES.map((m) => m.id)).toContain('registry');
  });

  it("every feature's own strings are complete in Hindi and Marathi, placeholders included", () => {
    expect(Object.keys(FEATURE_STRINGS)).toEqual(expect.arrayContaining(['cases', 'missing', 'registry/import']));
    for (const [id, b] of Object.entries(FEATURE_STRINGS)) expectCompleteTranslations(id, b);
  });

  it('every menu entry has an English label', () => {
    for (const m of MODULES) for (const n of m.nav ?? []) expect(lookup(n.labelKey), n.labelKey).toBeTruthy();
  });

  it('offers each role only what it may open', () => {
    const paths = (role: keyof typeof ROLE_PERMISSIONS) => navFor(MODULES, ROLE_PERMISSIONS[role]).map((n) => n.to);
    expect(paths('caseworker')).toEqual(expect.arrayContaining(['/children', '/families', '/map']));
    // Department nodal officers see names only (JJ Act 2015 s.74): no vulnerability map.
    expect(paths('nodal_officer')).toContain('/children');
    expect(paths('nodal_officer')).not.toContain('/map');
    // With no permission at all, only one's own account (password, sessions) is offered.
    expect(navFor(MODULES, []).map((n) => n.to)).toEqual(['/account']);
  });

  it('collects the links features put on record pages, for those allowed to follow them', () => {
    const extra: AppModule = {
      id: 'x',
      recordLinks: { family: [{ labelKey: 'nav.map', to: (id) => `/families/${id}/x`, anyOf: ['schemes.read'] }] },
    };
    expect(recordLinksFor([extra], 'family', ['schemes.read']).map((l) => l.to('f1'))).toEqual(['/families/f1/x']);
    expect(recordLinksFor([extra], 'family', ['registry.read'])).toEqual([]);
    expect(recordLinksFor([extra], 'child', ['schemes.read'])).toEqual([]);
  });
});
