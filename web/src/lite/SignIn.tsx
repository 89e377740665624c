import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../api/client';
import { describeError } from '../forms/errors';
import { LanguagePicker } from './Language';
import { PUBLIC_REPORT } from './paths';

/** A page for people who are not signed in, linked under the form (app/module-api.ts: publicPages). */
export interface PublicLink {
  path: string;
  labelKey: string;
}

/**
 * Signing in on the first download (main.tsx): the full app is not loaded yet, so its session
 * takes this answer instead of asking /auth/me again (auth/early-me.ts).
 */
async function firstSignIn(username: string, password: string) {
  const who = await request<unknown>('POST', '/auth/login', { body: { username, password }, expect401: true });
  window.__samanvayMe = Promise.resolve(
    new Response(JSON.stringify(who), { status: 200, headers: { 'content-type': 'application/json' } }),
  );
  try {
    localStorage.setItem('samanvay.signedIn', String(Date.now())); // other tabs follow (auth/session.tsx)
  } catch {
    // no storage: other tabs learn on their next request
  }
}

/**
 * The one sign-in page, in plain HTML (no Mantine, issue #17). The first download draws it
 * (main.tsx; then the full app opens at the same address), and so does the full app's session
 * gate when a session ends (app/router.tsx): there `signIn` is the session's own, so the screen
 * comes back at the same address with its draft, without a reload, and `ended` says why.
 */
export function SignIn({
  onSignedIn,
  signIn = firstSignIn,
  ended = false,
  links = [{ path: PUBLIC_REPORT, labelKey: 'signIn.reportChild' }],
}: {
  onSignedIn?: () => void;
  signIn?: (username: string, password: string) => Promise<unknown>;
  /** The session ended without her asking (expiry, sign-out in another tab). */
  ended?: boolean;
  links?: PublicLink[];
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!username.trim() || !password) return setError(t('signIn.missing'));
    setBusy(true);
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        const seconds = Number((err.body as { retryAfterSeconds?: number } | null)?.retryAfterSeconds ?? 900);
        setError(t('signIn.tooMany', { minutes: Math.max(1, Math.ceil(seconds / 60)) }));
      } else setError(err instanceof ApiError && err.status === 401 ? t('signIn.wrong') : describeError(t, err));
      setPassword('');
      setBusy(false);
      return;
    }
    // Still busy: this page is replaced by the app.
    onSignedIn?.();
  }

  return (
    <main className="lite-page lite-narrow">
      <div className="lite-card">
        <div className="lite-head">
          <div>
            <h1>{t('app.name')}</h1>
            <p className="lite-dim">{t('app.tagline')}</p>
          </div>
          <LanguagePicker />
        </div>
        {ended && (
          <p className="lite-alert lite-alert-yellow" role="status" data-testid="session-ended">
            {t('signIn.ended')}
          </p>
        )}
        <form onSubmit={onSubmit} noValidate>
          <div className="lite-field">
            <label htmlFor="lite-username">
              {t('signIn.username')} <span aria-hidden="true">*</span>
            </label>
            <input
              id="lite-username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
            />
          </div>
          <div className="lite-field">
            <label htmlFor="lite-password">
              {t('signIn.password')} <span aria-hidden="true">*</span>
            </label>
            <input
              id="lite-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
          </div>
          {error && (
            <p className="lite-alert lite-alert-red" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="lite-button" disabled={busy} aria-busy={busy}>
            {t('signIn.submit')}
          </button>
        </form>
      </div>
      <p className="lite-links" data-testid="public-links">
        {links.map((l) => (
          <a key={l.path} href={l.path}>
            {t(l.labelKey)}
          </a>
        ))}
      </p>
    </main>
  );
}
