import { NativeSelect, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CareFormCard } from './CareTable';
import { useVersionedSubmit } from './useVersionedSubmit';
import { ICP_DOMAINS, ICP_PREFERENCES, REVIEW_OUTCOMES, usePreparePlan, useReviewPlan, type Stay } from './api';
import { todayIst } from '../../app/clock';

/**
 * The Individual Care Plan of a child in an institution (JJ Model Rules 2016 r.69, Form 7): prepared
 * once per stay with its first goal, then reviewed; the next review's date is the server's
 * (timelines data). The server's field policy decides who may write it.
 */
export function PreparePlanForm({ stay, onDone }: { stay: Stay; onDone?: () => void }) {
  const { t } = useTranslation();
  const s = useVersionedSubmit({
    initial: {
      preparedOn: todayIst(),
      preferredOption: 'own_family',
      domain: 'education_training',
      need: '',
      intervention: '',
      responsible: '',
    },
    mutation: usePreparePlan(stay.id),
    validate: (f) => {
      const e: Record<string, string> = {};
      if (!f.need.trim()) e.need = t('care.plan.needRequired');
      if (!f.intervention.trim()) e.intervention = t('care.plan.interventionRequired');
      return e;
    },
    toBody: (f) => ({
      preparedOn: f.preparedOn,
      preferredOption: f.preferredOption,
      goals: [
        {
          domain: f.domain,
          need: f.need.trim(),
          intervention: f.intervention.trim(),
          ...(f.responsible.trim() ? { responsible: f.responsible.trim() } : {}),
        },
      ],
    }),
    onSuccess: onDone,
  });
  // The server names a goal's field as `goals.0.<field>`.
  const goal = (k: 'domain' | 'need' | 'intervention' | 'responsible') => ({
    ...s.field(k),
    error: s.errors[`goals.0.${k}`] ?? s.errors[k],
  });
  return (
    <CareFormCard
      label={t('care.plan.prepare')}
      title={`${t('care.plan.prepare')}: ${stay.childName ?? t('care.withheld')}`}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      onCancel={onDone}
    >
      <TextInput type="date" label={t('care.plan.preparedOn')} {...s.field('preparedOn')} />
      <NativeSelect
        label={t('care.plan.preferredOption')}
        data={ICP_PREFERENCES.map((v) => ({ value: v, label: t(`cases.careOption.${v}`) }))}
        {...s.field('preferredOption')}
      />
      <NativeSelect
        label={t('care.plan.domain')}
        data={ICP_DOMAINS.map((v) => ({ value: v, label: t(`cases.domain.${v}`) }))}
        {...goal('domain')}
      />
      <Textarea label={t('care.plan.need')} autosize minRows={2} {...goal('need')} />
      <Textarea label={t('care.plan.intervention')} autosize minRows={2} {...goal('intervention')} />
      <TextInput label={t('care.plan.responsible')} {...goal('responsible')} />
    </CareFormCard>
  );
}

export function ReviewPlanForm({ stay, onDone }: { stay: Stay & { planId: string }; onDone?: () => void }) {
  const { t } = useTranslation();
  const s = useVersionedSubmit({
    initial: { reviewedOn: todayIst(), outcome: 'continue', notes: '' },
    mutation: useReviewPlan(stay.planId),
    version: stay.planVersion ?? undefined,
    toBody: (f) => ({ reviewedOn: f.reviewedOn, outcome: f.outcome, ...(f.notes.trim() ? { notes: f.notes.trim() } : {}) }),
    onSuccess: onDone,
  });
  return (
    <CareFormCard
      label={t('care.plan.review')}
      title={`${t('care.plan.review')}: ${stay.childName ?? t('care.withheld')}`}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      onCancel={onDone}
    >
      <TextInput type="date" label={t('care.plan.reviewedOn')} {...s.field('reviewedOn')} />
      <NativeSelect
        label={t('care.plan.outcome')}
        data={REVIEW_OUTCOMES.map((v) => ({ value: v, label: t(`care.plan.outcomes.${v}`) }))}
        {...s.field('outcome')}
      />
      <Textarea label={t('care.plan.notes')} autosize minRows={2} {...s.field('notes')} />
    </CareFormCard>
  );
}
