import { NativeSelect, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PATHWAY_KINDS, PATHWAY_STAGES, RISK_LEVELS, type PathwayStage } from '../../../../src/care/domain/vocabulary';
import { useOpenPathway, useReassignPathway, useRecordFollowUp, useStepPathway, type Pathway } from './api';
import { ChildPick } from './ChildPick';
import { useCan } from '../../auth/session';
import { useOrganisations } from '../cases/api';
import type { Organisation } from '../cases/types';
import { CareFormCard } from './CareTable';

import { useVersionedSubmit } from './useVersionedSubmit';
import { todayIst } from '../../app/clock';

/**
 * The stages a pathway may move to (as src/care/domain/rules.ts pathwayMoveProblem): the next one
 * in order, or re-entry to care once the child is restored. An ended pathway moves nowhere.
 */
export function nextStages(stage: string): PathwayStage[] {
  const i = PATHWAY_STAGES.indexOf(stage as PathwayStage);
  if (i < 0 || stage === 'closed' || stage === 're_entered') return [];
  const next = PATHWAY_STAGES[i + 1];
  const out: PathwayStage[] = next && next !== 're_entered' ? [next] : [];
  if (i >= PATHWAY_STAGES.indexOf('restored')) out.push('re_entered');
  return out;
}

const optText = (v: string) => (v.trim() ? v.trim() : null);

/** Move a pathway one stage on; restoration needs the CWC's order (JJ Model Rules 2016 Form 44). */
export function PathwayStepForm({ pathway, onDone }: { pathway: Pathway; onDone?: () => void }) {
  const { t } = useTranslation();
  const stages = nextStages(pathway.stage);
  const s = useVersionedSubmit({
    initial: { stage: stages[0] ?? '', on: todayIst(), note: '', orderRef: '' },
    mutation: useStepPathway(pathway.id),
    toBody: (form) => ({
      stage: form.stage,
      on: form.on,
      note: optText(form.note),
      ...(form.stage === 'restoration_ordered' ? { orderRef: optText(form.orderRef) } : {}),
    }),
    version: pathway.version,
    onSuccess: onDone,
  });
  return (
    <CareFormCard
      label={t('care.reintegration.step')}
      title={`${t('care.reintegration.step')}: ${pathway.childName ?? pathway.childId.slice(0, 8)}`}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      onCancel={onDone}
    >
      <NativeSelect
        label={t('care.reintegration.nextStage')}
        data={stages.map((st) => ({ value: st, label: t(`care.reintegration.stages.${st}`) }))}
        {...s.field('stage')}
      />
      <TextInput type="date" label={t('care.reintegration.on')} {...s.field('on')} />
      {s.form.stage === 'restoration_ordered' && <TextInput label={t('care.reintegration.orderRef')} {...s.field('orderRef')} />}
      <Textarea label={t('care.reintegration.note')} autosize minRows={2} {...s.field('note')} />
    </CareFormCard>
  );
}

/** The next follow-up visit after restoration: what was found and the risk to the child. */
export function FollowUpForm({ pathway, onDone }: { pathway: Pathway; onDone?: () => void }) {
  const { t } = useTranslation();
  const visit = pathway.followUps.find((f) => !f.visitedOn);
  const s = useVersionedSubmit({
    initial: { visitedOn: todayIst(), findings: '', risk: 'low' },
    mutation: useRecordFollowUp(visit?.id ?? ''),
    toBody: (form) => ({ visitedOn: form.visitedOn, findings: form.findings.trim(), risk: form.risk }),
    validate: (form) => (form.findings.trim() ? null : { findings: t('care.reintegration.findingsRequired') }),
    onSuccess: onDone,
  });
  if (!visit) return null;
  return (
    <CareFormCard
      label={t('care.reintegration.followUp')}
      title={`${t('care.reintegration.followUp')}: ${pathway.childName ?? pathway.childId.slice(0, 8)} (${t('care.reintegration.due', { on: visit.dueOn })})`}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      onCancel={onDone}
    >
      <TextInput type="date" label={t('care.reintegration.visitedOn')} {...s.field('visitedOn')} />
      <Textarea label={t('care.reintegration.findings')} autosize minRows={2} {...s.field('findings')} />
      <NativeSelect
        label={t('care.reintegration.risk')}
        data={RISK_LEVELS.map((r) => ({ value: r, label: t(`care.reintegration.risks.${r}`) }))}
        {...s.field('risk')}
      />
    </CareFormCard>
  );
}

