import { Alert, Checkbox, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  AREA_TYPES,
  CAREGIVER_TYPES,
  CASTE_CATEGORIES,
  MIGRATION,
  RATION_CARDS,
  VULNERABILITY_FACTORS,
} from '../../../../../src/registry/vocabulary';
import { useReason } from '../../../forms/errors';
import { FormActions } from '../../../forms/FormActions';
import { useFormState } from '../../../forms/useFormState';
import { VillageSelect } from '../shared/VillageSelect';
import { useVocab, VocabSelect } from '../shared/vocab';
import {
  FAMILY_CREATE_FIELDS,
  FAMILY_EDIT_FIELDS,
  familyCreatePayload,
  familyPatchPayload,
  familySchemas,
  type FamilyFormValues,
} from './familyForm.model';

export interface FamilyFormProps {
  mode: 'create' | 'edit';
  initial: FamilyFormValues;
  base?: FamilyFormValues;
  version?: number;
  onValuesChange?: (v: FamilyFormValues) => void;
  onSubmit: (data: Record<string, unknown>) => Promise<void>;
  onCancel?: () => void;
}

type TextField = Exclude<keyof FamilyFormValues, 'vulnerabilityFactors'>;

export function FamilyForm({ mode, initial, base, version, onValuesChange, onSubmit, onCancel }: FamilyFormProps) {
  const { t } = useTranslation();
  const reason = useReason();
  const vocab = useVocab();
  const form = useFormState<FamilyFormValues>(initial, onValuesChange);
  const { values, set, errors } = form;
  const text = (name: TextField) => ({
    name,
    value: values[name],
    onChange: (e: { currentTarget: { value: string } }) => set(name, e.currentTarget.value),
    error: reason(errors[name]),
  });
  const select = (name: TextField) => ({ ...text(name), onChange: (v: string) => set(name, v) });

  function handleSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (mode === 'create')
      void form.submit({
        schema: familySchemas.create,
        payload: familyCreatePayload(values),
        send: onSubmit,
        fields: FAMILY_CREATE_FIELDS,
      });
    else
      void form.submit({
        schema: familySchemas.edit,
        payload: familyPatchPayload(base ?? initial, values, version ?? 1),
        send: onSubmit,
        fields: FAMILY_EDIT_FIELDS,
      });
  }

  return (
    <form ref={form.formRef} onSubmit={handleSubmit} noValidate aria-label={mode === 'create' ? t('families.new') : t('families.edit')}>
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
        {mode === 'create' && (
          <VillageSelect
            label={t('family.village')}
            name="locationId"
            required
            emptyLabel={t('form.choose')}
            value={values.locationId}
            onChange={(v) => set('locationId', v)}
            error={reason(errors.locationId)}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('family.headName')} description={t('child.nameHelp')} required maxLength={120} {...text('headName')} />
          <TextInput label={t('family.headNameLocal')} description={t('child.nameLocalHelp')} maxLength={120} {...text('headNameLocal')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <VocabSelect
            label={t('family.caregiverType')}
            kind="caregiverType"
            values={CAREGIVER_TYPES}
            required
            {...select('caregiverType')}
          />
          <VocabSelect label={t('family.areaType')} kind="areaType" values={AREA_TYPES} required {...select('areaType')} />
        </SimpleGrid>
        <Checkbox.Group
          label={t('family.factors')}
          description={t('family.factorsHelp')}
          value={values.vulnerabilityFactors}
          onChange={(v) => set('vulnerabilityFactors', v)}
          error={reason(errors.vulnerabilityFactors)}
        >
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing={6} mt={6}>
            {VULNERABILITY_FACTORS.map((f) => (
              <Checkbox key={f} value={f} label={vocab('vulnerabilityFactor', f)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput
            label={t('family.annualIncome')}
            description={t('family.annualIncomeHelp')}
            name="annualIncome"
            prefix="₹ "
            thousandSeparator=","
            thousandsGroupStyle="lakh"
            value={values.annualIncome}
            onChange={(v) => set('annualIncome', v === '' ? '' : String(v))}
            error={reason(errors.annualIncome)}
          />
          <VocabSelect label={t('family.rationCard')} kind="rationCard" values={RATION_CARDS} {...select('rationCard')} />
          <NativeSelect
            label={t('family.bpl')}
            name="bpl"
            value={values.bpl}
            onChange={(e) => set('bpl', e.currentTarget.value)}
            data={[
              { value: '', label: t('form.notKnown') },
              { value: 'yes', label: t('form.yes') },
              { value: 'no', label: t('form.no') },
            ]}
            error={reason(errors.bpl)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t('family.occupation')} maxLength={120} {...text('occupation')} />
          <VocabSelect label={t('family.migration')} kind="migration" values={MIGRATION} {...select('migration')} />
          <VocabSelect label={t('family.casteCategory')} kind="casteCategory" values={CASTE_CATEGORIES} {...select('casteCategory')} />
        </SimpleGrid>
        <TextInput label={t('family.socialGroup')} description={t('family.socialGroupHelp')} maxLength={80} {...text('socialGroup')} />
        <TextInput label={t('family.address')} maxLength={300} {...text('address')} />
        <Textarea label={t('family.notes')} autosize minRows={2} maxLength={4000} {...text('notes')} />
        <FormActions submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
