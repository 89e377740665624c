import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../api/client';
import { describeError } from '../forms/errors';
import { LanguagePicker } from './Language';
import { PUBLIC_REPORT } from './paths';

/**
 * The sign-in page of the first download (main.tsx): the same fields, words and refusals as
 * auth/SignInPage.tsx (which the full app shows when a session ends), in plain HTML. After
 * sign-in the full app opens at the same address; its session starts from this answer.
 */
export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
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
      const who = await request<unknown>('POST', '/auth/login', { body: { username: username.trim(), password }, expect401: true });
      // The full app's session takes this answer instead of asking /auth/me again (auth/early-me.ts).
      window.__samanvayMe = Promise.resolve(
        new Response(JSON.stringify(who), { status: 200, headers: { 'content-type': 'application/json' } }),
      );
      try {
        localStorage.setItem('samanvay.signedIn', String(Date.now())); // other tabs follow (auth/session.tsx)
      } catch {
        // no storage: other tabs learn on their next request
      }
      onSignedIn();
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        const seconds = Number((err.body as { retryAfterSeconds?: number } | null)?.retryAfterSeconds ?? 900);
        setError(t('signIn.tooMany', { minutes: Math.max(1, Math.ceil(seconds / 60)) }));
      } else setError(err instanceof ApiError && err.status === 401 ? t('signIn.wrong') : describeError(t, err));
      setPassword('');
      setBusy(false);
    }
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
        <a href={PUBLIC_REPORT}>{t('signIn.reportChild')}</a>
      </p>
    </main>
  );
}
