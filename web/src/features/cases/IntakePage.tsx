import { useState } from 'react';
import { Alert, Button, Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { INTAKE_SOURCES, RISK_LEVELS } from '../../../../src/cases/domain';
import { SEXES } from '../../../../src/registry/vocabulary';
import { ApiError } from '../../api/client';
import { placeLabel } from '../../components/PersonName';
import { describeError, splitServerIssues, translateReason, useReason, type FieldErrors } from '../../forms/errors';
import { useChildren, useVillages } from '../registry/api';
import { PageHeader } from '../registry/shared/PageHeader';
import { openCase, useCasesWrite } from './api';
import { todayIst as today } from '../../app/clock';

/** Who usually reports a child in need of care (the intake's reporter), stored as the code; "other" in their own words. */
const REPORTER_ROLES = [
  'anganwadi_worker',
  'asha_worker',
  'teacher',
  'police',
  'childline_1098',
  'parent_or_relative',
  'neighbour',
  'ngo_worker',
  'gram_panchayat',
  'the_child',
  'other',
] as const;

const FIELDS = ['childId', 'source', 'reporter', 'reportedOn', 'concerns', 'risk', 'child'];

/** Intake: how a child came to notice, for a registered child or a new one (created in the same request). */
export default function IntakePage() {
  const { t, i18n } = useTranslation();
  const reason = useReason();
  const navigate = useNavigate();
  const preset = useSearch({ strict: false }) as { childId?: string };
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [q, setQ] = useState('');
  const [childId, setChildId] = useState<string | null>(preset.childId ?? null);
  const [child, setChild] = useState({ name: '', sex: 'female', ageYears: '' as number | '', locationId: '' });
  const [v, setV] = useState({
    source: 'anganwadi',
    reporterName: '',
    reporterRole: '',
    reporterRoleChoice: '',
    reporterContact: '',
    reportedOn: today(),
    concerns: '',
    risk: 'high',
    productionRequired: false,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const found = useChildren({ q: q.trim() || undefined });
  const villages = useVillages();
  const write = useCasesWrite(openCase);

  const submit = async () => {
    setErrors({});
    setOther([]);
    const body = {
      ...(mode === 'existing'
        ? { childId: childId ?? undefined }
        : {
            child: {
              name: child.name,
              sex: child.sex,
              ageYears: child.ageYears === '' ? undefined : child.ageYears,
              locationId: child.locationId || undefined,
              careStatus: 'birth_family',
            },
          }),
      source: v.source,
      reporter: { name: v.reporterName, role: v.reporterRole, ...(v.reporterContact ? { contact: v.reporterContact } : {}) },
      reportedOn: v.reportedOn,
      concerns: v.concerns
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
      risk: v.risk,
      productionRequired: v.productionRequired,
    };
    try {
      const c = await write.mutateAsync(body);
      void navigate({ to: `/cases/${c.id}` });
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        const split = splitServerIssues(err, FIELDS);
        setErrors(split.fields);
        setOther(split.other.map((m) => translateReason(t, m)));
      } else setOther([describeError(t, err)]);
    }
  };

  return (
    <>
      <PageHeader title={t('cases.intake.title')} subtitle={<Text size="sm">{t('cases.intake.intro')}</Text>} />
      <Stack
        gap="sm"
        maw={720}
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {other.length > 0 && (
          <Alert color="red" role="alert">
            {other.map((o) => (
              <Text key={o} size="sm">
                {o}
              </Text>
            ))}
          </Alert>
        )}
        <SegmentedControl
          value={mode}
          onChange={(m) => setMode(m as 'existing' | 'new')}
          data={[
            { value: 'existing', label: t('cases.intake.existing') },
            { value: 'new', label: t('cases.intake.newChild') },
          ]}
        />
        {mode === 'existing' ? (
          <Group grow align="flex-end">
            <TextInput label={t('cases.intake.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
            <Select
              label={t('cases.field.child')}
              required
              searchable
              error={reason(errors.childId)}
              value={childId}
              onChange={setChildId}
              name="childId"
              data={(found.data?.items ?? []).map((c) => ({
                value: c.id,
                label: `${c.name}${c.nameLocal ? ` (${c.nameLocal})` : ''}${c.age != null ? `, ${c.age}` : ''}`,
              }))}
            />
          </Group>
        ) : (
          <Group grow align="flex-start">
            <TextInput
              label={t('cases.intake.name')}
              required
              value={child.name}
              onChange={(e) => setChild({ ...child, name: e.currentTarget.value })}
              error={reason(errors['child.name'] ?? errors.child)}
            />
            <Select
              label={t('cases.intake.sex')}
              data={SEXES.map((s) => ({ value: s, label: t(`vocab.sex.${s}`, { defaultValue: s }) }))}
              value={child.sex}
              onChange={(s) => setChild({ ...child, sex: s ?? 'female' })}
            />
            <NumberInput
              label={t('cases.intake.ageYears')}
              min={0}
              max={25}
              value={child.ageYears}
              onChange={(n) => setChild({ ...child, ageYears: typeof n === 'number' ? n : '' })}
            />
            <Select
              label={t('cases.intake.village')}
              required
              searchable
              data={(villages.data ?? []).map((p) => ({ value: p.id, label: placeLabel(p, i18n.language) }))}
              value={child.locationId || null}
              onChange={(id) => setChild({ ...child, locationId: id ?? '' })}
            />
          </Group>
        )}
        <Select
          label={t('cases.field.source')}
          required
          data={INTAKE_SOURCES.map((s) => ({ value: s, label: t(`cases.source.${s}`) }))}
          value={v.source}
          onChange={(s) => setV({ ...v, source: s ?? 'anganwadi' })}
          error={reason(errors.source)}
        />
        <Group grow>
          <TextInput
            label={t('cases.field.reporterName')}
            required
            value={v.reporterName}
            onChange={(e) => setV({ ...v, reporterName: e.currentTarget.value })}
            error={reason(errors.reporter)}
          />
          {/* Issue #17: a list of who usually reports, in the reader's language; "other" asks for their words. */}
          <Select
            label={t('cases.field.reporterRole')}
            required
            data={REPORTER_ROLES.map((r) => ({ value: r, label: t(`cases.reporterRoles.${r}`) }))}
            value={v.reporterRoleChoice || null}
            onChange={(x) => setV({ ...v, reporterRoleChoice: x ?? '', reporterRole: x && x !== 'other' ? x : '' })}
          />
          {v.reporterRoleChoice === 'other' && (
            <TextInput
              label={t('cases.reporterRoles.otherWords')}
              required
              value={v.reporterRole}
              onChange={(e) => setV({ ...v, reporterRole: e.currentTarget.value })}
            />
          )}
          <TextInput
            label={t('cases.field.reporterContact')}
            value={v.reporterContact}
            onChange={(e) => setV({ ...v, reporterContact: e.currentTarget.value })}
          />
        </Group>
        <TextInput
          type="date"
          label={t('cases.field.reportedOn')}
          required
          value={v.reportedOn}
          onChange={(e) => setV({ ...v, reportedOn: e.currentTarget.value })}
          error={reason(errors.reportedOn)}
        />
        <Textarea
          label={t('cases.field.concerns')}
          required
          autosize
          minRows={3}
          value={v.concerns}
          onChange={(e) => setV({ ...v, concerns: e.currentTarget.value })}
          error={reason(errors.concerns)}
          name="concerns"
        />
        <Select
          label={t('cases.field.risk')}
          required
          data={RISK_LEVELS.map((r) => ({ value: r, label: t(`cases.risk.${r}`) }))}
          value={v.risk}
          onChange={(r) => setV({ ...v, risk: r ?? 'high' })}
        />
        <Checkbox
          label={t('cases.field.productionNeeded')}
          checked={v.productionRequired}
          onChange={(e) => setV({ ...v, productionRequired: e.currentTarget.checked })}
        />
        <Group>
          <Button type="submit" loading={write.isPending}>
            {t('cases.intake.submit')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}
