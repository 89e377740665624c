// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { describedText, field, renderWithApp } from '../../test/harness';
import { expectCompleteTranslations } from '../../test/translations';
import { ROLE_PERMISSIONS } from '../../../../src/access/roles';
import { SPONSORSHIP_GROUNDS } from '../../../../src/care/sponsorship/sponsorship.model';
import { navFor } from '../../app/module-api';
import '../../app/modules';
import sponsorshipModule from './module';
import { SPONSORSHIP_TRANSLATIONS } from './i18n';
import { AbsenceForm, DecisionForm, GROUNDS } from './forms';
import type { Sponsorship } from './api';

/**
 * The sponsorship screen (issue #18): every ground the server accepts is offered and labelled in
 * three languages; the committee's decision sends the version and the Form 36 order only with a
 * sanction, and the server's reason lands under the field it names; a stale version is said plainly.
 */
type Sent = { url: string; method: string; body: unknown };
function answer(status: number, body: unknown) {
  const sent: Sent[] = [];
  globalThis.fetch = vi.fn(async (url: string, init?: RequestInit) => {
    sent.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return sent;
}
afterEach(cleanup);

const S: Sponsorship = {
  id: 's1',
  childId: '11111111-2222-4333-8444-555555555555',
  districtCode: 468,
  appliedOn: '2026-08-20',
  applicant: 'grandmother',
  ground: 'orphan_with_extended_family',
  status: 'applied',
  decidedOn: null,
  orderRef: null,
  monthlyAmount: null,
  lastReviewOn: null,
  absentSince: null,
  clocks: [],
  nextDue: '2026-11-20',
  overdue: true,
  paused: false,
  pauses: [],
  version: 2,
};

describe('sponsorship screen', () => {
  it('offers exactly the grounds the server accepts, each labelled in English, Hindi and Marathi', () => {
    expect([...GROUNDS]).toEqual([...SPONSORSHIP_GROUNDS]);
    expectCompleteTranslations('sponsorship', SPONSORSHIP_TRANSLATIONS);
    const en = SPONSORSHIP_TRANSLATIONS.en as { sponsorship: { ground: Record<string, string> } };
    for (const g of SPONSORSHIP_GROUNDS) expect(en.sponsorship.ground[g], g).toBeTruthy();
  });

  it("is in the district's menu, not the helpline's or an institution's", () => {
    const nav = (role: keyof typeof ROLE_PERMISSIONS) => navFor([sponsorshipModule], ROLE_PERMISSIONS[role]).map((n) => n.to);
    expect(nav('dcpu_officer')).toEqual(['/care/sponsorships']);
    expect(nav('cwc_member')).toEqual(['/care/sponsorships']);
    expect(nav('helpline_operator')).toEqual([]);
    expect(nav('cci_staff')).toEqual([]);
  });

  it("sends the committee's sanction with the Form 36 order and the version; the server's reason lands under its field", async () => {
    const { container } = await renderWithApp(<DecisionForm s={S} />);
    const sent = answer(400, {
      code: 'validation_failed',
      message: 'invalid',
      issues: [{ field: 'meetingOn', message: 'must be on or after the application (2026-08-20)' }],
    });
    fireEvent.change(field(container, 'meetingOn'), { target: { value: '2026-08-01' } });
    fireEvent.change(field(container, 'reasons'), { target: { value: ' no income ' } });
    fireEvent.change(field(container, 'orderRef'), { target: { value: 'F36/11' } });
    fireEvent.change(field(container, 'startsOn'), { target: { value: '2026-09-01' } });
    fireEvent.submit(screen.getByRole('form', { name: "Committee's decision" }));
    await waitFor(() => expect(describedText(field(container, 'meetingOn'))).toContain('2026-08-20'));
    expect(sent[0]).toEqual({
      url: '/api/v1/care/sponsorships/s1/decision',
      method: 'POST',
      body: {
        meetingOn: '2026-08-01',
        decision: 'sanctioned',
        reasons: 'no income',
        orderRef: 'F36/11',
        startsOn: '2026-09-01',
        version: 2,
      },
    });
  });

  it('a refusal sends no order; a stale version is said plainly, in Marathi too', async () => {
    const { container } = await renderWithApp(<DecisionForm s={S} />, 'mr');
    const sent = answer(409, { code: 'version_conflict', message: 'changed', issues: [], current: {} });
    fireEvent.change(field(container, 'decision'), { target: { value: 'refused' } });
    fireEvent.change(field(container, 'reasons'), { target: { value: 'income above the limit' } });
    fireEvent.submit(screen.getByRole('form', { name: 'समितीचा निर्णय' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('दरम्यान कोणीतरी'));
    expect(sent[0].body).toEqual({ meetingOn: expect.any(String), decision: 'refused', reasons: 'income above the limit', version: 2 });
    expect(() => field(container, 'orderRef')).toThrow();
  });

  it('records the return of a child absent from school when an absence is open', async () => {
    const { container } = await renderWithApp(<AbsenceForm s={{ ...S, status: 'sanctioned', absentSince: '2026-10-10' }} />);
    const sent = answer(200, { ...S, status: 'sanctioned' });
    fireEvent.change(field(container, 'backOn'), { target: { value: '2026-11-20' } });
    fireEvent.submit(screen.getByRole('form', { name: 'School absence' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].body).toEqual({ backOn: '2026-11-20', version: 2 });
  });
});
