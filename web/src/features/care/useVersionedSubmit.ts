import { useState, type FormEvent } from 'react';
import { useCareForm } from './forms';

/** What a care mutation gives the hook (a TanStack `useMutation` result fits). */
export interface SubmitMutation<B> {
  mutate: (body: B, callbacks: { onSuccess: () => void; onError: (err: unknown) => void }) => void;
  isPending: boolean;
}

export interface VersionedSubmitOptions<F extends Record<string, unknown>, B> {
  /** The form's starting values (kept to start again after a success when `resetOnSuccess`). */
  initial: F;
  mutation: SubmitMutation<B>;
  /** The body sent, from the form (trim here). `version` is added to it when given. */
  toBody: (form: F) => B;
  /** The record's version: sent with the body so two people acting at once get a 409, never an overwrite. */
  version?: number;
  /** A check made before sending: errors by field name stop the request. */
  validate?: (form: F) => Record<string, string> | null;
  onSuccess?: () => void;
  resetOnSuccess?: boolean;
}

/**
 * The one submit path of the care forms: the form's state, the body with the record's version,
 * the server's reasons under the fields they name (`useCareForm`), a stale version (409) said
 * plainly above the form, and an optional check before anything is sent. `field(k)` gives an
 * input its name, value, change handler and error.
 */
export function useVersionedSubmit<F extends Record<string, unknown>, B>(opts: VersionedSubmitOptions<F, B>) {
  const f = useCareForm();
  const [form, setForm] = useState<F>(opts.initial);
  const put = <K extends keyof F>(k: K, v: F[K]) => setForm((s) => ({ ...s, [k]: v }));
  function submit(e?: FormEvent) {
    e?.preventDefault();
    f.reset();
    const refused = opts.validate?.(form);
    if (refused && Object.keys(refused).length) {
      f.setErrors(refused);
      return;
    }
    const body = opts.toBody(form);
    const sent = (opts.version === undefined ? body : { ...body, version: opts.version }) as B;
    opts.mutation.mutate(sent, {
      onSuccess: () => {
        if (opts.resetOnSuccess) setForm(opts.initial);
        opts.onSuccess?.();
      },
      onError: f.fail,
    });
  }
  const field = (k: keyof F & string) => ({
    name: k,
    value: String(form[k] ?? ''),
    onChange: (e: { currentTarget: { value: string } }) => put(k, e.currentTarget.value as F[typeof k]),
    error: f.errors[k],
  });
  return { form, put, field, submit, errors: f.errors, general: f.general, pending: opts.mutation.isPending };
}
