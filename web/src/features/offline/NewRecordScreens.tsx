import { useEffect, useState } from 'react';
import { Anchor, Button, Checkbox, Group, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import { useReason } from '../../forms/errors';
import { surveyInput } from '../../../../src/registry/registry.model';
import { PersonName } from '../../components/PersonName';
import { ChildForm } from '../registry/children/ChildForm';
import { emptyChild } from '../registry/children/childForm.model';
import { AssessmentForm } from '../registry/assessments/AssessmentForm';
import { emptyAssessment } from '../registry/assessments/assessmentForm.model';
import { PageHeader } from '../registry/shared/PageHeader';
import type { Instrument } from '../registry/types';
import { useVillage } from './useVillage';

import { Gate, newId, nextSeq } from './shared';

export function NewChildScreen() {
  const { t } = useTranslation();
  const { familyId } = useParams({ strict: false }) as { familyId: string };
  const navigate = useNavigate();
  const v = useVillage();
  const family = v.families.find((fam) => fam.id === familyId);

  async function save(payload: Record<string, unknown>) {
    if (!v.vault) return;
    await v.vault.putChange({
      id: newId(),
      seq: nextSeq(),
      madeAt: new Date().toISOString(),
      status: 'pending',
      kind: 'child.create',
      familyId,
      payload,
    });
    if (navigator.onLine) void v.syncNow();
    void navigate({ to: '/offline' });
  }

  return (
    <>
      <Anchor component={Link} to="/offline" size="sm">
        {t('offline.back')}
      </Anchor>
      <PageHeader title={t('offline.newChild')} />
      <Gate v={v}>
        {family ? (
          <ChildForm
            mode="create"
            initial={emptyChild({ familyId })}
            familyLabel={<PersonName name={family.headName} nameLocal={family.headNameLocal} />}
            onSubmit={save}
            onCancel={() => void navigate({ to: '/offline' })}
          />
        ) : (
          <Text>{t('offline.notKept')}</Text>
        )}
      </Gate>
    </>
  );
}

export function AssessmentScreen() {
  const { t } = useTranslation();
  const { familyId } = useParams({ strict: false }) as { familyId: string };
  const navigate = useNavigate();
  const v = useVillage();
  const family = v.families.find((fam) => fam.id === familyId);
  const [instrument, setInstrument] = useState<Instrument | null>(null);
  useEffect(() => {
    void v.vault?.meta<Instrument>('instrument').then(setInstrument, () => setInstrument(null));
  }, [v.vault]);
  const back = () => void navigate({ to: '/offline' });

  async function save(payload: Record<string, unknown>) {
    if (!v.vault) return;
    await v.vault.putChange({
      id: newId(),
      seq: nextSeq(),
      madeAt: new Date().toISOString(),
      status: 'pending',
      kind: 'family.assessment',
      familyId,
      payload,
    });
    if (navigator.onLine) void v.syncNow();
    back();
  }

  return (
    <>
      <Anchor component={Link} to="/offline" size="sm">
        {t('offline.back')}
      </Anchor>
      <PageHeader
        title={t('offline.newAssessment')}
        subtitle={family && <PersonName name={family.headName} nameLocal={family.headNameLocal} />}
      />
      <Gate v={v}>
        {family && instrument ? (
          <AssessmentForm
            instrument={instrument}
            childOptions={v.children
              .filter((c) => c.familyId === familyId)
              .map((c) => ({ value: c.id, label: c.nameLocal && c.nameLocal !== c.name ? `${c.name} (${c.nameLocal})` : c.name }))}
            initial={emptyAssessment()}
            onSubmit={save}
            onCancel={back}
          />
        ) : (
          <Text>{t('offline.notKept')}</Text>
        )}
      </Gate>
    </>
  );
}

/** A village vulnerability-mapping survey (households visited, the families found at risk), made without signal. */
export function SurveyScreen() {
  const { t } = useTranslation();
  const me = useMe();
  const reason = useReason();
  const navigate = useNavigate();
  const v = useVillage();
  const villageId = me.scope.villageId ?? v.families.find((fam) => fam.villageId)?.villageId ?? null;
  const [surveyedOn, setSurveyedOn] = useState('');
  const [households, setHouseholds] = useState<number | string>('');
  const [notes, setNotes] = useState('');
  const [atRisk, setAtRisk] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const back = () => void navigate({ to: '/offline' });

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!v.vault || !villageId) return;
    const input = {
      surveyedOn,
      householdsVisited: households === '' ? undefined : Number(households),
      notes: notes.trim() || undefined,
      visits: v.families.map((fam) => ({ familyId: fam.id, atRisk: atRisk.has(fam.id), reasons: [] })),
    };
    // The server's own schema, so a refusal reads the same here as it would online.
    const parsed = surveyInput.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? ''), i.message])));
      return;
    }
    await v.vault.putChange({
      id: newId(),
      seq: nextSeq(),
      madeAt: new Date().toISOString(),
      status: 'pending',
      kind: 'village.survey',
      villageId,
      payload: parsed.data,
    });
    if (navigator.onLine) void v.syncNow();
    back();
  }

  return (
    <>
      <Anchor component={Link} to="/offline" size="sm">
        {t('offline.back')}
      </Anchor>
      <PageHeader title={t('offline.newSurvey')} />
      <Gate v={v}>
        <form onSubmit={(e) => void save(e)} noValidate aria-label={t('offline.newSurvey')}>
          <Stack gap="sm" maw={640}>
            <TextInput
              type="date"
              label={t('offline.surveyedOn')}
              required
              value={surveyedOn}
              onChange={(e) => setSurveyedOn(e.currentTarget.value)}
              error={reason(errors.surveyedOn)}
            />
            <NumberInput
              label={t('map.householdsVisited')}
              required
              min={0}
              allowDecimal={false}
              value={households}
              onChange={setHouseholds}
              error={reason(errors.householdsVisited)}
            />
            <Textarea
              label={t('offline.surveyNotes')}
              autosize
              minRows={2}
              maxLength={4000}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
            />
            <Text fw={600} size="sm">
              {t('offline.familiesAtRisk')}
            </Text>
            {v.families.map((fam) => (
              <Checkbox
                key={fam.id}
                label={fam.headNameLocal && fam.headNameLocal !== fam.headName ? `${fam.headName} (${fam.headNameLocal})` : fam.headName}
                checked={atRisk.has(fam.id)}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setAtRisk((s) => {
                    const next = new Set(s);
                    if (checked) next.add(fam.id);
                    else next.delete(fam.id);
                    return next;
                  });
                }}
              />
            ))}
            <Group>
              <Button type="submit">{t('form.save')}</Button>
              <Button variant="default" onClick={back}>
                {t('form.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Gate>
    </>
  );
}
