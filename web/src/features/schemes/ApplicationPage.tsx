import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { allowedDocumentTransitions } from '../../../../src/schemes/documents';
import { DOCUMENT_OFFICES } from '../../../../src/schemes/document-offices';
import { DEPARTMENT_KINDS } from '../../../../src/convergence/domain/types';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { describeError } from '../../forms/errors';
import { useFormat } from '../../i18n/format';
import { ApiError } from '../../api/client';
import { addStep, changeDocument, requestDocument, useApplication, useSchemesWrite } from './api';
import { ApplicationBadge, BenefitText, EligibilityBadge, useDocLabel, useFollowUpText, useSchemeName } from './shared';
import type { Application, ApplicationStatus, ChecklistItem, FollowUp } from './types';
import { addDays, todayIst } from '../../app/clock';

/** One application: the pipeline steps, the next move, and the documents the scheme needs. */
export default function ApplicationPage() {
  const { applicationId } = useParams({ strict: false }) as { applicationId: string };
  const q = useApplication(applicationId);
  return <QueryState query={q}>{(a) => <ApplicationView a={a} />}</QueryState>;
}

/** Field reasons from a refused save, shown next to the form. */
function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <Alert color="red" role="alert">
      {issues.length ? (
        <List size="sm">
          {issues.map((i) => (
            <List.Item key={i.field + i.message}>
              <b>{i.field}</b>: {i.message}
            </List.Item>
          ))}
        </List>
      ) : (
        describeError(t, error)
      )}
    </Alert>
  );
}

