import { useState, type FormEvent } from 'react';
import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { describeError } from '../forms/errors';
import { request } from '../api/client';

/** The server's reasons (src/auth/passwords.ts, account.service.ts) → this screen's words. */
const REASONS: [RegExp, string][] = [
  [/^is wrong$/, 'wrong'],
  [/^must be at least 12 characters$/, 'tooShort'],
  [/^is one of the most common passwords/, 'common'],
  [/^is a common word or pattern/, 'pattern'],
  [/^is mostly digits or symbols/, 'digits'],
  [/^is a keyboard or alphabet sequence/, 'sequence'],
  [/^must not contain the username/, 'username'],
  [/^must differ from the current password/, 'same'],
  [/too many wrong attempts/, 'tooMany'],
];
const reason = (t: TFunction, message: string) => {
  const hit = REASONS.find(([re]) => re.test(message));
  return hit ? t(`password.reasons.${hit[1]}`) : message;
};

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/**
 * Change one's own password: the current one (or the one-time password an administrator gave),
 * the new one twice. The server applies the rule (length, common passwords) and ends every
 * other session; its reasons land next to the field they are about.
 */
export function ChangePasswordForm({ oneTime = false, onChanged }: { oneTime?: boolean; onChanged?: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    confirm: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (f: Field) => (e: { currentTarget: { value: string } }) => {
    const v = e.currentTarget.value;
    setValues((old) => ({ ...old, [f]: v }));
    setErrors((old) => ({ ...old, [f]: undefined }));
    setDone(false);
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setGeneral(null);
    const local: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) local.currentPassword = t('reasons.required');
    if (values.newPassword.length < 12) local.newPassword = t('password.reasons.tooShort');
    if (values.confirm !== values.newPassword) local.confirm = t('password.mismatch');
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await request('POST', '/auth/password', {
        body: {
          currentPassword: values.currentPassword,
          newPassword: values.newPassword,
        },
      });
      setValues({ currentPassword: '', newPassword: '', confirm: '' });
      setDone(true);
      onChanged?.();
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) {
        const next: Partial<Record<Field, string>> = {};
        for (const i of err.issues) if (i.field === 'currentPassword' || i.field === 'newPassword') next[i.field] ??= reason(t, i.message);
        setErrors(next);
        if (!Object.keys(next).length) setGeneral(describeError(t, err));
      } else setGeneral(describeError(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate data-testid="change-password">
      <Stack gap="sm" maw={420}>
        <PasswordInput
          label={oneTime ? t('password.oneTime') : t('password.current')}
          name="currentPassword"
          autoComplete="current-password"
          required
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={errors.currentPassword}
        />
        <PasswordInput
          label={t('password.new')}
          name="newPassword"
          autoComplete="new-password"
          required
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errors.newPassword}
        />
        <PasswordInput
          label={t('password.confirm')}
          name="confirm"
          autoComplete="new-password"
          required
          value={values.confirm}
          onChange={set('confirm')}
          error={errors.confirm}
        />
        <Text size="xs" c="dimmed">
          {t('password.rule')}
        </Text>
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        {done && (
          <Alert color="green" role="status" data-testid="password-changed">
            {t('password.changed')}
          </Alert>
        )}
        <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
          {t('password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