/**
 * Open a pathway for a child (JJ Act 2015 s.40): the child searched in the registry, its kind (to
 * whom the child is to be restored: parents, relatives as guardians, a fit person), the day it
 * starts (stage 'identified') and a note. The DCPU (care.write) may assign it to an NGO (a Center
 * for Excellence, `ngoId`); an NGO caseworker's pathway is assigned to its own NGO by the server;
 * a child with an open pathway is refused under the child.
 */
/** The NGOs a pathway may go to: active ones only (the server refuses an inactive one under `ngoId`). */
export const activeNgos = (orgs: Organisation[] | undefined) => (orgs ?? []).filter((o) => o.kind === 'NGO' && o.active);

export function OpenPathwayForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const district = useCan()('care.write');
  const orgs = useOrganisations();
  const ngos = district ? activeNgos(orgs.data) : [];
  const s = useVersionedSubmit({
    initial: { childId: '', kind: 'parents', on: todayIst(), note: '', ngoId: '' },
    mutation: useOpenPathway(),
    toBody: (form) => ({
      childId: form.childId,
      kind: form.kind,
      on: form.on,
      note: optText(form.note),
      ...(form.ngoId ? { ngoId: form.ngoId } : {}),
    }),
    validate: (form) => (form.childId ? null : { childId: t('care.reintegration.childRequired') }),
    resetOnSuccess: true,
    onSuccess: onDone,
  });
  return (
    <CareFormCard
      label={t('care.reintegration.open')}
      title={t('care.reintegration.open')}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      onCancel={onDone}
      submitLabel={t('care.reintegration.openSubmit')}
    >
      <ChildPick value={s.form.childId} onChange={(id) => s.put('childId', id)} error={s.errors.childId} />
      <NativeSelect
        label={t('care.reintegration.kind')}
        data={PATHWAY_KINDS.map((k) => ({ value: k, label: t(`care.reintegration.kinds.${k}`) }))}
        {...s.field('kind')}
      />
      {district && (
        <NativeSelect
          label={t('care.reintegration.ngo')}
          description={t('care.reintegration.ngoHelp')}
          data={[{ value: '', label: t('care.reintegration.ngoNone') }, ...ngos.map((o) => ({ value: o.id, label: o.name }))]}
          {...s.field('ngoId')}
        />
      )}
      <TextInput type="date" label={t('care.reintegration.openedOn')} {...s.field('on')} />
      <Textarea label={t('care.reintegration.note')} autosize minRows={2} {...s.field('note')} />
    </CareFormCard>
  );
}

/**
 * The DCPU (care.write) hands an open pathway to another NGO (a Center for Excellence) or takes
 * it back (none), with a reason; the old NGO no longer sees it. Sends the pathway's version: a
 * change made meanwhile is refused (409) and said plainly. The server keeps the choice to active NGOs.
 */
export function ChangeNgoForm({ pathway, onDone }: { pathway: Pathway; onDone?: () => void }) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const ngos = activeNgos(orgs.data);
  const s = useVersionedSubmit({
    initial: { ngoId: pathway.ngoId ?? '', reason: '' },
    mutation: useReassignPathway(pathway.id),
    toBody: (form) => ({ ngoId: form.ngoId || null, reason: form.reason.trim() }),
    validate: (form) => (form.reason.trim() ? null : { reason: t('care.reintegration.changeNgoReasonRequired') }),
    version: pathway.version,
    onSuccess: onDone,
  });
  return (
    <CareFormCard
      label={t('care.reintegration.changeNgo')}
      title={`${t('care.reintegration.changeNgo')}: ${pathway.childName ?? pathway.childId.slice(0, 8)}`}
      general={s.general}
      pending={s.pending}
      onSubmit={s.submit}
      onCancel={onDone}
    >
      <NativeSelect
        label={t('care.reintegration.ngo')}
        description={t('care.reintegration.ngoHelp')}
        data={[{ value: '', label: t('care.reintegration.ngoNone') }, ...ngos.map((o) => ({ value: o.id, label: o.name }))]}
        {...s.field('ngoId')}
      />
      <Textarea label={t('care.reintegration.changeNgoReason')} autosize minRows={2} {...s.field('reason')} />
    </CareFormCard>
  );
}
