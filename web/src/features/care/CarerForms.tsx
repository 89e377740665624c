import { NativeSelect, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCarerDecision, useHomeStudy, type FosterCarer } from './api';
import { CareFormCard } from './CareTable';

import { useVersionedSubmit } from './useVersionedSubmit';
import { todayIst } from '../../app/clock';

/**
 * The home study report of a family that applied to foster (JJ Model Rules 2016 Form 30,
 * r.23(9)), then the Sponsorship and Foster Care Approval Committee's decision (r.23) on it.
 * Each sends the carer's version: two officers acting at once get a plain "changed meanwhile".
 */
export function HomeStudyForm({ carer, onDone }: { carer: FosterCarer; onDone?: () => void }) {
  const { t } = useTranslation();
  const s = useVersionedSubmit({
    initial: { on: todayIst(), by: '', recommendation: 'recommended', summary: '' },
    mutation: useHomeStudy(carer.id),
    toBody: (form) => ({ ...form, by: form.by.trim(), summary: form.summary.trim() }),
    version: carer.version,
    onSuccess: onDone,
  });
  return (
    <CareFormCard
      label={t('care.foster.homeStudy.title')}
      title={`${t('care.foster.homeStudy.title')}: ${carer.name}`}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      onCancel={onDone}
    >
      <TextInput type="date" label={t('care.foster.homeStudy.on')} {...s.field('on')} />
      <TextInput label={t('care.foster.homeStudy.by')} {...s.field('by')} />
      <NativeSelect
        label={t('care.foster.col.homeStudy')}
        data={['recommended', 'not_recommended'].map((v) => ({ value: v, label: t(`care.foster.recommendation.${v}`) }))}
        {...s.field('recommendation')}
      />
      <Textarea label={t('care.foster.homeStudy.summary')} autosize minRows={3} {...s.field('summary')} />
    </CareFormCard>
  );
}

export function CommitteeDecisionForm({ carer, onDone }: { carer: FosterCarer; onDone?: () => void }) {
  const { t } = useTranslation();
  const s = useVersionedSubmit({
    initial: { meetingOn: todayIst(), decision: 'approved', reasons: '', ref: '' },
    mutation: useCarerDecision(carer.id),
    toBody: (form) => ({ ...form, reasons: form.reasons.trim(), ref: form.ref.trim() || null }),
    version: carer.version,
    onSuccess: onDone,
  });
  return (
    <CareFormCard
      label={t('care.foster.decision.title')}
      title={`${t('care.foster.decision.title')}: ${carer.name}`}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      onCancel={onDone}
    >
      <TextInput type="date" label={t('care.foster.decision.meetingOn')} {...s.field('meetingOn')} />
      <NativeSelect
        label={t('care.foster.col.decision')}
        data={['approved', 'rejected'].map((v) => ({ value: v, label: t(`care.foster.status.${v}`) }))}
        {...s.field('decision')}
      />
      <Textarea label={t('care.foster.decision.reasons')} autosize minRows={2} {...s.field('reasons')} />
      <TextInput label={t('care.foster.decision.ref')} {...s.field('ref')} />
    </CareFormCard>
  );
}
