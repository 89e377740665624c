import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SEXES } from '../../../../src/registry/vocabulary';
import { CURRENT_CARE, FOUND_SOURCES, MISSING_SOURCES, type RecordKind } from '../../../../src/missing/domain/vocabulary';
import { blank, fieldsOf, payloadOf, type Values } from './report-fields';
import { schemaOf } from './report-schema';
import { useFormState } from '../../forms/useFormState';
import { PHOTO_ACCEPT, PHOTO_MAX_BYTES, useDistricts } from './api';
import { useMissingReason } from './reason';
import { todayIst } from '../../app/clock';

/**
 * The form's choices are the phone's own picker (a native <select>), not Mantine's Select: no
 * popover and positioning library (≈ 25 KB compressed, issue #17), and a native select is announced
 * as a list to choose from, not as a read-only text box. An empty first entry: nothing chosen yet.
 */
function Choice(p: {
  label: string;
  required?: boolean;
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string;
  data: { value: string; label: string }[];
}) {
  return (
    <NativeSelect
      label={p.label}
      required={p.required}
      value={p.value ?? ''}
      onChange={(e) => p.onChange(e.currentTarget.value || null)}
      error={p.error}
      data={[{ value: '', label: '' }, ...p.data]}
    />
  );
}

/**
 * An official's missing-child report or found-child record. The payload is checked with the same
 * zod schema as the server; a 400 lands on the same fields. The citizen's form is
 * lite/PublicReport.tsx (plain HTML, issue #17): the same fields, payload and schema
 * (report-fields.ts, report-schema.ts), without the source, police station and FIR.
 */
