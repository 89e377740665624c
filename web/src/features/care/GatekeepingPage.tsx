import { useState, type FormEvent } from 'react';
import { Badge, Button, Card, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { useGatekeepingList, useRecordGatekeeping } from './api';
import { CareTable } from './CareTable';
import { GeneralError, useCareForm } from './forms';
import { todayIst } from '../../app/clock';

const OPTIONS = ['own_family', 'kinship', 'foster_care', 'sponsorship'] as const;

/**
 * Gatekeeping (JJ Act 2015 s.3(xii): institutionalisation as the last resort): before the CWC
 * orders institutional care, every family-based option is weighed with its reason; the district's
 * figures show how many proposed admissions were diverted to family-based care. The record's id
 * is what the admission form asks for.
 */
export default function GatekeepingPage() {
  const { t } = useTranslation();
  const can = useCan();
  const figures = useQuery({
    queryKey: ['care', 'gatekeeping', 'figures'],
    queryFn: ({ signal }) =>
      api.get<{ items: { districtCode: number; assessed: number; diverted: number; institution: number }[] }>(
        '/care/gatekeeping/figures',
        undefined,
        signal,
      ),
  });
  return (
    <>
      <PageHeader title={t('care.gatekeeping.title')} subtitle={<Text size="sm">{t('care.gatekeeping.intro')}</Text>} />
      <QueryState query={figures}>
        {(data) =>
          data.items.length ? (
            <Table striped aria-label={t('care.gatekeeping.figures')} mb="lg">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('care.level.district')}</Table.Th>
                  <Table.Th>{t('care.gatekeeping.assessed')}</Table.Th>
                  <Table.Th>{t('care.gatekeeping.diverted')}</Table.Th>
                  <Table.Th>{t('care.gatekeeping.institution')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((d) => (
                  <Table.Tr key={d.districtCode}>
                    <Table.Td>{d.districtCode}</Table.Td>
                    <Table.Td>{d.assessed}</Table.Td>
                    <Table.Td>{d.diverted}</Table.Td>
                    <Table.Td>{d.institution}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text mb="lg">{t('care.gatekeeping.none')}</Text>
          )
        }
      </QueryState>
      {can('care.write') && <GatekeepingList />}
      {can('care.write') && <GatekeepingForm />}
    </>
  );
}

/** The district's assessments, by outcome and child: which proposed admissions were diverted, and which an admission used. */
export function GatekeepingList() {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  const [childId, setChildId] = useState('');
  const id = /^[0-9a-f-]{36}$/i.test(childId.trim()) ? childId.trim() : undefined;
  const list = useGatekeepingList({ outcome: outcome || undefined, childId: id });
  return (
    <>
      <Title order={4} mb="xs">
        {t('care.gatekeeping.list')}
      </Title>
      <Group mb="sm" align="end">
        <NativeSelect
          name="outcome"
          label={t('care.gatekeeping.outcome')}
          data={[
            { value: '', label: t('care.gatekeeping.all') },
            { value: 'diverted', label: t('care.gatekeeping.divertedAny') },
            ...['institution', ...OPTIONS].map((o) => ({ value: o, label: t(`care.gatekeeping.options.${o}`) })),
          ]}
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value)}
        />
        <TextInput
          name="childFilter"
          label={t('care.gatekeeping.childFilter')}
          value={childId}
          onChange={(e) => setChildId(e.currentTarget.value)}
        />
      </Group>
      <QueryState query={list}>
        {(data) => (
          <CareTable
            label={t('care.gatekeeping.list')}
            rows={data.items}
            empty={t('care.gatekeeping.none')}
            columns={[
              { header: 'care.gatekeeping.col.child', cell: (g) => g.childName ?? g.childId.slice(0, 8) },
              { header: 'care.gatekeeping.col.assessedOn', cell: (g) => g.assessedOn },
              {
                header: 'care.gatekeeping.col.decision',
                cell: (g) => (
                  <Group gap="xs">
                    <Badge color={g.diverted ? 'green' : 'gray'}>{t(`care.gatekeeping.options.${g.decision}`)}</Badge>
                    {g.used && <Badge variant="outline">{t('care.gatekeeping.used')}</Badge>}
                  </Group>
                ),
              },
              { header: 'care.gatekeeping.col.district', cell: (g) => g.districtCode },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

export function GatekeepingForm() {
  const { t } = useTranslation();
  const save = useRecordGatekeeping();
  const f = useCareForm();
  const empty = {
    childId: '',
    caseId: '',
    assessedOn: todayIst(),
    decision: 'institution',
    reason: '',
    options: OPTIONS.map((option) => ({ option, suitable: false, reason: '' })),
  };
  const [form, setForm] = useState(empty);
  const [saved, setSaved] = useState<string | null>(null);
  const put = (k: 'childId' | 'caseId' | 'assessedOn' | 'decision' | 'reason', v: string) => setForm((s) => ({ ...s, [k]: v }));
  const setOption = (i: number, patch: Partial<(typeof empty.options)[number]>) =>
    setForm((s) => ({ ...s, options: s.options.map((o, j) => (j === i ? { ...o, ...patch } : o)) }));
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    setSaved(null);
    save.mutate(
      {
        childId: form.childId.trim(),
        caseId: form.caseId.trim() || null,
        assessedOn: form.assessedOn,
        decision: form.decision,
        reason: form.reason.trim(),
        options: form.options.map((o) => ({ ...o, reason: o.reason.trim() })),
      },
      {
        onSuccess: (g) => {
          setSaved(g.id);
          setForm(empty);
        },
        onError: f.fail,
      },
    );
  }
  return (
    <Card withBorder maw={720}>
      <form aria-label={t('care.gatekeeping.record')} onSubmit={submit} noValidate>
        <Stack>
          <Title order={5}>{t('care.gatekeeping.record')}</Title>
          <GeneralError message={f.general} />
          {saved && (
            <Text role="status" c="green">
              {t('care.gatekeeping.saved', { id: saved })}
            </Text>
          )}
          <TextInput
            name="childId"
            label={t('care.admit.childId')}
            value={form.childId}
            onChange={(e) => put('childId', e.currentTarget.value)}
            error={f.errors.childId}
          />
          <TextInput
            name="caseId"
            label={t('care.gatekeeping.caseId')}
            value={form.caseId}
            onChange={(e) => put('caseId', e.currentTarget.value)}
            error={f.errors.caseId}
          />
          <TextInput
            name="assessedOn"
            type="date"
            label={t('care.gatekeeping.assessedOn')}
            value={form.assessedOn}
            onChange={(e) => put('assessedOn', e.currentTarget.value)}
            error={f.errors.assessedOn}
          />
          {f.errors.options && (
            <Text c="red" size="sm" role="alert">
              {f.errors.options}
            </Text>
          )}
          {form.options.map((o, i) => (
            <Group key={o.option} align="flex-start" grow>
              <Checkbox
                name={`options.${i}.suitable`}
                label={t('care.gatekeeping.suitable', { option: t(`care.gatekeeping.options.${o.option}`) })}
                checked={o.suitable}
                onChange={(e) => setOption(i, { suitable: e.currentTarget.checked })}
                error={f.errors[`options.${i}.suitable`]}
              />
              <TextInput
                name={`options.${i}.reason`}
                label={t('care.gatekeeping.why', { option: t(`care.gatekeeping.options.${o.option}`) })}
                value={o.reason}
                onChange={(e) => setOption(i, { reason: e.currentTarget.value })}
                error={f.errors[`options.${i}.reason`] ?? f.errors[`options.${i}`]}
              />
            </Group>
          ))}
          <NativeSelect
            name="decision"
            label={t('care.gatekeeping.decision')}
            data={['institution', ...OPTIONS].map((v) => ({ value: v, label: t(`care.gatekeeping.options.${v}`) }))}
            value={form.decision}
            onChange={(e) => put('decision', e.currentTarget.value)}
            error={f.errors.decision}
          />
          <Textarea
            name="reason"
            label={t('care.gatekeeping.reason')}
            autosize
            minRows={2}
            value={form.reason}
            onChange={(e) => put('reason', e.currentTarget.value)}
            error={f.errors.reason}
          />
          <Button type="submit" loading={save.isPending}>
            {t('care.gatekeeping.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
