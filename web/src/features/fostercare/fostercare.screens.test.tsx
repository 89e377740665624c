// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { describedText, field, renderWithApp } from '../../test/harness';
import '../../app/modules';
import { ROLE_PERMISSIONS } from '../../../../src/access/roles';
import { MATCH_EXCLUSIONS, MATCH_REASONS } from '../../../../src/care/domain/matching';
import { PLACEMENT_END_REASONS } from '../../../../src/care/domain/placement-end';
import { navFor } from '../../app/module-api';
import { flatten as flat } from '../../test/translations';
import { FOSTERING_TRANSLATIONS } from './i18n';
import fosterModule from './module';
import { END_REASONS, EndPlacementForm, VisitForm } from './PlacementForms';
import type { FosterPlacement } from './api';

/**
 * The foster care lifecycle screens (issue #14): ending a placement sends the CWC's order with
 * the version and says a stale one plainly; a visit with a concern needs it in words before
 * anything is sent; every reason the server can give has words in the three languages.
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
const submit = (name: string) => fireEvent.submit(screen.getByRole('form', { name }));
afterEach(cleanup);

const PLACEMENT: FosterPlacement = {
  id: 'pl1',
  childId: '11111111-2222-4333-8444-555555555555',
  kind: 'foster',
  carer: 'Wankhade family',
  carerId: 'c1',
  orderRef: 'CWC/AMR/F32/1',
  startedOn: '2026-10-01',
  endedOn: null,
  nextInspectionDue: '2026-11-01',
  inspectionOverdue: true,
  version: 4,
};

describe('ending a foster placement', () => {
  it("sends the reason, the day and the CWC's order with the version, and says what the ledger did", async () => {
    const { container } = await renderWithApp(<EndPlacementForm placement={PLACEMENT} />);
    const sent = answer(200, { withheldMonths: ['2026-12'], paidAfterEnd: [], careStatus: 'birth_family', aftercareProposed: false });
    fireEvent.change(field(container, 'endedOn'), { target: { value: '2026-11-30' } });
    fireEvent.change(field(container, 'orderRef'), { target: { value: ' CWC/AMR/R-12 ' } });
    submit('End the placement on the CWC’s order');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('2026-12'));
    expect(sent[0]).toEqual({
      url: '/api/v1/care/family-placements/pl1/end',
      method: 'POST',
      body: { reason: 'restored_to_family', endedOn: '2026-11-30', orderRef: 'CWC/AMR/R-12', version: 4 },
    });
  });

  it('says plainly that someone changed the placement meanwhile (409)', async () => {
    await renderWithApp(<EndPlacementForm placement={PLACEMENT} />);
    answer(409, { code: 'version_conflict', message: 'The placement was changed by someone else', current: { version: 5 } });
    submit('End the placement on the CWC’s order');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Someone changed this record meanwhile'));
  });

  it("puts the server's reason under the day", async () => {
    const { container } = await renderWithApp(<EndPlacementForm placement={PLACEMENT} />);
    answer(400, {
      code: 'validation_failed',
      message: 'invalid',
      issues: [{ field: 'endedOn', message: 'the child turns 18 on 2027-03-01' }],
    });
    submit('End the placement on the CWC’s order');
    await waitFor(() => expect(describedText(field(container, 'endedOn'))).toContain('2027-03-01'));
  });
});

describe('the monthly visit (Form 35)', () => {
  it('asks for the concern in words before sending, then sends the child seen alone', async () => {
    const { container } = await renderWithApp(<VisitForm placement={PLACEMENT} />);
    const sent = answer(201, { ...PLACEMENT, inspections: [] });
    fireEvent.change(field(container, 'wellbeing'), { target: { value: 'concern' } });
    fireEvent.change(field(container, 'findings'), { target: { value: 'quiet' } });
    submit('Monthly visit (Form 35)');
    await waitFor(() => expect(describedText(field(container, 'concerns'))).toContain('Say what the concern is'));
    expect(sent).toEqual([]);
    fireEvent.click(field(container, 'childSeenAlone'));
    fireEvent.change(field(container, 'concerns'), { target: { value: 'misses her brother' } });
    submit('Monthly visit (Form 35)');
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].body).toMatchObject({ wellbeing: 'concern', childSeenAlone: true, concerns: 'misses her brother' });
  });
});

describe('words and menu', () => {
  const langs = { en: flat(FOSTERING_TRANSLATIONS.en), hi: flat(FOSTERING_TRANSLATIONS.hi), mr: flat(FOSTERING_TRANSLATIONS.mr) };
  it('labels every match reason, exclusion and end reason the server can give, in each language', () => {
    expect([...END_REASONS]).toEqual([...PLACEMENT_END_REASONS]);
    for (const l of Object.values(langs)) {
      for (const r of MATCH_REASONS) expect(l.has(`fostering.match.reason.${r}`), r).toBe(true);
      for (const r of MATCH_EXCLUSIONS) expect(l.has(`fostering.match.exclusion.${r}`), r).toBe(true);
      for (const r of PLACEMENT_END_REASONS) expect(l.has(`fostering.end.reasons.${r}`), r).toBe(true);
    }
  });
  it("is the district's menu, not an institution's staff's", () => {
    const nav = (role: keyof typeof ROLE_PERMISSIONS) => navFor([fosterModule], ROLE_PERMISSIONS[role]).map((n) => n.to);
    expect(nav('dcpu_officer')).toEqual(['/care/foster/match', '/care/foster/placements', '/care/foster/renewals']);
    expect(nav('cwc_member')).toEqual(['/care/foster/match', '/care/foster/placements', '/care/foster/renewals']);
    expect(nav('cci_staff')).toEqual([]);
    expect(nav('nodal_officer')).toEqual([]);
  });
});
