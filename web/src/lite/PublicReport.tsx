import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SEXES } from '../../../src/registry/vocabulary';
import { CURRENT_CARE, type RecordKind } from '../../../src/missing/domain/vocabulary';
import { request } from '../api/client';
import { addTranslations } from '../i18n';
import { MISSING_TRANSLATIONS } from '../features/missing/i18n';
import { blank, type Values } from '../features/missing/report-fields';
import type { District } from '../features/missing/types';
import { LanguagePicker } from './Language';
import { PhoneLinks } from './PhoneLinks';
import type { Outcome } from './public-submit';

// Opened without signing in, so without the shell that brings every feature's strings.
addTranslations(MISSING_TRANSLATIONS);

const submitModule = () => import('./public-submit');
const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp';

/**
 * The public page (Khoya-Paaya's role) as the first download draws it (main.tsx, issue #17): a
 * citizen reports a missing child or a child seen or found, without an account; the answer is a
 * reference number only. Plain HTML controls (the phone's own pickers) and a small stylesheet; the
 * checks, the proof of work and the post come in public-submit.ts, fetched once the form is drawn.
 * The same fields, labels and reasons as the officials' form (features/missing/ChildReportForm.tsx).
 */
export function PublicReport() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<RecordKind>('missing');
  const [reference, setReference] = useState<string | null>(null);
  useEffect(() => void submitModule(), []);
  return (
    <main className="lite-page">
      <div className="lite-card">
        <div className="lite-head">
          <div>
            <h1>{t('missing.public.title')}</h1>
            <p className="lite-dim">{t('missing.public.intro')}</p>
          </div>
          <LanguagePicker />
        </div>
        <p className="lite-alert lite-alert-red">
          <PhoneLinks text={t('missing.public.emergency')} />
        </p>
        {reference ? (
          <div>
            <p className="lite-alert lite-alert-green" role="status" data-testid="public-reference">
              {t('missing.public.thanks', { reference })}
            </p>
            <button type="button" className="lite-button lite-button-plain" onClick={() => setReference(null)}>
              {t('missing.public.another')}
            </button>
          </div>
        ) : (
          <>
            <fieldset className="lite-tabs">
              <legend className="lite-hidden">{t('missing.field.kind')}</legend>
              {(['missing', 'found'] as const).map((k) => (
                <label key={k} className={kind === k ? 'lite-tab lite-tab-on' : 'lite-tab'}>
                  <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                  {t(k === 'missing' ? 'missing.public.missingTab' : 'missing.public.sightingTab')}
                </label>
              ))}
            </fieldset>
            <ReportForm key={kind} kind={kind} onSent={setReference} />
          </>
        )}
        <p className="lite-links">
          <a href="/">{t('missing.public.signIn')}</a>
        </p>
      </div>
    </main>
  );
}

function useDistricts(stateCode?: number) {
  const [items, setItems] = useState<District[]>([]);
  useEffect(() => {
    const ctl = new AbortController();
    request<{ items: District[] }>('GET', '/public/districts', { query: { stateCode }, signal: ctl.signal, expect401: true })
      .then((r) => setItems(r.items))
      .catch(() => undefined); // no signal: the list stays empty and the server names the field
    return () => ctl.abort();
  }, [stateCode]);
  return items;
}