export function ChildReportForm({
  kind,
  onSaved,
  send,
}: {
  kind: RecordKind;
  /** The photo, when one was chosen, is sent with the form (multipart). */
  send: (kind: RecordKind, body: Record<string, unknown>, photo: File | null) => Promise<unknown>;
  onSaved: (result: unknown) => void;
}) {
  const { t } = useTranslation();
  const form = useFormState<Values>(blank(kind));
  const [photo, setPhoto] = useState<File | null>(null);
  const { values: v, set } = form;
  const reason = useMissingReason();
  const errors: Record<string, string | undefined> = Object.fromEntries(Object.entries(form.errors).map(([k, m]) => [k, reason(m)]));
  const states = useDistricts();
  const districts = useDistricts(Number(v.stateCode) || undefined);
  const fields = fieldsOf(kind, true);
  const missing = kind === 'missing';
  const text = (k: string, label: string, opts: { required?: boolean; area?: boolean; type?: string } = {}) =>
    opts.area ? (
      <Textarea
        key={k}
        label={label}
        value={String(v[k])}
        onChange={(e) => set(k, e.currentTarget.value)}
        error={errors[k]}
        autosize
        minRows={2}
        maxLength={2000}
        required={opts.required}
      />
    ) : (
      <TextInput
        key={k}
        label={label}
        value={String(v[k])}
        onChange={(e) => set(k, e.currentTarget.value)}
        error={errors[k]}
        required={opts.required}
        type={opts.type}
        maxLength={300}
      />
    );
  const num = (k: string, label: string, step = 1) => (
    <NumberInput
      key={k}
      label={label}
      value={v[k] === '' ? '' : Number(v[k])}
      onChange={(x) => set(k, x === '' ? '' : String(x))}
      error={errors[k]}
      min={0}
      step={step}
      decimalScale={step < 1 ? 1 : 0}
      allowNegative={false}
    />
  );

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    await form.submit({
      schema: schemaOf(kind, true),
      payload: payloadOf(v, fields),
      fields: [...fields, 'photo'],
      extra: (p) => {
        const out: Record<string, string> = {};
        if (photo && !PHOTO_ACCEPT.includes(photo.type)) out.photo = t('missing.photo.wrongType');
        else if (photo && photo.size > PHOTO_MAX_BYTES) out.photo = t('missing.photo.tooLarge');
        const day = (missing ? p.lastSeenOn : p.foundOn) as string | undefined;
        if (day && day > todayIst()) out[missing ? 'lastSeenOn' : 'foundOn'] = 'cannot be in the future';
        return out;
      },
      send: async (body) => onSaved(await send(kind, body, photo)),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate ref={form.formRef}>
      <Stack gap="md">
        <Fieldset legend={t('missing.form.child')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {text('name', t('missing.field.name'), { required: missing })}
            {text('nameLocal', t('missing.field.nameLocal'))}
            {text('aliases', t('missing.field.aliases'))}
            <Choice
              label={t('missing.field.sex')}
              required
              value={String(v.sex) || null}
              onChange={(x) => set('sex', x ?? '')}
              error={errors.sex}
              data={SEXES.map((s) => ({ value: s, label: t(`missing.sex.${s}`) }))}
            />
            {num('ageYears', t('missing.field.age'), 0.5)}
            <Checkbox
              mt="lg"
              label={t('missing.field.ageEstimated')}
              checked={!!v.ageEstimated}
              onChange={(e) => set('ageEstimated', e.currentTarget.checked)}
            />
            {text('fatherName', t('missing.field.fatherName'))}
            {text('motherName', t('missing.field.motherName'))}
            {text('language', t('missing.field.language'))}
            {num('heightCm', t('missing.field.height'))}
            {text('marks', t('missing.field.marks'), { area: true })}
            {text('clothing', t('missing.field.clothing'), { area: true })}
            {text('description', t('missing.field.description'), { area: true })}
            <FileInput
              label={t('missing.photo.label')}
              description={t('missing.photo.hint')}
              accept={PHOTO_ACCEPT.join(',')}
              value={photo}
              onChange={(f) => {
                setPhoto(f);
                if (form.errors.photo) form.setErrors(({ photo: _gone, ...rest }) => rest);
              }}
              clearable
              error={errors.photo}
              data-testid="photo-input"
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={missing ? t('missing.form.lastSeen') : t('missing.form.foundWhere')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Choice
              label={t('missing.field.state')}
              value={String(v.stateCode) || null}
              onChange={(x) => {
                set('stateCode', x ?? '');
                set('districtCode', '');
              }}
              data={(states.data?.items ?? []).map((s) => ({ value: String(s.code), label: s.name }))}
            />
            <Choice
              label={missing ? t('missing.field.homeDistrict') : t('missing.field.foundDistrict')}
              required
              value={String(v.districtCode) || null}
              onChange={(x) => set('districtCode', x ?? '')}
              error={errors.districtCode}
              data={(districts.data?.items ?? []).map((d) => ({ value: String(d.code), label: d.name }))}
            />
            {missing && text('place', t('missing.field.place'))}
            {missing && text('address', t('missing.field.address'))}
            {text(missing ? 'lastSeenOn' : 'foundOn', missing ? t('missing.field.lastSeenOn') : t('missing.field.foundOn'), {
              required: true,
              type: 'date',
            })}
            {text(missing ? 'lastSeenPlace' : 'foundPlace', missing ? t('missing.field.lastSeenPlace') : t('missing.field.foundPlace'))}
            {!missing && text('statedHome', t('missing.field.statedHome'))}
            {!missing && (
              <Choice
                label={t('missing.field.currentCare')}
                value={String(v.currentCare) || null}
                onChange={(x) => set('currentCare', x ?? '')}
                error={errors.currentCare}
                data={CURRENT_CARE.map((c) => ({ value: c, label: t(`missing.care.${c}`) }))}
              />
            )}
            {!missing && text('currentPlace', t('missing.field.currentPlace'))}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('missing.form.reporter')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Choice
              label={t('missing.field.source')}
              required
              value={String(v.source) || null}
              onChange={(x) => set('source', x ?? '')}
              error={errors.source}
              data={(missing ? MISSING_SOURCES : FOUND_SOURCES).map((s) => ({ value: s, label: t(`missing.source.${s}`) }))}
            />
            {text('reporterName', t('missing.field.reporterName'))}
            {missing && text('reporterRelation', t('missing.field.reporterRelation'))}
            {text('reporterPhone', t('missing.field.reporterPhone'), { type: 'tel' })}
            {text('reporterEmail', t('missing.field.reporterEmail'), { type: 'email' })}
            {missing && text('policeStation', t('missing.field.policeStation'))}
            {missing && text('firNumber', t('missing.field.firNumber'))}
          </SimpleGrid>
        </Fieldset>
        {form.general.length > 0 && (
          <Alert color="red" role="alert">
            {form.general.join(' ')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={form.submitting} data-testid="submit-report">
            {t('missing.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
