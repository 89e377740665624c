import { useState, type FormEvent } from 'react';
import { Button, Card, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAftercareFromProposal, type AftercareProposal } from './api';
import { todayIst } from '../../app/clock';
import { GeneralError, useLifeForm } from './form';

/**
 * The aftercare plan (JJ Act 2015 s.46; the CWC's Form 37 order) made from a foster child's
 * proposal: it records the placement it follows (followsPlacementId), so the proposal is taken up
 * and the plan shows where the young person came from.
 */
export function AftercareFromProposalForm({ proposal, onDone }: { proposal: AftercareProposal; onDone?: () => void }) {
  const { t } = useTranslation();
  const save = useAftercareFromProposal();
  const f = useLifeForm();
  const [form, setForm] = useState({
    orderRef: '',
    planOn: todayIst(),
    education: '',
    skills: '',
    housing: '',
    stipend: '' as number | '',
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    const text = (s: string) => s.trim() || null;
    save.mutate(
      {
        childId: proposal.childId,
        orderRef: form.orderRef.trim(),
        planOn: form.planOn,
        needs: {
          education: text(form.education),
          skills: text(form.skills),
          housing: text(form.housing),
          stipend: form.stipend === '' ? null : form.stipend,
        },
        followsPlacementId: proposal.placementId,
      },
      { onSuccess: () => onDone?.(), onError: f.fail },
    );
  }
  return (
    <Card withBorder maw={640} mb="lg">
      <form aria-label={t('fostering.aftercare.form')} onSubmit={submit} noValidate>
        <Stack>
          <Title order={5}>
            {t('fostering.aftercare.form')}: {proposal.carer ?? proposal.childId.slice(0, 8)}
          </Title>
          <GeneralError message={f.general ?? f.errors.childId ?? f.errors.followsPlacementId ?? null} />
          <TextInput
            name="orderRef"
            label={t('fostering.aftercare.orderRef')}
            value={form.orderRef}
            onChange={(e) => setForm({ ...form, orderRef: e.currentTarget.value })}
            error={f.errors.orderRef}
          />
          <TextInput
            name="planOn"
            type="date"
            label={t('fostering.aftercare.planOn')}
            value={form.planOn}
            onChange={(e) => setForm({ ...form, planOn: e.currentTarget.value })}
            error={f.errors.planOn}
          />
          <TextInput
            name="education"
            label={t('fostering.aftercare.education')}
            value={form.education}
            onChange={(e) => setForm({ ...form, education: e.currentTarget.value })}
            error={f.errors['needs.education']}
          />
          <TextInput
            name="skills"
            label={t('fostering.aftercare.skills')}
            value={form.skills}
            onChange={(e) => setForm({ ...form, skills: e.currentTarget.value })}
            error={f.errors['needs.skills']}
          />
          <TextInput
            name="housing"
            label={t('fostering.aftercare.housing')}
            value={form.housing}
            onChange={(e) => setForm({ ...form, housing: e.currentTarget.value })}
            error={f.errors['needs.housing']}
          />
          <NumberInput
            name="stipend"
            label={t('fostering.aftercare.stipend')}
            min={0}
            value={form.stipend}
            onChange={(v) => setForm({ ...form, stipend: typeof v === 'number' ? v : '' })}
            error={f.errors['needs.stipend']}
          />
          <Button type="submit" loading={save.isPending}>
            {t('fostering.aftercare.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