function ReportForm({ kind, onSent }: { kind: RecordKind; onSent: (reference: string) => void }) {
  const { t } = useTranslation();
  const [v, setValues] = useState<Values>(() => blank(kind));
  const [photo, setPhoto] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [limited, setLimited] = useState<'rate_limited' | 'daily_limit_reached' | null>(null);
  const [busy, setBusy] = useState(false);
  const [checking, setChecking] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const states = useDistricts();
  const districts = useDistricts(Number(v.stateCode) || undefined);
  const missing = kind === 'missing';

  const set = (k: string, x: string | boolean) => {
    setValues((prev) => ({ ...prev, [k]: x }));
    setErrors(({ [k]: _gone, ...rest }) => rest);
  };

  /** A labelled control with its reason under it (aria-describedby, aria-invalid). */
  const row = (k: string, label: string, control: (a: Record<string, unknown>) => ReactNode, required = false, wide = false) => (
    <div key={k} className={wide ? 'lite-field lite-wide' : 'lite-field'}>
      <label htmlFor={`f-${k}`}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {control({
        id: `f-${k}`,
        name: k,
        required,
        'aria-invalid': errors[k] ? true : undefined,
        'aria-describedby': errors[k] ? `e-${k}` : undefined,
      })}
      {errors[k] && (
        <span className="lite-error" id={`e-${k}`}>
          {errors[k]}
        </span>
      )}
    </div>
  );
  const text = (k: string, label: string, o: { required?: boolean; type?: string; area?: boolean; inputMode?: 'tel' | 'email' } = {}) =>
    row(
      k,
      label,
      (a) =>
        o.area ? (
          <textarea {...a} rows={2} maxLength={2000} value={String(v[k])} onChange={(e) => set(k, e.currentTarget.value)} />
        ) : (
          <input {...a} type={o.type ?? 'text'} maxLength={300} value={String(v[k])} onChange={(e) => set(k, e.currentTarget.value)} />
        ),
      o.required,
      o.area,
    );
  const num = (k: string, label: string, step = 1) =>
    row(k, label, (a) => (
      <input
        {...a}
        type="number"
        inputMode="decimal"
        min={0}
        step={step}
        value={String(v[k])}
        onChange={(e) => set(k, e.currentTarget.value)}
      />
    ));
  const choice = (k: string, label: string, data: { value: string; label: string }[], required = false, onPick?: (x: string) => void) =>
    row(
      k,
      label,
      (a) => (
        <select {...a} value={String(v[k])} onChange={(e) => (onPick ?? ((x: string) => set(k, x)))(e.currentTarget.value)}>
          <option value="" />
          {data.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      ),
      required,
    );

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setGeneral([]);
    setLimited(null);
    setBusy(true);
    let out: Outcome;
    try {
      out = await (await submitModule()).checkAndSend(t, kind, v, photo, setChecking);
    } catch {
      out = { errors: {}, general: [t('errors.unexpected')] };
    } finally {
      setBusy(false);
    }
    if ('reference' in out) return onSent(out.reference);
    setErrors(out.errors);
    setGeneral(out.general);
    setLimited(out.limited ?? null);
    // The first refused field gets the focus (after the reasons are drawn).
    setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
  }

  return (
    <form onSubmit={onSubmit} noValidate ref={formRef}>
      {limited && (
        <p className="lite-alert lite-alert-orange" role="alert">
          <PhoneLinks text={t(limited === 'daily_limit_reached' ? 'missing.public.dailyLimit' : 'missing.public.rateLimited')} />
        </p>
      )}
      {checking && (
        <p className="lite-alert lite-alert-blue" role="status" data-testid="public-checking">
          {t('missing.public.checking')}
        </p>
      )}
      <fieldset className="lite-group">
        <legend>{t('missing.public.aboutChild')}</legend>
        {text('name', t('missing.field.name'), { required: missing })}
        {text('nameLocal', t('missing.field.nameLocal'))}
        {text('aliases', t('missing.field.aliases'))}
        {choice(
          'sex',
          t('missing.field.sex'),
          SEXES.map((s) => ({ value: s, label: t(`missing.sex.${s}`) })),
          true,
        )}
        {num('ageYears', t('missing.field.age'), 0.5)}
        <div className="lite-field lite-check">
          <label>
            <input type="checkbox" checked={!!v.ageEstimated} onChange={(e) => set('ageEstimated', e.currentTarget.checked)} />{' '}
            {t('missing.field.ageEstimated')}
          </label>
        </div>
        {text('fatherName', t('missing.field.fatherName'))}
        {text('motherName', t('missing.field.motherName'))}
        {text('language', t('missing.field.language'))}
        {num('heightCm', t('missing.field.height'))}
        {text('marks', t('missing.field.marks'), { area: true })}
        {text('clothing', t('missing.field.clothing'), { area: true })}
        {text('description', t('missing.field.description'), { area: true })}
        <div className="lite-field lite-wide" data-testid="photo-input">
          <label htmlFor="f-photo">{t('missing.photo.label')}</label>
          <span className="lite-dim" id="h-photo">
            {t('missing.photo.hint')}
          </span>
          <input
            id="f-photo"
            type="file"
            accept={PHOTO_ACCEPT}
            aria-describedby={errors.photo ? 'h-photo e-photo' : 'h-photo'}
            aria-invalid={errors.photo ? true : undefined}
            onChange={(e) => {
              setPhoto(e.currentTarget.files?.[0] ?? null);
              setErrors(({ photo: _gone, ...rest }) => rest);
            }}
          />
          {photo && <span className="lite-dim">{photo.name}</span>}
          {errors.photo && (
            <span className="lite-error" id="e-photo">
              {errors.photo}
            </span>
          )}
        </div>
      </fieldset>
      <fieldset className="lite-group">
        <legend>{missing ? t('missing.form.lastSeen') : t('missing.form.foundWhere')}</legend>
        {choice(
          'stateCode',
          t('missing.field.state'),
          states.map((s) => ({ value: String(s.code), label: s.name })),
          false,
          (x) => setValues((prev) => ({ ...prev, stateCode: x, districtCode: '' })),
        )}
        {choice(
          'districtCode',
          missing ? t('missing.field.homeDistrict') : t('missing.field.foundDistrict'),
          districts.map((d) => ({ value: String(d.code), label: d.name })),
          true,
        )}
        {missing && text('place', t('missing.field.place'))}
        {missing && text('address', t('missing.field.address'))}
        {text(missing ? 'lastSeenOn' : 'foundOn', missing ? t('missing.field.lastSeenOn') : t('missing.field.foundOn'), {
          required: true,
          type: 'date',
        })}
        {text(missing ? 'lastSeenPlace' : 'foundPlace', missing ? t('missing.field.lastSeenPlace') : t('missing.field.foundPlace'))}
        {!missing && text('statedHome', t('missing.field.statedHome'))}
        {!missing &&
          choice(
            'currentCare',
            t('missing.field.currentCare'),
            CURRENT_CARE.map((c) => ({ value: c, label: t(`missing.care.${c}`) })),
          )}
        {!missing && text('currentPlace', t('missing.field.currentPlace'))}
      </fieldset>
      <fieldset className="lite-group">
        <legend>{t('missing.public.aboutYou')}</legend>
        {text('reporterName', t('missing.field.reporterName'), { required: true })}
        {missing && text('reporterRelation', t('missing.field.reporterRelation'), { required: true })}
        {text('reporterPhone', t('missing.field.reporterPhone'), { required: true, type: 'tel' })}
        {text('reporterEmail', t('missing.field.reporterEmail'), { type: 'email' })}
      </fieldset>
      {general.length > 0 && (
        <p className="lite-alert lite-alert-red" role="alert">
          {general.join(' ')}
        </p>
      )}
      <button type="submit" className="lite-button" disabled={busy} aria-busy={busy} data-testid="submit-report">
        {t('missing.public.submit')}
      </button>
    </form>
  );
}
