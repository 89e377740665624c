import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Card, NativeSelect, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayIst } from '../../app/clock';
import { useCareForm } from '../care/forms';
import { useApplySponsorship, useSponsorshipStep, type Sponsorship } from './api';

import { SPONSORSHIP_GROUNDS as GROUNDS } from '../../../../src/care/sponsorship/grounds';

export { GROUNDS };

/** One form's state, with the care forms' one handling of the server's answer (useCareForm). */
function useStepForm<T extends Record<string, string>>(initial: T) {
  const f = useCareForm('sponsorship.stale');
  const [form, setForm] = useState(initial);
  return { ...f, form, set: (k: keyof T) => (v: string) => setForm((s) => ({ ...s, [k]: v })) };
}

function Shell({
  title,
  general,
  onSubmit,
  pending,
  submit,
  children,
}: {
  title: string;
  general: string | null;
  onSubmit: (e: FormEvent) => void;
  pending: boolean;
  submit: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder maw={640} mb="lg">
      <form aria-label={title} onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={5}>{title}</Title>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          {children}
          <Button type="submit" loading={pending}>
            {submit}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

const trimmed = (v: string) => v.trim() || null;

export function ApplyForm() {
  const { t } = useTranslation();
  const save = useApplySponsorship();
  const empty = { childId: '', appliedOn: todayIst(), applicant: '', ground: GROUNDS[0] as string };
  const f = useStepForm(empty);
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    save.mutate({ ...f.form, childId: f.form.childId.trim(), applicant: f.form.applicant.trim() }, { onError: f.fail });
  }
  return (
    <Shell
      title={t('sponsorship.apply.title')}
      general={f.general}
      onSubmit={submit}
      pending={save.isPending}
      submit={t('sponsorship.apply.submit')}
    >
      <TextInput
        name="childId"
        label={t('sponsorship.apply.childId')}
        value={f.form.childId}
        onChange={(e) => f.set('childId')(e.currentTarget.value)}
        error={f.errors.childId}
      />
      <TextInput
        name="appliedOn"
        type="date"
        label={t('sponsorship.apply.appliedOn')}
        value={f.form.appliedOn}
        onChange={(e) => f.set('appliedOn')(e.currentTarget.value)}
        error={f.errors.appliedOn}
      />
      <TextInput
        name="applicant"
        label={t('sponsorship.apply.applicant')}
        value={f.form.applicant}
        onChange={(e) => f.set('applicant')(e.currentTarget.value)}
        error={f.errors.applicant}
      />
      <NativeSelect
        name="ground"
        label={t('sponsorship.col.ground')}
        data={GROUNDS.map((g) => ({ value: g, label: t(`sponsorship.ground.${g}`) }))}
        value={f.form.ground}
        onChange={(e) => f.set('ground')(e.currentTarget.value)}
        error={f.errors.ground}
      />
    </Shell>
  );
}

/** The Sponsorship and Foster Care Approval Committee's decision; a sanction carries the CWC's Form 36 order. */
export function DecisionForm({ s, onDone }: { s: Sponsorship; onDone?: () => void }) {
  const { t } = useTranslation();
  const save = useSponsorshipStep(s.id, 'decision');
  const f = useStepForm({ meetingOn: todayIst(), decision: 'sanctioned', reasons: '', orderRef: '', startsOn: todayIst() });
  const sanction = f.form.decision === 'sanctioned';
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    const body = {
      meetingOn: f.form.meetingOn,
      decision: f.form.decision,
      reasons: f.form.reasons.trim(),
      ...(sanction ? { orderRef: trimmed(f.form.orderRef), startsOn: f.form.startsOn } : {}),
      version: s.version,
    };
    save.mutate(body, { onSuccess: () => onDone?.(), onError: f.fail });
  }
  return (
    <Shell
      title={t('sponsorship.decision.title')}
      general={f.general}
      onSubmit={submit}
      pending={save.isPending}
      submit={t('sponsorship.decision.submit')}
    >
      <TextInput
        name="meetingOn"
        type="date"
        label={t('sponsorship.decision.meetingOn')}
        value={f.form.meetingOn}
        onChange={(e) => f.set('meetingOn')(e.currentTarget.value)}
        error={f.errors.meetingOn}
      />
      <NativeSelect
        name="decision"
        label={t('sponsorship.decision.decision')}
        data={(['sanctioned', 'refused'] as const).map((d) => ({ value: d, label: t(`sponsorship.decision.${d}`) }))}
        value={f.form.decision}
        onChange={(e) => f.set('decision')(e.currentTarget.value)}
        error={f.errors.decision}
      />
      <Textarea
        name="reasons"
        autosize
        label={t('sponsorship.decision.reasons')}
        value={f.form.reasons}
        onChange={(e) => f.set('reasons')(e.currentTarget.value)}
        error={f.errors.reasons}
      />
      {sanction && (
        <>
          <TextInput
            name="orderRef"
            label={t('sponsorship.decision.orderRef')}
            value={f.form.orderRef}
            onChange={(e) => f.set('orderRef')(e.currentTarget.value)}
            error={f.errors.orderRef}
          />
          <TextInput
            name="startsOn"
            type="date"
            label={t('sponsorship.decision.startsOn')}
            value={f.form.startsOn}
            onChange={(e) => f.set('startsOn')(e.currentTarget.value)}
            error={f.errors.startsOn}
          />
        </>
      )}
    </Shell>
  );
}

