// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { renderWithApp } from '../../test/harness';
import { DeliveryBadge } from './Delivery';

/**
 * The call page's messages with 112 / 181: a message whose outbox row ended 'failed' (the server
 * reports delivery 'failed', src/helpline/partner.repository.ts) showed as "pending", as if it might
 * still arrive; it is said to have failed, in each language, with the outbox's last error.
 */
afterEach(cleanup);

const FAILED = { en: 'failed: not delivered', hi: 'विफल: नहीं पहुँचा', mr: 'अयशस्वी: पोहोचला नाही' } as const;
const PENDING = { en: 'pending', hi: 'लंबित', mr: 'प्रलंबित' } as const;

describe('partner message delivery on the call page', () => {
  for (const lang of ['en', 'hi', 'mr'] as const) {
    it(`a failed message reads as failed, not pending (${lang})`, async () => {
      const { container } = await renderWithApp(<DeliveryBadge delivery="failed" lastError="HTTP 503 from 112" />, lang);
      const text = container.textContent ?? '';
      expect(text).toContain(FAILED[lang]);
      expect(text).not.toContain(PENDING[lang]);
      expect(text).toContain('HTTP 503 from 112');
      expect(container.querySelector('[data-delivery]')?.getAttribute('data-delivery')).toBe('failed');
    });
  }

  it('a message on its way reads pending, an acknowledged one without its old error', async () => {
    const sending = await renderWithApp(<DeliveryBadge delivery="sending" lastError="timeout" />, 'en');
    expect(sending.container.textContent).toContain('pending');
    expect(sending.container.textContent).toContain('timeout');
    cleanup();
    const done = await renderWithApp(<DeliveryBadge delivery="acknowledged" lastError="timeout" />, 'en');
    expect(done.container.textContent).toContain('acknowledged');
    expect(done.container.textContent).not.toContain('timeout');
  });
});
