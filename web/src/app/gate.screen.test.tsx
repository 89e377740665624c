// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { createMemoryHistory, createRouter, RouterProvider } from '@tanstack/react-router';
import { ME, renderWithApp } from '../test/harness';
import { routeTree } from './router';

afterEach(cleanup);

/**
 * The full app's session gate draws the one sign-in page (lite/SignIn.tsx) when a session ends:
 * with the notice, the public links, the refusals, and the session's own sign-in (no reload).
 */
describe('the session gate', () => {
  it('shows the lite sign-in when the session ends, and signs in again at the same address', async () => {
    const router = createRouter({ routeTree, history: createMemoryHistory({ initialEntries: ['/families/new'] }) });
    await renderWithApp(<RouterProvider router={router} />);
    const posts: unknown[] = [];
    // After renderWithApp, which installs a fetch that refuses everything.
    globalThis.fetch = (async (url: string, init?: RequestInit) => {
      if (String(url) === '/api/v1/auth/login' && init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as { password: string };
        posts.push(body);
        return body.password === 'right-password'
          ? new Response(JSON.stringify(ME), { status: 200, headers: { 'content-type': 'application/json' } })
          : new Response(JSON.stringify({ code: 'invalid_credentials' }), { status: 401, headers: { 'content-type': 'application/json' } });
      }
      throw new Error(`unexpected fetch ${url}`);
    }) as typeof fetch;

    // Signed out in another tab (auth/session.tsx listens for this).
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: 'samanvay.signedOut', newValue: String(Date.now()) }));
    });
    // The lite sign-in is a lazily loaded screen: give it more than the default second on a busy machine.
    await screen.findByTestId('session-ended', {}, { timeout: 10_000 });
    expect(document.querySelector('.lite-page')).not.toBeNull();
    const links = screen.getByTestId('public-links').querySelectorAll('a');
    expect([...links].map((a) => a.getAttribute('href'))).toEqual(['/report-a-child']);

    const username = screen.getByRole('textbox', { name: /Username/ });
    const password = document.querySelector<HTMLInputElement>('input[name="password"]')!;
    fireEvent.change(username, { target: { value: ' caseworker.amravati ' } });
    fireEvent.change(password, { target: { value: 'wrong-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Username or password is wrong.');
    expect(password.value).toBe('');

    fireEvent.change(password, { target: { value: 'right-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull());
    expect(posts).toEqual([
      { username: 'caseworker.amravati', password: 'wrong-password' },
      { username: 'caseworker.amravati', password: 'right-password' },
    ]);
    expect(router.state.location.pathname).toBe('/families/new');
    expect(screen.queryByTestId('session-ended')).toBeNull();
  });
});
