import { useState } from 'react';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, ConflictError } from '../../api/client';
import { describeError, useReason } from '../../forms/errors';

/**
 * The errors of a care form: the server's reasons under the fields they name (in the user's
 * language where the reason is a known one), anything else above the form, and a stale version
 * (409: someone else changed or decided the record meanwhile) said plainly, under `staleKey`
 * (a module's own wording). A 403 or 409 with reasons also says the server's text above the form.
 */
export function useCareForm(staleKey = 'care.stale') {
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
      if (err instanceof ConflictError) setGeneral(t(staleKey));
      else if (err instanceof ApiError && err.issues.length) {
        const next: Record<string, string> = {};
        // Array indices kept: a reason belongs under one option's field (options.1.reason).
        for (const i of err.issues) next[i.field.replace(/^body\./, '')] ??= reason(i.message) ?? i.message;
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
