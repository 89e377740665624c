import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../../src/access/roles';
import { navFor } from '../../app/module-api';
import accountModule from './module';
import { shortAgent } from './AccountPage';

describe('account and users screens', () => {
  it('everyone has My account; only user managers have Users', () => {
    const nav = (role: keyof typeof ROLE_PERMISSIONS) => navFor([accountModule], ROLE_PERMISSIONS[role]).map((n) => n.to);
    expect(nav('admin')).toEqual(['/users', '/account']);
    expect(nav('frontline_worker')).toEqual(['/account']);
    expect(nav('helpline_operator')).toEqual(['/account']);
  });

  it('names a device by browser and system, never more than needed', () => {
    expect(shortAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36')).toBe(
      'Chrome 141 · Linux',
    );
    expect(shortAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe('Firefox 140 · Windows');
    expect(shortAgent(null)).toBe('—');
    expect(shortAgent('curl/8.5.0')).toBe('curl/8.5.0');
  });
});