function ApplicationView({ a }: { a: Application }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const name = useSchemeName();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {name(a.scheme.name)}
          </Title>
          <Text size="sm">
            {t('schemes.app.for')}: {a.subjectName ?? '—'} ({t(`schemes.subject.${a.subject}`)}) · {t('schemes.app.family')}:{' '}
            <Anchor component={Link} to={`/families/${a.familyId}/schemes`}>
              {a.family.headName}
            </Anchor>
          </Text>
          <Text size="sm" c="dimmed">
            {t('schemes.app.officer')}: {a.officerName ?? '—'}
          </Text>
        </Stack>
        <ApplicationBadge status={a.status} />
      </Group>
      {!a.historyValid && <Alert color="red">{t('schemes.app.historyInvalid', { error: a.historyError })}</Alert>}
      {a.eligibility && (
        <Card withBorder padding="sm">
          <Group gap="xs">
            <EligibilityBadge status={a.eligibility.status} />
            <Text size="sm">
              {a.eligibility.status === 'not_eligible'
                ? t('schemes.app.notEligible', { date: f.date(a.eligibility.judgedOn) })
                : t('schemes.app.judged', { date: f.date(a.eligibility.judgedOn), from: f.date(a.eligibility.version?.validFrom) })}
            </Text>
            <Text size="sm" c="dimmed">
              · <BenefitText benefit={a.eligibility.benefit} />
            </Text>
          </Group>
          <List size="sm" mt="xs">
            {a.eligibility.reasons.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        </Card>
      )}
      <Group align="flex-start" grow wrap="wrap">
        <Card withBorder padding="md" style={{ minWidth: 280 }}>
          <Title order={2} size="h4" mb="sm">
            {t('schemes.app.steps')}
          </Title>
          <Timeline active={a.steps.length - 1} bulletSize={14} lineWidth={2}>
            {a.steps.map((s) => (
              <Timeline.Item key={s.seq} title={t(`schemes.appStatus.${s.status}`)}>
                <Text size="xs" c="dimmed">
                  {f.date(s.on)} · {s.officerName}
                </Text>
                {s.reason && <Text size="sm">{s.reason}</Text>}
                {s.amount != null && <Text size="sm">{t('schemes.app.amountShown', { amount: f.money(s.amount) })}</Text>}
                {s.reference && <Text size="xs">{s.reference}</Text>}
                {s.note && (
                  <Text size="xs" c="dimmed">
                    {s.note}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
        {can('schemes.write') && <NextStep a={a} />}
      </Group>
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('schemes.app.checklist')}
        </Title>
        <Stack gap="sm">
          {a.checklist.map((c) => (
            <ChecklistLine key={c.doc} a={a} c={c} />
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}

function NextStep({ a }: { a: Application }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ApplicationStatus | null>(a.allowedNext[0] ?? null);
  const [on, setOn] = useState(todayIst());
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const save = useSchemesWrite((body: Record<string, unknown>) => addStep(a.id, body));
  if (!a.allowedNext.length) {
    return (
      <Card withBorder padding="md">
        <Text size="sm">{t('schemes.app.final')}</Text>
      </Card>
    );
  }
  const needsReason = status === 'rejected' || status === 'stopped';
  const takesAmount = status === 'sanctioned' || status === 'receiving';
  const submit = () =>
    save.mutate({
      version: a.version,
      status,
      on,
      ...(needsReason ? { reason } : {}),
      ...(takesAmount && amount !== '' ? { amount: Number(amount) } : {}),
      ...(reference ? { reference } : {}),
      ...(note ? { note } : {}),
    });
  return (
    <Card withBorder padding="md" style={{ minWidth: 280 }}>
      <Title order={2} size="h4" mb="sm">
        {t('schemes.app.next')}
      </Title>
      <Stack gap="xs">
        <Select
          label={t('schemes.app.nextStatus')}
          data={a.allowedNext.map((s) => ({ value: s, label: t(`schemes.appStatus.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as ApplicationStatus)}
          allowDeselect={false}
        />
        <TextInput
          type="date"
          label={t('schemes.common.date')}
          value={on}
          max={todayIst()}
          onChange={(e) => setOn(e.currentTarget.value)}
        />
        {needsReason && (
          <Textarea label={t('schemes.app.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
        )}
        {takesAmount && <NumberInput label={t('schemes.app.amount')} value={amount} onChange={setAmount} min={0} thousandSeparator="," />}
        <TextInput label={t('schemes.app.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
        <Textarea label={t('schemes.app.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
        <Refusal error={save.error} />
        <Button onClick={submit} loading={save.isPending}>
          {t('schemes.app.record')}
        </Button>
      </Stack>
    </Card>
  );
}

function ChecklistLine({ a, c }: { a: Application; c: ChecklistItem }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const docLabel = useDocLabel();
  const followUpText = useFollowUpText();
  const current0 = c.record?.docType === c.doc ? c.record.status : 'missing';
  // A follow-up (action item or case task) reported done: offer the move it stands for, on its date.
  const doneFollowUp = c.requests.find((r) => r.followUpStatus?.done)?.followUpStatus ?? null;
  const suggested = doneFollowUp
    ? ((['issued', 'held', 'applied_for'] as const).find((s) => allowedDocumentTransitions(current0).includes(s)) ?? null)
    : null;
  const [to, setTo] = useState<string | null>(suggested);
  const [on, setOn] = useState(doneFollowUp?.doneOn ?? todayIst());
  const [office, setOffice] = useState(c.record?.issuingOffice ?? DOCUMENT_OFFICES[c.doc]?.office ?? '');
  const [dept, setDept] = useState<string | null>(DOCUMENT_OFFICES[c.doc]?.department ?? null);
  const [due, setDue] = useState(() => addDays(todayIst(), 30));
  const move = useSchemesWrite((body: Record<string, unknown>) => changeDocument(c.owner, c.ownerId, c.doc, body));
  const ask = useSchemesWrite(requestDocument);
  const current = c.record?.docType === c.doc ? c.record.status : 'missing';
  const next = allowedDocumentTransitions(current);
  const openRequest = c.requests.find((r) => r.status === 'open');
  const writable = can(['schemes.write', 'registry.write']);
  // A plain request, a convergence action item for the department, or a task in the open case.
  const askBody = (followUp: FollowUp) => ({
    familyId: a.familyId,
    childId: c.owner === 'child' ? a.childId : null,
    applicationId: a.id,
    docType: c.doc,
    department: dept,
    officer: DOCUMENT_OFFICES[c.doc]?.office ?? null,
    requestedOn: todayIst(),
    dueOn: due,
    followUp,
  });
  return (
    <Card withBorder padding="sm" data-testid={`checklist-${c.doc}`}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{docLabel(c.doc)}</Text>
            <Badge color={c.held ? 'green' : 'red'} variant="light">
              {c.held ? t('schemes.app.held') : t('schemes.app.missing')}
            </Badge>
            <Badge variant="outline" size="sm">
              {t(`schemes.docStatus.${c.status}`)}
            </Badge>
          </Group>
          {c.alternatives.length > 0 && (
            <Text size="xs">{t('schemes.app.orAlternative', { docs: c.alternatives.map(docLabel).join(', ') })}</Text>
          )}
          {c.conditional && (
            <Text size="xs" c="dimmed">
              {t('schemes.app.conditional')}
            </Text>
          )}
          {c.record && (
            <Text size="xs" c="dimmed">
              {[
                c.record.issuingOffice,
                c.record.appliedOn && `${t('schemes.docStatus.applied_for')} ${f.date(c.record.appliedOn)}`,
                c.record.issuedOn && `${t('schemes.docStatus.issued')} ${f.date(c.record.issuedOn)}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          )}
          {c.requests.map((r) => (
            <Text size="xs" key={r.id} c={r.overdue ? 'red' : undefined}>
              {t('schemes.app.requested', { dept: t(`schemes.dept.${r.department}`), date: f.date(r.requestedOn), due: f.date(r.dueOn) })}
              {r.closedOn
                ? ` · ${t('schemes.app.requestDone', { date: f.date(r.closedOn) })}`
                : r.overdue
                  ? ` · ${t('schemes.app.overdue')}`
                  : ''}
              {r.followUpStatus && (
                <Text span size="xs" c={r.followUpStatus.done ? 'green' : undefined} data-testid={`followup-${r.followUpStatus.kind}`}>
                  {' · '}
                  {followUpText(r.followUpStatus)}
                  {r.followUpStatus.result ? ` (${r.followUpStatus.result})` : ''}
                  {r.followUpStatus.done && !c.held ? ` ${t('schemes.app.followUpDone')}` : ''}
                </Text>
              )}
            </Text>
          ))}
        </Stack>
      </Group>
      {writable && !c.held && (
        <Stack gap="xs" mt="xs">
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Select
              label={t('schemes.app.move')}
              data={next.map((s) => ({ value: s, label: t(`schemes.docStatus.${s}`) }))}
              value={to}
              onChange={setTo}
              w={170}
            />
            <TextInput
              type="date"
              label={t('schemes.common.date')}
              value={on}
              max={todayIst()}
              onChange={(e) => setOn(e.currentTarget.value)}
              w={160}
            />
            <TextInput label={t('schemes.app.office')} value={office} onChange={(e) => setOffice(e.currentTarget.value)} w={220} />
            <Button
              size="xs"
              disabled={!to}
              loading={move.isPending}
              onClick={() =>
                move.mutate({ version: c.record?.docType === c.doc ? c.record.version : 0, status: to, on, issuingOffice: office || null })
              }
            >
              {t('schemes.common.save')}
            </Button>
          </Group>
          <Refusal error={move.error} />
          {!openRequest && (
            <Group gap="xs" align="flex-end" wrap="wrap">
              <Select
                label={t('schemes.app.department')}
                data={DEPARTMENT_KINDS.map((d) => ({ value: d, label: t(`schemes.dept.${d}`) }))}
                value={dept}
                onChange={setDept}
                w={220}
              />
              <TextInput type="date" label={t('schemes.app.dueOn')} value={due} onChange={(e) => setDue(e.currentTarget.value)} w={160} />
              <Button
                size="xs"
                variant="default"
                loading={ask.isPending && ask.variables?.followUp === 'request'}
                onClick={() => ask.mutate(askBody('request'))}
              >
                {t('schemes.app.request')}
              </Button>
              <Button
                size="xs"
                variant="default"
                loading={ask.isPending && ask.variables?.followUp === 'convergence_action'}
                onClick={() => ask.mutate(askBody('convergence_action'))}
              >
                {t('schemes.app.asAction')}
              </Button>
              <Button
                size="xs"
                variant="default"
                loading={ask.isPending && ask.variables?.followUp === 'case_task'}
                onClick={() => ask.mutate(askBody('case_task'))}
              >
                {t('schemes.app.asTask')}
              </Button>
            </Group>
          )}
          {!openRequest && (
            <Text size="xs" c="dimmed">
              {t('schemes.app.followUpHint')}
            </Text>
          )}
          <Refusal error={ask.error} />
        </Stack>
      )}
      {c.history.length > 0 && (
        <Table mt="xs" fz="xs" withRowBorders={false}>
          <Table.Tbody>
            {c.history.map((h, i) => (
              <Table.Tr key={i}>
                <Table.Td>{f.date(h.on)}</Table.Td>
                <Table.Td>
                  {h.from ? t(`schemes.docStatus.${h.from}`) : '—'} → {t(`schemes.docStatus.${h.to}`)}
                </Table.Td>
                <Table.Td>{h.issuingOffice}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
