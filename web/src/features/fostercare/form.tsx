import { useState } from 'react';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, ConflictError } from '../../api/client';
import { describeError, fieldKey, useReason } from '../../forms/errors';

/** Today's IST calendar day, a form's default date (the server checks it against its own clock). */
export const todayIst = () => new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);

/**
 * A foster-care form's errors: the server's reasons under the fields they name, anything else
 * above the form, and a stale version (409: someone changed the record meanwhile) said plainly.
 */
export function useLifeForm() {
  const { t } = useTranslation();
  const reason = useReason();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  return {
    errors,
    general,
    setErrors,
    reset: () => {
      setErrors({});
      setGeneral(null);
    },
    fail: (err: unknown) => {
      if (err instanceof ConflictError) setGeneral(t('fostering.stale'));
      else if (err instanceof ApiError && err.issues.length) {
        const next: Record<string, string> = {};
        for (const i of err.issues) next[fieldKey(i.field)] ??= reason(i.message) ?? i.message;
        setErrors(next);
        if (err.status === 409 || err.status === 403) setGeneral(err.message);
      } else setGeneral(describeError(t, err));
    },
  };
}

export function GeneralError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  );
}
