import { Alert, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { CARE_STATUSES, SCHOOL_STATUSES, SEXES } from '../../../../../src/registry/vocabulary';
import { useReason } from '../../../forms/errors';
import { FormActions } from '../../../forms/FormActions';
import { useFormat } from '../../../i18n/format';
import { useFormState } from '../../../forms/useFormState';
import { VillageSelect } from '../shared/VillageSelect';
import { VocabSelect } from '../shared/vocab';
import { todayIst } from '../../../app/clock';
import {
  CHILD_CREATE_FIELDS,
  CHILD_EDIT_FIELDS,
  childCreateExtra,
  childCreatePayload,
  childPatchPayload,
  childSchemas,
  type ChildFormValues,
} from './childForm.model';

export interface ChildFormProps {
  mode: 'create' | 'edit';
  initial: ChildFormValues;
  /** Edit: the record as it was when editing began; only changes from it are sent. */
  base?: ChildFormValues;
  version?: number;
  onValuesChange?: (v: ChildFormValues) => void;
  /** Receives input the zod schema accepted. May throw ApiError (400 lands on the fields). */
  onSubmit: (data: Record<string, unknown>) => Promise<void>;
  onCancel?: () => void;
  /** When the child joins a known family: shown instead of the village choice. */
  familyLabel?: ReactNode;
}

export function ChildForm({ mode, initial, base, version, onValuesChange, onSubmit, onCancel, familyLabel }: ChildFormProps) {
  const { t } = useTranslation();
  const reason = useReason();
  const f = useFormat();
  // The phone's date picker writes dates its own way; the date is repeated in Indian form.
  const dateEcho = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? f.date(iso) : undefined);
  const form = useFormState<ChildFormValues>(initial, onValuesChange);
  const { values, set, errors } = form;
  const text = (name: keyof ChildFormValues & string) => ({
    name,
    value: values[name],
    onChange: (e: { currentTarget: { value: string } }) => set(name, e.currentTarget.value),
    error: reason(errors[name]),
  });

  function handleSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (mode === 'create') {
      void form.submit({
        schema: childSchemas.create,
        payload: childCreatePayload(values),
        extra: childCreateExtra,
        send: onSubmit,
        fields: CHILD_CREATE_FIELDS,
      });
    } else {
      void form.submit({
        schema: childSchemas.edit,
        payload: childPatchPayload(base ?? initial, values, version ?? 1),
        send: onSubmit,
        fields: CHILD_EDIT_FIELDS,
      });
    }
  }

  return (
    <form ref={form.formRef} onSubmit={handleSubmit} noValidate aria-label={mode === 'create' ? t('children.new') : t('children.edit')}>
      <Stack gap="sm">
        {form.general.length > 0 && (
          <Alert color="red" role="alert" data-testid="form-error">
            {form.general.map((g) => (
              <Text key={g} size="sm">
                {reason(g)}
              </Text>
            ))}
          </Alert>
        )}
        {mode === 'create' &&
          (values.familyId ? (
            <Text size="sm">
              {t('child.family')}: {familyLabel}
            </Text>
          ) : (
            <VillageSelect
              label={t('child.village')}
              name="locationId"
              required
              emptyLabel={t('form.choose')}
              value={values.locationId}
              onChange={(v) => set('locationId', v)}
              error={reason(errors.locationId ?? errors.familyId)}
            />
          ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('child.name')} description={t('child.nameHelp')} required maxLength={120} {...text('name')} />
          <TextInput label={t('child.nameLocal')} description={t('child.nameLocalHelp')} maxLength={120} {...text('nameLocal')} />
        </SimpleGrid>
        <TextInput label={t('child.otherNames')} description={t('child.otherNamesHelp')} {...text('otherNames')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <VocabSelect label={t('child.sex')} kind="sex" values={SEXES} required {...text('sex')} onChange={(v) => set('sex', v)} />
          <TextInput type="date" label={t('child.dob')} description={dateEcho(values.dob)} max={todayIst()} {...text('dob')} />
          {mode === 'create' && (
            <NumberInput
              label={t('child.ageYears')}
              description={t('child.ageYearsHelp')}
              name="ageYears"
              min={0}
              max={25}
              value={values.ageYears}
              onChange={(v) => set('ageYears', String(v))}
              error={reason(errors.ageYears)}
            />
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <VocabSelect
            label={t('child.careStatus')}
            kind="careStatus"
            values={CARE_STATUSES}
            required
            {...text('careStatus')}
            onChange={(v) => set('careStatus', v)}
          />
          <VocabSelect
            label={t('child.schoolStatus')}
            kind="schoolStatus"
            values={SCHOOL_STATUSES}
            {...text('schoolStatus')}
            onChange={(v) => set('schoolStatus', v)}
          />
        </SimpleGrid>
        <TextInput label={t('child.school')} maxLength={200} {...text('school')} />
        <TextInput label={t('child.disability')} maxLength={200} {...text('disability')} />
        <Textarea label={t('child.healthNotes')} autosize minRows={2} maxLength={2000} {...text('healthNotes')} />
        <FormActions submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
