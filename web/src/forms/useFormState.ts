import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { ApiError, ConflictError } from '../api/client';
import { describeError, issuesToErrors, splitServerIssues, type FieldErrors } from './errors';
import './zodMessages';

/**
 * The state every registry form shares: values, the reason next to each refused field,
 * a message above the form for anything else, and the submit sequence
 *   build payload → check with the same zod schema the server uses → send →
 *   a 400 from the server lands on the same fields.
 * A 409 is left to the screen (it shows both versions); a 401 to the session (sign-in).
 */
export function useFormState<V extends Record<string, unknown>>(initial: V, onValuesChange?: (v: V) => void) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusPending = useRef(false);

  const current = useRef(values);
  current.current = values;

  const set = useCallback(
    <K extends keyof V>(field: K, value: V[K]) => {
      const next = { ...current.current, [field]: value };
      current.current = next;
      setValues(next);
      onValuesChange?.(next);
      // The reason goes once the value changes: the next check decides again.
      setErrors((prev) => {
        if (!((field as string) in prev)) return prev;
        const { [field as string]: _gone, ...rest } = prev;
        return rest;
      });
    },
    [onValuesChange],
  );

  // Keyboard and screen-reader users land on the first refused field.
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  async function submit<S extends z.ZodType>(opts: {
    schema: S;
    payload: Record<string, unknown>;
    /**
     * Checks the server makes in its service layer (or that zod only reaches once every
     * field is valid), with the same words: run on the payload every time, so all the
     * reasons show at once.
     */
    extra?: (payload: Record<string, unknown>) => FieldErrors;
    /**
     * Gets the payload as built, not zod's output: the server parses it itself, and zod's
     * defaults (areaType 'rural', factors []) must not be sent as if the user chose them.
     */
    send: (data: Record<string, unknown>) => Promise<void>;
    fields: readonly string[];
  }) {
    setGeneral([]);
    const parsed = opts.schema.safeParse(opts.payload);
    const clientErrors = { ...(opts.extra?.(opts.payload) ?? {}), ...(parsed.success ? {} : issuesToErrors(parsed.error.issues)) };
    if (Object.keys(clientErrors).length) {
      focusPending.current = true;
      setErrors(clientErrors);
      const stray = Object.entries(clientErrors).filter(([k]) => !opts.fields.includes(k));
      if (stray.length) setGeneral(stray.map(([k, m]) => `${k}: ${m}`));
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      await opts.send(opts.payload as Record<string, unknown>);
    } catch (err) {
      if (err instanceof ConflictError) throw err;
      if (err instanceof ApiError && err.status === 400) {
        const split = splitServerIssues(err, opts.fields);
        focusPending.current = true;
        setErrors(split.fields);
        setGeneral(split.other);
      } else if (!(err instanceof ApiError && err.status === 401)) {
        setGeneral([describeError(t, err)]);
      }
    } finally {
      setSubmitting(false);
    }
  }

  return { values, set, setValues, errors, setErrors, general, submitting, submit, formRef };
}
