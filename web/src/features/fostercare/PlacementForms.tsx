import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Checkbox, NativeSelect, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEndPlacement, useRecordVisit, type FosterPlacement, type PlacementEnded } from './api';
import { todayIst } from '../../app/clock';
import { GeneralError, useLifeForm } from './form';

export const END_REASONS = ['restored_to_family', 'adopted', 'turned_18', 'disruption', 'transfer'] as const;

/** The monthly visit (Form 35, r.23(18)): the child seen alone, the findings; a concern is said in words. */
export function VisitForm({ placement, onDone }: { placement: FosterPlacement; onDone?: () => void }) {
  const { t } = useTranslation();
  const save = useRecordVisit(placement.id);
  const f = useLifeForm();
  const [form, setForm] = useState({ visitedOn: todayIst(), wellbeing: 'good', findings: '', childSeenAlone: false, concerns: '' });
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    if (form.wellbeing !== 'good' && !form.concerns.trim()) {
      f.setErrors({ concerns: t('fostering.visits.concernsRequired') });
      return;
    }
    save.mutate(
      {
        visitedOn: form.visitedOn,
        wellbeing: form.wellbeing,
        findings: form.findings.trim(),
        childSeenAlone: form.childSeenAlone,
        concerns: form.concerns.trim() || null,
      },
      { onSuccess: () => onDone?.(), onError: f.fail },
    );
  }
  return (
    <Card withBorder maw={640} mb="lg">
      <form aria-label={t('fostering.visits.form')} onSubmit={submit} noValidate>
        <Stack>
          <Title order={5}>
            {t('fostering.visits.form')}: {placement.carer ?? placement.childId.slice(0, 8)}
          </Title>
          <GeneralError message={f.general} />
          <TextInput
            name="visitedOn"
            type="date"
            label={t('fostering.visits.visitedOn')}
            value={form.visitedOn}
            onChange={(e) => setForm({ ...form, visitedOn: e.currentTarget.value })}
            error={f.errors.visitedOn}
          />
          <NativeSelect
            name="wellbeing"
            label={t('fostering.visits.wellbeing')}
            data={(['good', 'concern', 'at_risk'] as const).map((v) => ({ value: v, label: t(`fostering.visits.wellbeingOf.${v}`) }))}
            value={form.wellbeing}
            onChange={(e) => setForm({ ...form, wellbeing: e.currentTarget.value })}
            error={f.errors.wellbeing}
          />
          <Checkbox
            name="childSeenAlone"
            label={t('fostering.visits.childSeenAlone')}
            checked={form.childSeenAlone}
            onChange={(e) => setForm({ ...form, childSeenAlone: e.currentTarget.checked })}
          />
          <Textarea
            name="findings"
            label={t('fostering.visits.findings')}
            autosize
            minRows={2}
            value={form.findings}
            onChange={(e) => setForm({ ...form, findings: e.currentTarget.value })}
            error={f.errors.findings}
          />
          <Textarea
            name="concerns"
            label={t('fostering.visits.concerns')}
            autosize
            minRows={2}
            value={form.concerns}
            onChange={(e) => setForm({ ...form, concerns: e.currentTarget.value })}
            error={f.errors.concerns}
          />
          <Button type="submit" loading={save.isPending}>
            {t('fostering.visits.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

/** Ending on the CWC's order, with the placement's version: a stale one (409) is said plainly. */
export function EndPlacementForm({ placement }: { placement: FosterPlacement }) {
  const { t } = useTranslation();
  const save = useEndPlacement(placement.id);
  const f = useLifeForm();
  const [form, setForm] = useState({ reason: 'restored_to_family', endedOn: todayIst(), orderRef: '' });
  const [done, setDone] = useState<PlacementEnded | null>(null);
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    save.mutate(
      { reason: form.reason, endedOn: form.endedOn, orderRef: form.orderRef.trim(), version: placement.version },
      { onSuccess: setDone, onError: f.fail },
    );
  }
  if (done)
    return (
      <Alert color="green" role="status" mb="lg">
        {t('fostering.end.done', { withheld: done.withheldMonths.join(', ') || '—' })}
        {done.paidAfterEnd.length > 0 && ` ${t('fostering.end.paidAfter', { months: done.paidAfterEnd.join(', ') })}`}
        {done.aftercareProposed && ` ${t('fostering.end.aftercare')}`}
      </Alert>
    );
  return (
    <Card withBorder maw={640} mb="lg">
      <form aria-label={t('fostering.end.form')} onSubmit={submit} noValidate>
        <Stack>
          <Title order={5}>
            {t('fostering.end.form')}: {placement.carer ?? placement.childId.slice(0, 8)}
          </Title>
          <GeneralError message={f.general} />
          <NativeSelect
            name="reason"
            label={t('fostering.end.reason')}
            data={END_REASONS.map((r) => ({ value: r, label: t(`fostering.end.reasons.${r}`) }))}
            value={form.reason}
            onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}
            error={f.errors.reason}
          />
          <TextInput
            name="endedOn"
            type="date"
            label={t('fostering.end.endedOn')}
            value={form.endedOn}
            onChange={(e) => setForm({ ...form, endedOn: e.currentTarget.value })}
            error={f.errors.endedOn}
          />
          <TextInput
            name="orderRef"
            label={t('fostering.end.orderRef')}
            value={form.orderRef}
            onChange={(e) => setForm({ ...form, orderRef: e.currentTarget.value })}
            error={f.errors.orderRef}
          />
          <Button type="submit" color="red" loading={save.isPending}>
            {t('fostering.end.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
