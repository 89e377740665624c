import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors';
import { mayAct, requireScope, SCOPE_REQUIREMENTS, type Actor, type ScopeLevel } from './policy';
import { ROLES, roleHas } from './roles';

/** Actions that need a jurisdiction as well as a permission (the match model is the deployment's, issue #15). */
const LEVELS: ScopeLevel[] = ['national', 'state', 'district', 'subdistrict', 'block', 'village'];
const actor = (role: Actor['role'], level: ScopeLevel): Actor => ({
  userId: '00000000-0000-0000-0000-000000000001',
  username: 'u',
  displayName: 'U',
  role,
  organisationId: null,
  organisationKind: null,
  scope: { level, stateCode: 27, districtCode: 503 },
});

describe('scope requirements', () => {
  it('lets only a role with missing.model at state or national level replace the match model', () => {
    for (const role of ROLES)
      for (const level of LEVELS) {
        const expected = roleHas(role, 'missing.model') && (level === 'state' || level === 'national');
        expect(mayAct(actor(role, level), 'missing.model.replace'), `${role}@${level}`).toBe(expected);
      }
  });

  it('refuses without the permission as forbidden, and at a narrower jurisdiction naming the scope', () => {
    const noPermission = ROLES.find((r) => !roleHas(r, 'missing.model'))!;
    const withPermission = ROLES.find((r) => roleHas(r, 'missing.model'))!;
    const refusal = (a: Actor) => {
      try {
        requireScope(a, 'missing.model.replace');
        return null;
      } catch (e) {
        return e as HttpError;
      }
    };
    expect(refusal(actor(noPermission, 'national'))).toMatchObject({ status: 403, code: 'forbidden' });
    const district = refusal(actor(withPermission, 'district'));
    expect(district).toMatchObject({ status: 403, code: SCOPE_REQUIREMENTS['missing.model.replace'].code });
    expect(district?.issues?.[0].field).toBe('scope');
    expect(refusal(actor(withPermission, 'state'))).toBeNull();
  });
});
