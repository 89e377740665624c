import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../server';
import { setPartnerConfig } from './partner.service';

/** A partner secret too short to sign with stops the start, naming the setting (not a 500 on each message). */
describe('partner secrets at start-up', () => {
  afterEach(() => {
    delete process.env.HELPLINE_181_SECRET;
    setPartnerConfig(null);
  });
  it('refuses to start with a secret shorter than 32 characters, naming the setting', async () => {
    process.env.HELPLINE_181_SECRET = 'too-short';
    setPartnerConfig(null);
    await expect(startServer({ port: 0 })).rejects.toThrow(/HELPLINE_181_SECRET is 9 characters long.*at least 32/);
  });
});
