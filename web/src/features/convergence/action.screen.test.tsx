// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { ME, renderWithApp } from '../../test/harness';
import '../../app/modules';
import { ActionItem } from './ActionPage';
import type { ActionDetail } from './types';

/**
 * One action item on its own page (issue #16): what, whose, by when and where it was decided,
 * its history, and the department's update sent with the version the page was read at.
 */
const ITEM: ActionDetail = {
  id: 'a1',
  caseRef: 'AMR/2026/0042',
  domain: 'education',
  description: 'Readmit the child to the village school',
  department: 'EDUCATION',
  officer: 'Block Education Officer',
  assignedOn: '2026-11-02',
  dueDate: '2026-11-20',
  status: 'open',
  doneOn: null,
  result: null,
  blockedReason: null,
  overdue: true,
  version: 3,
  meetingId: 'm1',
  groupId: 'g1',
  group: 'Amravati District Convergence Group',
  meetingDate: '2026-11-02',
  raisedOn: null,
  daysOverdue: 4,
  events: [
    {
      seq: 1,
      type: 'block',
      on: '2026-11-10',
      text: 'Transfer certificate awaited',

      by: { name: 'BEO', department: 'EDUCATION' },
    },
  ],
  allowedEvents: ['complete', 'reopen'],
  canUpdate: true,
};

type Sent = { url: string; method: string; body: unknown };
function serve() {
  const sent: Sent[] = [];
  const stub = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    sent.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return new Response(JSON.stringify(method === 'GET' ? ITEM : { ...ITEM, status: 'done', version: 4 }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  Object.defineProperty(globalThis, 'fetch', { configurable: true, get: () => stub, set: () => undefined });
  return sent;
}
afterEach(() => {
  cleanup();
  Object.defineProperty(globalThis, 'fetch', { configurable: true, writable: true, value: undefined });
});

describe('an action item on its own page', () => {
  it('shows the item, how late it is and its history, and sends "done" with the version read', async () => {
    const sent = serve();
    // The department's nodal officer: the one who may report on the item.
    const router = createRouter({
      routeTree: createRootRoute({ component: () => <ActionItem id="a1" /> }),
      history: createMemoryHistory({ initialEntries: ['/'] }),
    });
    await renderWithApp(<RouterProvider router={router} />, 'en', {
      ...ME,
      role: 'nodal_officer',
      permissions: ['convergence.read', 'convergence.act'],
    });
    await screen.findByText('Readmit the child to the village school');
    const page = screen.getByTestId('action-item').textContent ?? '';
    expect(page).toContain('AMR/2026/0042');
    expect(page).toContain('4 days overdue');
    expect(page).toContain('Transfer certificate awaited');
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Readmitted on 1 December' } });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(sent.filter((s) => s.method === 'POST')).toHaveLength(1));
    expect(sent.find((s) => s.method === 'POST')).toEqual({
      url: '/api/v1/convergence/actions/a1/events',
      method: 'POST',
      body: { type: 'complete', result: 'Readmitted on 1 December', version: 3 },
    });
  });
});
