import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { useAllStays, useDecideMovement, useMovementRequests, useRaiseMovement, type MovementRequest, type Stay } from './api';
import { GeneralError, todayIst, useCareForm } from './forms';

const KINDS = ['leave', 'transfer', 'discharge', 'medical', 'other'] as const;
const STATUS_COLOUR = { open: 'yellow', granted: 'green', refused: 'red' } as const;

/**
 * Movement requests of children in institutions (issue #14): an institution's
 * staff ask for a child's leave, transfer, discharge or a medical visit; the CWC or the DCPU grants
 * or refuses. The move itself is then recorded on the stay. Two deciding at once: the second is
 * told plainly that the request was decided meanwhile (409) and sees it as it now is.
 */
export default function MovementsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const requests = useMovementRequests();
  const [deciding, setDeciding] = useState<MovementRequest | null>(null);
  return (
    <>
      <PageHeader title={t('care.movements.title')} subtitle={<Text size="sm">{t('care.movements.intro')}</Text>} />
      <QueryState query={requests}>
        {(data) => <MovementTable requests={data.items} onDecide={can('care.write') ? setDeciding : undefined} />}
      </QueryState>
      {deciding && <MovementDecisionForm key={deciding.id} request={deciding} onDone={() => setDeciding(null)} />}
      {can('care.record') && <RaiseForStays />}
    </>
  );
}

export function MovementTable({ requests, onDecide }: { requests: MovementRequest[]; onDecide?: (r: MovementRequest) => void }) {
  const { t } = useTranslation();
  if (!requests.length) return <Text mb="lg">{t('care.movements.none')}</Text>;
  return (
    <Table striped aria-label={t('care.movements.title')} mb="lg">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('care.col.child')}</Table.Th>
          <Table.Th>{t('care.movements.kind')}</Table.Th>
          <Table.Th>{t('care.movements.requestedOn')}</Table.Th>
          <Table.Th>{t('care.movements.wantedFrom')}</Table.Th>
          <Table.Th>{t('care.movements.reason')}</Table.Th>
          <Table.Th>{t('care.col.status')}</Table.Th>
          {onDecide && <Table.Th>{t('care.actions')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {requests.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Anchor component={Link} to={`/children/${r.childId}`}>
                {r.childId.slice(0, 8)}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`care.movements.kinds.${r.kind}`)}</Table.Td>
            <Table.Td>{r.requestedOn}</Table.Td>
            <Table.Td>{r.wantedFrom ?? '—'}</Table.Td>
            <Table.Td>{r.reason}</Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLOUR[r.status]}>{t(`care.movements.status.${r.status}`)}</Badge>
              {r.decidedOn && (
                <Text size="xs" c="dimmed">
                  {r.decidedOn}
                  {r.decisionNote ? ` · ${r.decisionNote}` : ''}
                </Text>
              )}
            </Table.Td>
            {onDecide && (
              <Table.Td>
                {r.status === 'open' && (
                  <Button size="xs" variant="light" onClick={() => onDecide(r)}>
                    {t('care.movements.decide')}
                  </Button>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RaiseForStays() {
  const stays = useAllStays();
  return <QueryState query={stays}>{(data) => <RaiseMovementForm stays={data.items} />}</QueryState>;
}

export function RaiseMovementForm({ stays }: { stays: Stay[] }) {
  const { t } = useTranslation();
  const save = useRaiseMovement();
  const f = useCareForm();
  const empty = { stayId: stays[0]?.id ?? '', kind: 'leave', wantedFrom: '', reason: '' };
  const [form, setForm] = useState(empty);
  const set = (k: keyof typeof form) => (v: string) => setForm((s) => ({ ...s, [k]: v }));
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    if (!form.stayId) {
      f.setErrors({ stayId: t('care.movements.pickChild') });
      return;
    }
    save.mutate(
      { stayId: form.stayId, kind: form.kind, wantedFrom: form.wantedFrom || null, reason: form.reason.trim() },
      { onSuccess: () => setForm(empty), onError: f.fail },
    );
  }
  return (
    <Card withBorder maw={640}>
      <form aria-label={t('care.movements.raise')} onSubmit={submit} noValidate>
        <Stack>
          <Title order={5}>{t('care.movements.raise')}</Title>
          <GeneralError message={f.general} />
          <NativeSelect
            name="stayId"
            label={t('care.col.child')}
            data={stays.map((s) => ({ value: s.id, label: s.childName ?? s.childId.slice(0, 8) }))}
            value={form.stayId}
            onChange={(e) => set('stayId')(e.currentTarget.value)}
            error={f.errors.stayId}
          />
          <NativeSelect
            name="kind"
            label={t('care.movements.kind')}
            data={KINDS.map((k) => ({ value: k, label: t(`care.movements.kinds.${k}`) }))}
            value={form.kind}
            onChange={(e) => set('kind')(e.currentTarget.value)}
            error={f.errors.kind}
          />
          <TextInput
            name="wantedFrom"
            type="date"
            label={t('care.movements.wantedFrom')}
            value={form.wantedFrom}
            onChange={(e) => set('wantedFrom')(e.currentTarget.value)}
            error={f.errors.wantedFrom}
          />
          <Textarea
            name="reason"
            label={t('care.movements.reason')}
            autosize
            minRows={2}
            value={form.reason}
            onChange={(e) => set('reason')(e.currentTarget.value)}
            error={f.errors.reason}
          />
          <Button type="submit" loading={save.isPending}>
            {t('care.movements.send')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

export function MovementDecisionForm({ request, onDone }: { request: MovementRequest; onDone?: () => void }) {
  const { t } = useTranslation();
  const save = useDecideMovement(request.id);
  const f = useCareForm();
  const [form, setForm] = useState({ decision: 'granted', on: todayIst(), note: '' });
  const set = (k: keyof typeof form) => (v: string) => setForm((s) => ({ ...s, [k]: v }));
  function submit(e: FormEvent) {
    e.preventDefault();
    f.reset();
    save.mutate({ ...form, note: form.note.trim() || null, version: request.version }, { onSuccess: () => onDone?.(), onError: f.fail });
  }
  return (
    <Card withBorder maw={640} mb="lg">
      <form aria-label={t('care.movements.decide')} onSubmit={submit} noValidate>
        <Stack>
          <Title order={5}>
            {t('care.movements.decide')}: {t(`care.movements.kinds.${request.kind}`)} · {request.childId.slice(0, 8)}
          </Title>
          <GeneralError message={f.general} />
          <NativeSelect
            name="decision"
            label={t('care.movements.decision')}
            data={['granted', 'refused'].map((v) => ({ value: v, label: t(`care.movements.status.${v}`) }))}
            value={form.decision}
            onChange={(e) => set('decision')(e.currentTarget.value)}
            error={f.errors.decision}
          />
          <TextInput
            name="on"
            type="date"
            label={t('care.movements.decidedOn')}
            value={form.on}
            onChange={(e) => set('on')(e.currentTarget.value)}
            error={f.errors.on}
          />
          <Textarea
            name="note"
            label={t('care.movements.note')}
            autosize
            minRows={2}
            value={form.note}
            onChange={(e) => set('note')(e.currentTarget.value)}
            error={f.errors.note}
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
