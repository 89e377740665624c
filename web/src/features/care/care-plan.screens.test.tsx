// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { describedText, field, renderWithApp } from '../../test/harness';
import '../../app/modules';
import { StayTable } from './InstitutionPage';
import { ICP_DOMAINS, ICP_PREFERENCES, REVIEW_OUTCOMES, type Stay } from './api';
import * as vocabulary from '../../../../src/care/domain/vocabulary';

/**
 * The Individual Care Plan from the institution's children (JJ Model Rules 2016 r.69, Form 7): a
 * child without a plan is offered *Prepare the care plan*, one with a plan *Record a review* (with the
 * plan's version); a missing need is said under its field before anything is sent, the server's
 * reason lands under the goal field it names, a stale review (409) is said plainly. The network is
 * a stub that records what was sent.
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

const base = { institutionId: 'i1', orderBy: 'cwc', orderType: 'cci_placement', admittedOn: '2026-11-20', status: 'in_care' };
const NO_PLAN: Stay = { ...base, id: 's1', childId: 'c1', childName: 'Asha', icpDue: '2026-12-20', planId: null, planVersion: null };
const PLANNED: Stay = { ...base, id: 's2', childId: 'c2', childName: 'Ravi', icpDue: '2027-02-01', planId: 'p2', planVersion: 3 };
/** The table links each child to its record: it renders inside a router. */
async function show(items: Stay[], canWrite: boolean, lang: 'en' | 'hi' | 'mr' = 'en') {
  const ui = <StayTable items={items} canWrite={canWrite} />;
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  const r = await renderWithApp(<RouterProvider router={router} />, lang);
  await screen.findByRole('table');
  return r;
}
const row = (name: string) => screen.getByRole('row', { name: new RegExp(name) });

describe('the care plan on the children in care', () => {
  it('keeps the vocabulary of the server', () => {
    expect(ICP_PREFERENCES).toEqual(vocabulary.ICP_PREFERENCES);
    expect(ICP_DOMAINS).toEqual(vocabulary.ICP_DOMAINS);
    expect(REVIEW_OUTCOMES).toEqual(vocabulary.REVIEW_OUTCOMES);
  });

  it('offers no button to a role without care.write', async () => {
    await show([NO_PLAN, PLANNED], false);
    expect(screen.queryByRole('button', { name: 'Prepare the care plan' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record a review' })).toBeNull();
  });

  it('prepares a plan: the need asked for under its field, then the goal sent; the server’s reason under its goal field', async () => {
    const { container } = await show([NO_PLAN, PLANNED], true);
    expect(within(row('Ravi')).queryByRole('button', { name: 'Prepare the care plan' })).toBeNull();
    fireEvent.click(within(row('Asha')).getByRole('button', { name: 'Prepare the care plan' }));
    const sent = answer(400, {
      code: 'validation_failed',
      message: 'invalid',
      issues: [{ field: 'goals.0.intervention', message: 'is too long (500 characters at most)' }],
    });
    fireEvent.submit(screen.getByRole('form', { name: 'Prepare the care plan' }));
    await waitFor(() => expect(describedText(field(container, 'need'))).toContain('Say what the child needs'));
    expect(describedText(field(container, 'intervention'))).toContain('Say what will be done');
    expect(sent).toEqual([]);
    fireEvent.change(field(container, 'preparedOn'), { target: { value: '2026-12-01' } });
    fireEvent.change(field(container, 'preferredOption'), { target: { value: 'kinship' } });
    fireEvent.change(field(container, 'domain'), { target: { value: 'health' } });
    fireEvent.change(field(container, 'need'), { target: { value: ' eye test ' } });
    fireEvent.change(field(container, 'intervention'), { target: { value: 'PHC visit' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Prepare the care plan' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      url: '/api/v1/care/stays/s1/plan',
      method: 'POST',
      body: {
        preparedOn: '2026-12-01',
        preferredOption: 'kinship',
        goals: [{ domain: 'health', need: 'eye test', intervention: 'PHC visit' }],
      },
    });
    await waitFor(() => expect(describedText(field(container, 'intervention'))).toMatch(/500/));
    expect(screen.getByLabelText('What the child needs')).toBeTruthy();
  });

  it('records a review with the plan’s version; a stale one (409) is said plainly', async () => {
    const { container } = await show([NO_PLAN, PLANNED], true);
    expect(within(row('Asha')).queryByRole('button', { name: 'Record a review' })).toBeNull();
    fireEvent.click(within(row('Ravi')).getByRole('button', { name: 'Record a review' }));
    const sent = answer(409, { code: 'version_conflict', message: 'The care plan was reviewed by someone else', current: { version: 4 } });
    fireEvent.change(field(container, 'reviewedOn'), { target: { value: '2026-12-05' } });
    fireEvent.change(field(container, 'outcome'), { target: { value: 'ready_for_restoration' } });
    fireEvent.change(field(container, 'notes'), { target: { value: ' mother visits weekly ' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Record a review' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/changed or decided this record meanwhile/);
    expect(sent[0]).toEqual({
      url: '/api/v1/care/plans/p2/reviews',
      method: 'POST',
      body: { reviewedOn: '2026-12-05', outcome: 'ready_for_restoration', notes: 'mother visits weekly', version: 3 },
    });
  });

  it('is worded in Hindi and Marathi', async () => {
    await show([NO_PLAN], true, 'hi');
    fireEvent.click(screen.getByRole('button', { name: 'व्यक्तिगत देखभाल योजना तैयार करें' }));
    expect(screen.getByLabelText('बच्चे की ज़रूरत')).toBeTruthy();
    cleanup();
    await show([NO_PLAN], true, 'mr');
    fireEvent.click(screen.getByRole('button', { name: 'वैयक्तिक काळजी योजना तयार करा' }));
    expect(screen.getByLabelText('बालकाची गरज')).toBeTruthy();
  });
});
