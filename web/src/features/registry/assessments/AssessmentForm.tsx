import { Alert, Fieldset, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReason } from '../../../forms/errors';
import { FormActions } from '../../../forms/FormActions';
import { useFormat } from '../../../i18n/format';
import { useFormState } from '../../../forms/useFormState';
import type { Instrument } from '../types';
import { assessmentExtra, assessmentPayload, assessmentSchema, today, type AssessmentFormValues } from './assessmentForm.model';

export interface AssessmentFormProps {
  instrument: Instrument;
  /** The family's children: an assessment may be about one of them. */
  childOptions: { value: string; label: string }[];
  initial: AssessmentFormValues;
  onValuesChange?: (v: AssessmentFormValues) => void;
  onSubmit: (data: Record<string, unknown>) => Promise<void>;
  onCancel?: () => void;
}

/** "Not assessed" is a choice of its own (a radio needs a value), and the default. */
const SKIP = 'skip';

/** The repeatable vulnerability assessment: each item scored 1 (in crisis) to 4 (thriving). */
export function AssessmentForm({ instrument, childOptions, initial, onValuesChange, onSubmit, onCancel }: AssessmentFormProps) {
  const { t } = useTranslation();
  const reason = useReason();
  const f = useFormat();
  const form = useFormState<AssessmentFormValues>(initial, onValuesChange);
  const { values, set, errors } = form;
  const fields = ['assessedOn', 'childId', 'notes', 'answers', ...instrument.domains.flatMap((d) => d.items.map((i) => `answers.${i.id}`))];
  const scale = (['1', '2', '3', '4'] as const).map((k) => ({
    value: k,
    label: `${k} · ${t(`instrument.scale.${instrument.scale[k]}`, { defaultValue: instrument.scale[k] })}`,
  }));

  function handleSubmit(e: React.FormEvent) {
    e.preventDefault();
    void form.submit({ schema: assessmentSchema, payload: assessmentPayload(values), extra: assessmentExtra, send: onSubmit, fields });
  }

  return (
    <form ref={form.formRef} onSubmit={handleSubmit} noValidate aria-label={t('assessment.new')}>
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
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('assessment.assessedOn')}
            description={/^\d{4}-\d{2}-\d{2}$/.test(values.assessedOn) ? f.date(values.assessedOn) : undefined}
            name="assessedOn"
            required
            max={today()}
            value={values.assessedOn}
            onChange={(e) => set('assessedOn', e.currentTarget.value)}
            error={reason(errors.assessedOn)}
          />
          <NativeSelect
            label={t('assessment.about')}
            name="childId"
            value={values.childId}
            onChange={(e) => set('childId', e.currentTarget.value)}
            data={[{ value: '', label: t('assessment.wholeFamily') }, ...childOptions]}
            error={reason(errors.childId)}
          />
        </SimpleGrid>
        {errors.answers && (
          <Alert color="red" role="alert" data-testid="answers-error">
            {reason(errors.answers)}
          </Alert>
        )}
        {instrument.domains.map((d) => (
          <Fieldset key={d.id} legend={t(`instrument.domains.${d.id}`, { defaultValue: d.id })} p="sm">
            <Stack gap="sm">
              {d.items.map((item) => (
                <Radio.Group
                  key={item.id}
                  name={`answers.${item.id}`}
                  label={t(`instrument.items.${item.id}`, { defaultValue: item.label })}
                  value={values.answers[item.id] || SKIP}
                  onChange={(v) => set('answers', { ...values.answers, [item.id]: v === SKIP ? '' : v })}
                  error={reason(errors[`answers.${item.id}`])}
                >
                  <Group gap="md" mt={4}>
                    {scale.map((s) => (
                      <Radio key={s.value} value={s.value} label={s.label} />
                    ))}
                    <Radio value={SKIP} label={t('assessment.skip')} />
                  </Group>
                </Radio.Group>
              ))}
            </Stack>
          </Fieldset>
        ))}
        <Textarea
          label={t('assessment.notes')}
          name="notes"
          autosize
          minRows={2}
          maxLength={4000}
          value={values.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          error={reason(errors.notes)}
        />
        <FormActions submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