export function ReviewForm({ s, onDone }: { s: Sponsorship; onDone?: () => void }) {
  const { t } = useTranslation();
  const save = useSponsorshipStep(s.id, 'reviews');
  const f = useStepForm({ on: todayIst(), outcome: 'continue', notes: '' });
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    save.mutate({ ...f.form, notes: f.form.notes.trim(), version: s.version }, { onSuccess: () => onDone?.(), onError: f.fail });
  }
  return (
    <Shell
      title={t('sponsorship.review.title')}
      general={f.general}
      onSubmit={submit}
      pending={save.isPending}
      submit={t('sponsorship.review.submit')}
    >
      <TextInput
        name="on"
        type="date"
        label={t('sponsorship.review.on')}
        value={f.form.on}
        onChange={(e) => f.set('on')(e.currentTarget.value)}
        error={f.errors.on}
      />
      <NativeSelect
        name="outcome"
        label={t('sponsorship.review.outcome')}
        data={(['continue', 'end'] as const).map((o) => ({ value: o, label: t(`sponsorship.review.${o}`) }))}
        value={f.form.outcome}
        onChange={(e) => f.set('outcome')(e.currentTarget.value)}
        error={f.errors.outcome}
      />
      <Textarea
        name="notes"
        autosize
        label={t('sponsorship.review.notes')}
        value={f.form.notes}
        onChange={(e) => f.set('notes')(e.currentTarget.value)}
        error={f.errors.notes}
      />
    </Shell>
  );
}

/** A school absence begins, or (when one is open) the child is back at school. */
export function AbsenceForm({ s, onDone }: { s: Sponsorship; onDone?: () => void }) {
  const { t } = useTranslation();
  const save = useSponsorshipStep(s.id, 'absence');
  const field = s.absentSince ? 'backOn' : 'absentSince';
  const f = useStepForm({ day: todayIst() });
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    save.mutate({ [field]: f.form.day, version: s.version }, { onSuccess: () => onDone?.(), onError: f.fail });
  }
  return (
    <Shell
      title={t('sponsorship.absence.title')}
      general={f.general}
      onSubmit={submit}
      pending={save.isPending}
      submit={t(s.absentSince ? 'sponsorship.absence.back' : 'sponsorship.absence.start')}
    >
      <TextInput
        name={field}
        type="date"
        label={t(`sponsorship.absence.${field}`)}
        value={f.form.day}
        onChange={(e) => f.set('day')(e.currentTarget.value)}
        error={f.errors[field]}
      />
    </Shell>
  );
}
