import { useState, type FormEvent } from 'react';
import { Button, Card, Group, NativeSelect, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCarerDecision, useHomeStudy, type FosterCarer } from './api';
import { GeneralError, todayIst, useCareForm } from './forms';

/**
 * The home study report of a family that applied to foster (JJ Model Rules 2016 Form 30,
 * r.23(9)), then the Sponsorship and Foster Care Approval Committee's decision (r.23) on it.
 * Each sends the carer's version: two officers acting at once get a plain "changed meanwhile".
 */
export function HomeStudyForm({ carer, onDone }: { carer: FosterCarer; onDone?: () => void }) {
  const { t } = useTranslation();
  const save = useHomeStudy(carer.id);
  const f = useCareForm();
  const [form, setForm] = useState({ on: todayIst(), by: '', recommendation: 'recommended', summary: '' });
  const set = (k: keyof typeof form) => (v: string) => setForm((s) => ({ ...s, [k]: v }));
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    save.mutate(
      { ...form, by: form.by.trim(), summary: form.summary.trim(), version: carer.version },
      { onSuccess: () => onDone?.(), onError: f.fail },
    );
  }
  return (
    <Card withBorder maw={640} mb="lg">
      <form aria-label={t('care.foster.homeStudy.title')} onSubmit={submit} noValidate>
        <Stack>
          <Title order={5}>
            {t('care.foster.homeStudy.title')}: {carer.name}
          </Title>
          <GeneralError message={f.general} />
          <TextInput
            name="on"
            type="date"
            label={t('care.foster.homeStudy.on')}
            value={form.on}
            onChange={(e) => set('on')(e.currentTarget.value)}
            error={f.errors.on}
          />
          <TextInput
            name="by"
            label={t('care.foster.homeStudy.by')}
            value={form.by}
            onChange={(e) => set('by')(e.currentTarget.value)}
            error={f.errors.by}
          />
          <NativeSelect
            name="recommendation"
            label={t('care.foster.col.homeStudy')}
            data={['recommended', 'not_recommended'].map((v) => ({ value: v, label: t(`care.foster.recommendation.${v}`) }))}
            value={form.recommendation}
            onChange={(e) => set('recommendation')(e.currentTarget.value)}
            error={f.errors.recommendation}
          />
          <Textarea
            name="summary"
            label={t('care.foster.homeStudy.summary')}
            autosize
            minRows={3}
            value={form.summary}
            onChange={(e) => set('summary')(e.currentTarget.value)}
            error={f.errors.summary}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('care.save')}
            </Button>
            {onDone && (
              <Button variant="default" onClick={onDone}>
                {t('care.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function CommitteeDecisionForm({ carer, onDone }: { carer: FosterCarer; onDone?: () => void }) {
  const { t } = useTranslation();
  const save = useCarerDecision(carer.id);
  const f = useCareForm();
  const [form, setForm] = useState({ meetingOn: todayIst(), decision: 'approved', reasons: '', ref: '' });
  const set = (k: keyof typeof form) => (v: string) => setForm((s) => ({ ...s, [k]: v }));
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    save.mutate(
      { ...form, reasons: form.reasons.trim(), ref: form.ref.trim() || null, version: carer.version },
      { onSuccess: () => onDone?.(), onError: f.fail },
    );
  }
  return (
    <Card withBorder maw={640} mb="lg">
      <form aria-label={t('care.foster.decision.title')} onSubmit={submit} noValidate>
        <Stack>
          <Title order={5}>
            {t('care.foster.decision.title')}: {carer.name}
          </Title>
          <GeneralError message={f.general} />
          <TextInput
            name="meetingOn"
            type="date"
            label={t('care.foster.decision.meetingOn')}
            value={form.meetingOn}
            onChange={(e) => set('meetingOn')(e.currentTarget.value)}
            error={f.errors.meetingOn}
          />
          <NativeSelect
            name="decision"
            label={t('care.foster.col.decision')}
            data={['approved', 'rejected'].map((v) => ({ value: v, label: t(`care.foster.status.${v}`) }))}
            value={form.decision}
            onChange={(e) => set('decision')(e.currentTarget.value)}
            error={f.errors.decision}
          />
          <Textarea
            name="reasons"
            label={t('care.foster.decision.reasons')}
            autosize
            minRows={2}
            value={form.reasons}
            onChange={(e) => set('reasons')(e.currentTarget.value)}
            error={f.errors.reasons}
          />
          <TextInput
            name="ref"
            label={t('care.foster.decision.ref')}
            value={form.ref}
            onChange={(e) => set('ref')(e.currentTarget.value)}
            error={f.errors.ref}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('care.save')}
            </Button>
            {onDone && (
              <Button variant="default" onClick={onDone}>
                {t('care.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
