import { useState, type FormEvent } from 'react';
import { Button, Card, NativeSelect, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReassessment, useRenewalDecision, type ApprovalDue } from './api';
import { todayIst } from '../../app/clock';
import { GeneralError, useLifeForm } from './form';

/**
 * Renewal of a foster family's approval (JJ Model Rules 2016 r.23): the DCPU's re-assessment (an
 * update of the Form 30 home study), then the Sponsorship and Foster Care Approval Committee's
 * decision. Each sends the family's version; a stale one (409) is said plainly.
 */
export function ReassessmentForm({ due, onDone }: { due: ApprovalDue; onDone?: () => void }) {
  const { t } = useTranslation();
  const save = useReassessment(due.carer.id);
  const f = useLifeForm();
  const [form, setForm] = useState({ on: todayIst(), by: '', recommendation: 'renew', summary: '' });
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    save.mutate(
      { on: form.on, by: form.by.trim(), recommendation: form.recommendation, summary: form.summary.trim(), version: due.carer.version },
      { onSuccess: () => onDone?.(), onError: f.fail },
    );
  }
  return (
    <Card withBorder maw={640} mb="lg">
      <form aria-label={t('fostering.renewal.reassess')} onSubmit={submit} noValidate>
        <Stack>
          <Title order={5}>
            {t('fostering.renewal.reassess')}: {due.carer.name}
          </Title>
          <GeneralError message={f.general} />
          <TextInput
            name="on"
            type="date"
            label={t('fostering.renewal.on')}
            value={form.on}
            onChange={(e) => setForm({ ...form, on: e.currentTarget.value })}
            error={f.errors.on}
          />
          <TextInput
            name="by"
            label={t('fostering.renewal.by')}
            value={form.by}
            onChange={(e) => setForm({ ...form, by: e.currentTarget.value })}
            error={f.errors.by}
          />
          <NativeSelect
            name="recommendation"
            label={t('fostering.renewal.recommendation')}
            data={(['renew', 'do_not_renew'] as const).map((v) => ({ value: v, label: t(`fostering.renewal.recommend.${v}`) }))}
            value={form.recommendation}
            onChange={(e) => setForm({ ...form, recommendation: e.currentTarget.value })}
            error={f.errors.recommendation}
          />
          <Textarea
            name="summary"
            label={t('fostering.renewal.summary')}
            autosize
            minRows={2}
            value={form.summary}
            onChange={(e) => setForm({ ...form, summary: e.currentTarget.value })}
            error={f.errors.summary}
          />
          <Button type="submit" loading={save.isPending}>
            {t('fostering.renewal.reassessSubmit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

export function RenewalDecisionForm({ due, onDone }: { due: ApprovalDue; onDone?: () => void }) {
  const { t } = useTranslation();
  const save = useRenewalDecision(due.carer.id);
  const f = useLifeForm();
  const [form, setForm] = useState({ meetingOn: todayIst(), decision: 'renewed', validUntil: '', reasons: '', ref: '' });
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    if (form.decision === 'renewed' && !form.validUntil) {
      f.setErrors({ validUntil: t('fostering.renewal.validUntilRequired') });
      return;
    }
    save.mutate(
      {
        meetingOn: form.meetingOn,
        decision: form.decision,
        validUntil: form.decision === 'renewed' ? form.validUntil : null,
        reasons: form.reasons.trim(),
        ref: form.ref.trim() || null,
        version: due.carer.version,
      },
      { onSuccess: () => onDone?.(), onError: f.fail },
    );
  }
  return (
    <Card withBorder maw={640} mb="lg">
      <form aria-label={t('fostering.renewal.decide')} onSubmit={submit} noValidate>
        <Stack>
          <Title order={5}>
            {t('fostering.renewal.decide')}: {due.carer.name}
          </Title>
          <GeneralError message={f.general ?? f.errors.decision ?? null} />
          <TextInput
            name="meetingOn"
            type="date"
            label={t('fostering.renewal.meetingOn')}
            value={form.meetingOn}
            onChange={(e) => setForm({ ...form, meetingOn: e.currentTarget.value })}
            error={f.errors.meetingOn}
          />
          <NativeSelect
            name="decision"
            label={t('fostering.renewal.decision')}
            data={(['renewed', 'refused'] as const).map((v) => ({ value: v, label: t(`fostering.renewal.decisions.${v}`) }))}
            value={form.decision}
            onChange={(e) => setForm({ ...form, decision: e.currentTarget.value })}
          />
          {form.decision === 'renewed' && (
            <TextInput
              name="validUntil"
              type="date"
              label={t('fostering.renewal.validUntil')}
              value={form.validUntil}
              onChange={(e) => setForm({ ...form, validUntil: e.currentTarget.value })}
              error={f.errors.validUntil}
            />
          )}
          <Textarea
            name="reasons"
            label={t('fostering.renewal.reasons')}
            autosize
            minRows={2}
            value={form.reasons}
            onChange={(e) => setForm({ ...form, reasons: e.currentTarget.value })}
            error={f.errors.reasons}
          />
          <TextInput
            name="ref"
            label={t('fostering.renewal.ref')}
            value={form.ref}
            onChange={(e) => setForm({ ...form, ref: e.currentTarget.value })}
            error={f.errors.ref}
          />
          <Button type="submit" loading={save.isPending}>
            {t('fostering.renewal.decideSubmit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
