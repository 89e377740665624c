// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { describedText, field, renderWithApp } from '../../test/harness';
import '../../app/modules';
import { RecipientsPanel } from './RecipientsPanel';

/**
 * The monthly report's recipients (issue #16): a malformed address is caught before anything is
 * sent, a duplicate (409) is said under the address, a removal names the district. The network is a
 * stub answering by method and recording what was sent.
 */
type Sent = { url: string; method: string; body: unknown };
const LIST = { items: [{ id: 'r1', address: 'scps@mh.test', lang: 'mr', addedAt: '2026-11-01T05:00:00.000Z' }] };

function serve(post: { status: number; body: unknown }) {
  const sent: Sent[] = [];
  const stub = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    sent.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const [status, body] = method === 'GET' ? [200, LIST] : method === 'POST' ? [post.status, post.body] : [200, { ok: true }];
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  // The panel reads its list as it mounts: the stub stays in place when the harness installs its own.
  Object.defineProperty(globalThis, 'fetch', { configurable: true, get: () => stub, set: () => undefined });
  return sent;
}
const writes = (sent: Sent[]) => sent.filter((s) => s.method !== 'GET');
const submit = (name: string) => fireEvent.submit(screen.getByRole('form', { name }));
afterEach(() => {
  cleanup();
  Object.defineProperty(globalThis, 'fetch', { configurable: true, writable: true, value: undefined });
});

describe('who receives the monthly report', () => {
  it('lists the recipients with their language, and refuses a malformed address before sending', async () => {
    const sent = serve({ status: 201, body: {} });
    const { container } = await renderWithApp(<RecipientsPanel district={468} />);
    const row = (await screen.findByText('scps@mh.test')).closest('tr')!;
    expect(row.textContent).toContain('मराठी');
    fireEvent.change(field(container, 'address'), { target: { value: 'not an address' } });
    submit('Add recipient');
    await waitFor(() => expect(describedText(field(container, 'address'))).toContain('Enter an e-mail address'));
    expect(writes(sent)).toEqual([]);
  });

  it('sends the trimmed address with the chosen language and the district', async () => {
    const sent = serve({ status: 201, body: { id: 'r2', address: 'dcpu@mh.test', lang: 'hi', addedAt: '2026-11-02T05:00:00.000Z' } });
    const { container } = await renderWithApp(<RecipientsPanel district={468} />);
    await screen.findByText('scps@mh.test');
    fireEvent.change(field(container, 'address'), { target: { value: '  dcpu@mh.test ' } });
    fireEvent.change(field(container, 'lang'), { target: { value: 'hi' } });
    submit('Add recipient');
    await waitFor(() => expect(writes(sent)).toHaveLength(1));
    expect(writes(sent)[0]).toEqual({
      url: '/api/v1/reports/mission-vatsalya/recipients',
      method: 'POST',
      body: { district: 468, address: 'dcpu@mh.test', lang: 'hi' },
    });
  });

  it('says a duplicate under the address (409), and removes one for the district', async () => {
    const sent = serve({
      status: 409,
      body: {
        error: 'duplicate',
        message: 'This address already receives the report',
        issues: [{ field: 'address', message: 'already listed' }],
      },
    });
    const { container } = await renderWithApp(<RecipientsPanel district={468} />, 'hi');
    await screen.findByText('scps@mh.test');
    fireEvent.change(field(container, 'address'), { target: { value: 'SCPS@mh.test' } });
    submit('प्राप्तकर्ता जोड़ें');
    await waitFor(() => expect(describedText(field(container, 'address'))).toContain('इस पते पर रिपोर्ट पहले से जाती है'));
    fireEvent.click(screen.getByRole('button', { name: 'scps@mh.test हटाएँ' }));
    await waitFor(() => expect(writes(sent).some((s) => s.method === 'DELETE')).toBe(true));
    expect(writes(sent).find((s) => s.method === 'DELETE')!.url).toBe('/api/v1/reports/mission-vatsalya/recipients/r1?district=468');
  });

  it('for a state (the quarterly state report, in Marathi): its own title, and the state sent with the list and the new address', async () => {
    const sent = serve({ status: 201, body: { id: 'r3', address: 'wcd@mh.test', lang: 'en', addedAt: '2026-11-02T05:00:00.000Z' } });
    const { container } = await renderWithApp(<RecipientsPanel state={27} />, 'mr');
    expect(await screen.findByText('त्रैमासिक राज्य अहवाल कोणाला मिळतो')).toBeTruthy();
    await screen.findByText('scps@mh.test');
    expect(sent[0].url).toBe('/api/v1/reports/mission-vatsalya/recipients?state=27');
    fireEvent.change(field(container, 'address'), { target: { value: 'wcd@mh.test' } });
    submit('प्राप्तकर्ता जोडा');
    await waitFor(() => expect(writes(sent)).toHaveLength(1));
    expect(writes(sent)[0].body).toEqual({ state: 27, address: 'wcd@mh.test', lang: 'en' });
  });
});
