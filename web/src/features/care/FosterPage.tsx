import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCan } from '../../auth/session';
import { describeError, useReason } from '../../forms/errors';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { useApplyFoster, useFosterCarers, useFosterPlacements, type FosterCarer } from './api';
import { CommitteeDecisionForm, HomeStudyForm } from './CarerForms';
import { todayIst } from '../../app/clock';

const STATUS_COLOUR: Record<FosterCarer['status'], string> = {
  applied: 'gray',
  home_study_done: 'blue',
  approved: 'green',
  rejected: 'red',
  ended: 'gray',
};

/**
 * Foster care (JJ Act 2015 s.44; JJ Model Rules 2016 r.23): the families that applied, their home
 * study (Form 30) and the Sponsorship and Foster Care Approval Committee's decision; the children
 * placed with them on a Form 32 order and the monthly inspection (Form 35) each is due.
 */
export default function FosterPage() {
  const { t } = useTranslation();
  const can = useCan();
  const carers = useFosterCarers();
  const placements = useFosterPlacements();
  // The carer whose home study (Form 30) or committee decision is being recorded.
  const [acting, setActing] = useState<{ carer: FosterCarer; step: 'homeStudy' | 'decision' } | null>(null);
  return (
    <>
      <PageHeader title={t('care.foster.title')} subtitle={<Text size="sm">{t('care.foster.intro')}</Text>} />
      <Title order={4} mb="xs">
        {t('care.foster.carers')}
      </Title>
      <QueryState query={carers}>
        {(data) =>
          data.items.length ? (
            <Table striped aria-label={t('care.foster.carers')} mb="lg">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('care.foster.col.name')}</Table.Th>
                  <Table.Th>{t('care.foster.col.kind')}</Table.Th>
                  <Table.Th>{t('care.foster.col.applied')}</Table.Th>
                  <Table.Th>{t('care.foster.col.homeStudy')}</Table.Th>
                  <Table.Th>{t('care.foster.col.decision')}</Table.Th>
                  <Table.Th>{t('care.col.status')}</Table.Th>
                  {can('care.write') && <Table.Th>{t('care.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td>{t(`care.foster.kind.${c.kind}`)}</Table.Td>
                    <Table.Td>{c.appliedOn}</Table.Td>
                    <Table.Td>
                      {c.homeStudy ? `${c.homeStudy.on} · ${t(`care.foster.recommendation.${c.homeStudy.recommendation}`)}` : '—'}
                    </Table.Td>
                    <Table.Td>{c.decision ? `${c.decision.meetingOn}${c.decision.ref ? ` · ${c.decision.ref}` : ''}` : '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOUR[c.status]}>{t(`care.foster.status.${c.status}`)}</Badge>
                    </Table.Td>
                    {can('care.write') && (
                      <Table.Td>
                        {c.status === 'applied' && (
                          <Button size="xs" variant="light" onClick={() => setActing({ carer: c, step: 'homeStudy' })}>
                            {t('care.foster.homeStudy.record')}
                          </Button>
                        )}
                        {c.status === 'home_study_done' && (
                          <Button size="xs" variant="light" onClick={() => setActing({ carer: c, step: 'decision' })}>
                            {t('care.foster.decision.record')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text mb="lg">{t('care.foster.noCarers')}</Text>
          )
        }
      </QueryState>
      {acting?.step === 'homeStudy' && <HomeStudyForm key={acting.carer.id} carer={acting.carer} onDone={() => setActing(null)} />}
      {acting?.step === 'decision' && <CommitteeDecisionForm key={acting.carer.id} carer={acting.carer} onDone={() => setActing(null)} />}
      <Title order={4} mb="xs">
        {t('care.foster.placements')}
      </Title>
      <QueryState query={placements}>
        {(data) =>
          data.items.length ? (
            <Table striped aria-label={t('care.foster.placements')} mb="lg">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('care.col.child')}</Table.Th>
                  <Table.Th>{t('care.foster.col.carer')}</Table.Th>
                  <Table.Th>{t('care.col.order')}</Table.Th>
                  <Table.Th>{t('care.foster.col.started')}</Table.Th>
                  <Table.Th>{t('care.foster.col.nextInspection')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/children/${p.childId}`}>
                        {p.childId.slice(0, 8)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.carer ?? '—'}</Table.Td>
                    <Table.Td>
                      {p.orderRef ?? '—'}
                      {p.orderForm === 'form32' ? ` (${t('care.foster.form32')})` : ''}
                    </Table.Td>
                    <Table.Td>{p.startedOn}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <span>{p.nextInspectionDue ?? '—'}</span>
                        {p.inspectionOverdue && <Badge color="red">{t('care.overdue')}</Badge>}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text mb="lg">{t('care.foster.noPlacements')}</Text>
          )
        }
      </QueryState>
      {can('care.write') && <ApplyForm />}
    </>
  );
}

function ApplyForm() {
  const { t } = useTranslation();
  const reason = useReason();
  const apply = useApplyFoster();
  const empty = {
    kind: 'foster',
    name: '',
    address: '',
    locationId: '',
    appliedOn: todayIst(),
  };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setGeneral(null);
    const body = { ...form, name: form.name.trim(), locationId: form.locationId.trim(), address: form.address.trim() || null };
    apply.mutate(body, {
      onSuccess: () => setForm(empty),
      onError: (err) => {
        if (err instanceof ApiError && err.issues.length) {
          const next: Record<string, string> = {};
          for (const i of err.issues) next[i.field] ??= reason(i.message) ?? i.message;
          setErrors(next);
        } else setGeneral(describeError(t, err));
      },
    });
  }
  return (
    <Card withBorder maw={640}>
      <form aria-label={t('care.foster.apply')} onSubmit={submit} noValidate>
        <Stack>
          <Title order={5}>{t('care.foster.apply')}</Title>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <NativeSelect
            name="kind"
            label={t('care.foster.col.kind')}
            data={['foster', 'group_foster', 'kinship'].map((k) => ({ value: k, label: t(`care.foster.kind.${k}`) }))}
            value={form.kind}
            onChange={(e) => set('kind')(e.currentTarget.value)}
            error={errors.kind}
          />
          <TextInput
            name="name"
            label={t('care.foster.col.name')}
            value={form.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            name="address"
            label={t('care.foster.address')}
            value={form.address}
            onChange={(e) => set('address')(e.currentTarget.value)}
            error={errors.address}
          />
          <TextInput
            name="locationId"
            label={t('care.foster.locationId')}
            placeholder="di:468"
            value={form.locationId}
            onChange={(e) => set('locationId')(e.currentTarget.value)}
            error={errors.locationId}
          />
          <TextInput
            name="appliedOn"
            type="date"
            label={t('care.foster.col.applied')}
            value={form.appliedOn}
            onChange={(e) => set('appliedOn')(e.currentTarget.value)}
            error={errors.appliedOn}
          />
          <Button type="submit" loading={apply.isPending}>
            {t('care.foster.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
