import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { ErrorMessage, Loading } from '../../components/Status';
import { DeliveryBadge } from './Delivery';
import { HANDED_TO, useCall, useCallAction, useChildCases, useResponders, useStep, type Call } from './api';

/**
 * One 1098 call (issue #13): its details as the access policy gives them (a withheld field is
 * labelled, never guessed), its timeline (received, dispatched to whom, on the way, reached,
 * handed to, closed, and each message to and from 112/181 with its delivery) and the unit's
 * steps, with the responder named from the active staff of the district unit.
 */
export default function CallPage() {
  const { t, i18n } = useTranslation();
  const { callId } = useParams({ strict: false }) as { callId: string };
  const can = useCan();
  const call = useCall(callId);
  const mayDispatch = can('helpline.dispatch');
  const responders = useResponders(callId, mayDispatch);
  const step = useStep();
  const [responder, setResponder] = useState<string | null>(null);
  const action = useCallAction();
  const live = !!call.data && call.data.status !== 'draft' && call.data.status !== 'closed';
  const childCases = useChildCases(call.data?.childIds ?? [], mayDispatch && can('cases.read') && live && !call.data?.caseId);
  if (call.isPending) return <Loading />;
  if (call.error) return <ErrorMessage error={call.error} />;
  const c = call.data;
  const when = (s: string | null | undefined) =>
    s ? new Date(s).toLocaleString(i18n.language, { timeZone: 'Asia/Kolkata', dateStyle: 'short', timeStyle: 'short' }) : '—';
  const who = (id: unknown) => responders.data?.items.find((r) => r.id === id)?.displayName ?? (id ? String(id).slice(0, 8) : '');
  const withheld = t('helpline.queue.withheld');
  const shown = (k: keyof Call, v: React.ReactNode) => (c.withheld?.includes(k) ? withheld : (v ?? '—'));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('helpline.call.title', { number: c.number })}
        </Title>
        <Anchor component={Link} to="/helpline/queue">
          {t('helpline.call.back')}
        </Anchor>
      </Group>
      <Group gap="xs">
        <Badge>{t(`helpline.status.${c.status}`)}</Badge>
        {c.urgency && <Badge color={c.urgency === 'emergency' ? 'red' : 'gray'}>{t(`helpline.urgency.${c.urgency}`)}</Badge>}
        {c.partner && (
          <Badge color="indigo">{t(c.partnerRef ? 'helpline.call.fromPartner' : 'helpline.call.toPartner', { partner: c.partner })}</Badge>
        )}
        {!!c.repeatCalls && (
          <Badge color="grape" title={t('helpline.queue.repeatTitle', { count: c.repeatCalls })}>
            {t('helpline.queue.repeat')}
          </Badge>
        )}
        {c.overdue && <Badge color="red">{t('helpline.queue.overdue')}</Badge>}
        {!c.overdue && c.dueSoon && <Badge color="orange">{t('helpline.queue.dueSoon')}</Badge>}
      </Group>
      <Card withBorder padding="sm" data-testid="helpline-call-details">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Field label={t('helpline.queue.what')}>{c.categories.map((k) => t(`helpline.category.${k}`)).join(', ')}</Field>
          <Field label={t('helpline.queue.route')}>{c.route ? t(`helpline.route.${c.route}`) : '—'}</Field>
          <Field label={t('helpline.queue.clock')}>
            {t('helpline.queue.minutes', { elapsed: c.elapsedMinutes ?? 0, target: c.targetMinutes ?? '—' })}
          </Field>
          <Field label={t('helpline.call.received')}>{when(c.receivedAt)}</Field>
          <Field label={t('helpline.intake.caller')}>
            {c.callerAnonymous
              ? t('helpline.field.anonymous')
              : shown('callerPhone', [c.callerName, c.callerPhone].filter(Boolean).join(' · '))}
          </Field>
          <Field label={t('helpline.field.place')}>{shown('locationText', c.locationText)}</Field>
          <Field label={t('helpline.intake.child')}>
            {shown(
              'children',
              c.children
                ?.map((k) =>
                  [k.name || k.nameLocal || t('helpline.queue.unnamed'), t(`helpline.sex.${k.sex}`), k.ageYears != null ? k.ageYears : null]
                    .filter((x) => x != null)
                    .join(', '),
                )
                .join('; '),
            )}
          </Field>
          <Field label={t('helpline.field.notes')}>{shown('notes', c.notes)}</Field>
          {c.caseId && (
            <Field label={t('helpline.call.case')}>
              <Anchor component={Link} to={`/cases/${c.caseId}`}>
                {t('helpline.call.openCase')}
              </Anchor>
            </Field>
          )}
        </SimpleGrid>
      </Card>
      {mayDispatch && c.status !== 'closed' && c.status !== 'draft' && (
        <Card withBorder padding="sm">
          <Group gap="sm" align="flex-end">
            {c.status === 'open' && (
              <>
                <Select
                  label={t('helpline.call.responder')}
                  placeholder={t('helpline.call.responderAny')}
                  data={(responders.data?.items ?? []).map((r) => ({ value: r.id, label: r.displayName }))}
                  value={responder}
                  onChange={setResponder}
                  searchable
                  clearable
                  w={260}
                />
                <Button onClick={() => step.mutate({ call: c, step: 'dispatch', responderUserId: responder ?? undefined })}>
                  {t('helpline.action.dispatch')}
                </Button>
              </>
            )}
            {c.status === 'dispatched' && !c.onTheWayAt && (
              <Button variant="light" onClick={() => step.mutate({ call: c, step: 'on-the-way' })}>
                {t('helpline.action.onTheWay')}
              </Button>
            )}
            {(c.status === 'open' || c.status === 'dispatched') && (
              <Button variant="light" onClick={() => step.mutate({ call: c, step: 'reached' })}>
                {t('helpline.action.reached')}
              </Button>
            )}
            {c.status === 'reached' && !c.handedToKind && (
              <Select
                label={t('helpline.handedTo.label')}
                placeholder={t('helpline.handedTo.label')}
                data={HANDED_TO.map((k) => ({ value: k, label: t(`helpline.handedTo.${k}`) }))}
                onChange={(v) => v && step.mutate({ call: c, step: 'handed-to', kind: v })}
                w={200}
              />
            )}
            {c.status === 'reached' && (
              <Button variant="light" onClick={() => step.mutate({ call: c, step: 'close', outcome: 'resolved' })}>
                {t('helpline.action.close')}
              </Button>
            )}
          </Group>
          {step.error && <ErrorMessage error={step.error} />}
        </Card>
      )}
      {live && (mayDispatch || can('helpline.intake')) && (
        <Card withBorder padding="sm" data-testid="helpline-call-handover">
          <Group gap="sm" align="flex-end">
            {!c.partner &&
              (['112', '181'] as const).map((p) => (
                <Button key={p} variant="light" color="indigo" onClick={() => action.mutate({ call: c, kind: 'partner', partner: p })}>
                  {t('helpline.call.handTo', { partner: p })}
                </Button>
              ))}
            {!c.caseId &&
              (childCases.data ?? [])
                .filter((k) => k.status !== 'closed')
                .map((k) => (
                  <Button key={k.id} variant="light" onClick={() => action.mutate({ call: c, kind: 'attach', caseId: k.id })}>
                    {t('helpline.call.attachTo', { number: k.number })}
                  </Button>
                ))}
          </Group>
          {!c.caseId && mayDispatch && childCases.data?.length === 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('helpline.call.noCaseToAttach')}
            </Text>
          )}
          {action.error && <ErrorMessage error={action.error} />}
        </Card>
      )}
      <Title order={2} size="h4">
        {t('helpline.call.timeline')}
      </Title>
      <Table striped data-testid="helpline-timeline">
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>{when(c.receivedAt)}</Table.Td>
            <Table.Td>{t('helpline.step.received')}</Table.Td>
            <Table.Td />
          </Table.Tr>
          {(c.timeline ?? []).map((s, i) => (
            <Table.Tr key={i} data-step={s.step}>
              <Table.Td>{when(s.at)}</Table.Td>
              <Table.Td>{t(`helpline.step.${s.step}`, { defaultValue: s.step, partner: s.byPartner ?? s.detail.partner ?? '' })}</Table.Td>
              <Table.Td>
                {s.detail.responderUserId
                  ? t('helpline.call.to', { name: who(s.detail.responderUserId) })
                  : s.detail.handedTo
                    ? t(`helpline.handedTo.${s.detail.handedTo}`)
                    : s.detail.outcome
                      ? String(s.detail.outcome)
                      : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!!c.partnerMessages?.length && (
        <>
          <Title order={2} size="h4">
            {t('helpline.call.messages')}
          </Title>
          <Table striped data-testid="helpline-partner-messages">
            <Table.Tbody>
              {c.partnerMessages.map((m) => (
                <Table.Tr key={m.messageId}>
                  <Table.Td>{when(m.createdAt)}</Table.Td>
                  <Table.Td>
                    {t(m.direction === 'in' ? 'helpline.call.messageIn' : 'helpline.call.messageOut', { partner: m.partner })}
                    {' · '}
                    {m.kind === 'status' && m.statusValue ? t(`helpline.partnerStatus.${m.statusValue}`) : t('helpline.call.handover')}
                  </Table.Td>
                  <Table.Td>
                    <DeliveryBadge delivery={m.delivery} lastError={m.lastError} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}
