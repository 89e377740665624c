import { useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CONVERGENCE_DOMAINS } from '../../../../src/convergence/domain/types';
import { useCan, useMe } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import {
  addDiscussion,
  holdMeeting,
  minuteMeeting,
  noteUrl,
  saveAttendance,
  sendNote,
  useConvergenceWrite,
  useFamilyPick,
  useMeeting,
  useNote,
  useSuggest,
} from './api';
import { ActionStatusBadge, ErrorLine, useLabels } from './shared';
import type { AgendaLine, MeetingDetail, NoteLineView } from './types';
import { todayIst } from '../../app/clock';

/** A meeting: agenda, attendance by department, decisions and actions, minutes, the note. */
export default function MeetingPage() {
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const q = useMeeting(meetingId);
  return <QueryState query={q}>{(m) => <MeetingView m={m} />}</QueryState>;
}

function MeetingView({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const manage = can('convergence.manage') && m.view === 'full';
  const open = m.status !== 'cancelled' && !m.minutedAt;
  return (
    <>
      <PageHeader
        title={`${m.group.name} — ${f.date(m.date)}`}
        subtitle={
          <Group gap="xs">
            <Badge variant="light" color={m.status === 'held' ? 'green' : m.status === 'cancelled' ? 'gray' : 'blue'}>
              {t(`convergence.meetingStatus.${m.status}`)}
            </Badge>
            <Text size="sm">
              {t('convergence.common.chair')}: {m.chair ? `${m.chair.name}${m.chair.designation ? `, ${m.chair.designation}` : ''}` : '—'}
              {m.venue ? ` · ${m.venue}` : ''}
            </Text>
            <Anchor component={Link} to={`/convergence/groups/${m.group.id}`} size="sm">
              {t('convergence.common.group')}
            </Anchor>
          </Group>
        }
      />
      {m.view === 'department' && (
        <Alert color="blue" mb="md">
          {t('convergence.meeting.departmentView')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <AgendaCard m={m} />
        {manage && open ? <AttendanceForm m={m} /> : <AttendanceView m={m} />}
      </SimpleGrid>
      <Decisions m={m} />
      {manage && m.status === 'held' && open && <DecisionForm m={m} />}
      {m.status === 'held' && <MinutesCard m={m} manage={manage} />}
      {m.status === 'held' && <NoteCard m={m} manage={manage} />}
    </>
  );
}

function AgendaCard({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { dept } = useLabels();
  const sections = (['action_taken', 'cases', 'bal_panchayat'] as const)
    .map((s) => ({ s, lines: m.agenda.filter((l) => l.section === s) }))
    .filter((x) => x.lines.length);
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {t('convergence.meeting.agenda')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {m.status === 'held' ? t('convergence.meeting.frozen') : t('convergence.meeting.live')}
      </Text>
      {sections.length === 0 && <Text size="sm">{t('convergence.meeting.emptyAgenda')}</Text>}
      {sections.map(({ s, lines }) => (
        <Stack key={s} gap={4} mb="sm">
          <Text fw={700} size="sm">
            {t(`convergence.section.${s}`)} ({lines.length})
          </Text>
          {lines.map((l, i) => (
            <Text
              size="sm"
              key={`${s}-${i}`}
              title={l.reasons.map((r) => t(`convergence.reason.${r.code}`, { defaultValue: r.text })).join(' · ')}
            >
              {l.caseRef && (
                <Badge variant="outline" size="sm" mr={6}>
                  {l.caseRef}
                </Badge>
              )}
              {l.action && (
                <>
                  {dept(l.action.department)}: {l.action.description} — {t('convergence.common.dueDate')} {f.date(l.action.dueDate)}{' '}
                  <ActionStatusBadge status={l.action.status} overdue={l.reasons.some((r) => r.code === 'carried_over')} />
                  {l.reasons.some((r) => r.code === 'raised_between_meetings') && (
                    <Badge variant="outline" color="gray" size="sm" tt="none">
                      {t('convergence.reason.raised_between_meetings')} ({f.date(l.action.assignedOn)})
                    </Badge>
                  )}
                </>
              )}
              {l.issue && (
                <>
                  {l.issue.village}: {t(`convergence.category.${l.issue.category}`)} ({f.date(l.issue.raisedOn)})
                </>
              )}
              {!l.action && !l.issue && l.reasons.map((r) => t(`convergence.reason.${r.code}`)).join(', ')}
            </Text>
          ))}
        </Stack>
      ))}
    </Card>
  );
}

function byDepartment(m: MeetingDetail) {
  const out = new Map<string, MeetingDetail['attendance']>();
  for (const a of m.attendance) out.set(a.department, [...(out.get(a.department) ?? []), a]);
  return [...out.entries()];
}

function AttendanceView({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const { dept } = useLabels();
  const absent = m.departments.filter((d) => d.present === false);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('convergence.meeting.attendance')}
      </Title>
      <Table fz="sm">
        <Table.Tbody>
          {m.departments.map((d) => (
            <Table.Tr key={d.department}>
              <Table.Td>{dept(d.department)}</Table.Td>
              <Table.Td>
                {d.present === null ? (
                  '—'
                ) : (
                  <Badge
                    color={d.present ? 'green' : 'red'}
                    variant="light"
                    aria-label={d.present ? t('convergence.meeting.present') : t('convergence.meeting.absentDepartments')}
                  >
                    {d.present ? '✓' : '✗'}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{d.attendees.join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {absent.length > 0 && (
        <Text size="sm" mt="xs">
          {t('convergence.meeting.absentDepartments')}: {absent.map((d) => dept(d.department)).join(', ')}
        </Text>
      )}
    </Card>
  );
}

function AttendanceForm({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const { dept } = useLabels();
  const [marks, setMarks] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(m.attendance.map((a) => [a.memberId, a.present ?? false])),
  );
  const list = () => Object.entries(marks).map(([memberId, present]) => ({ memberId, present }));
  const save = useConvergenceWrite(() => saveAttendance(m.id, list()));
  const hold = useConvergenceWrite(() => holdMeeting(m.id, list()));
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('convergence.meeting.attendance')}
      </Title>
      <Stack gap="xs">
        {byDepartment(m).map(([d, members]) => (
          <fieldset key={d} style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600} size="sm">
              {dept(d)}
            </Text>
            <Group gap="md">
              {members.map((a) => (
                <Checkbox
                  key={a.memberId}
                  label={`${a.name}${a.roles.includes('chair') ? ` (${t('convergence.role.chair')})` : ''}`}
                  checked={marks[a.memberId] ?? false}
                  onChange={(e) => {
                    const checked = e.currentTarget.checked;
                    setMarks((x) => ({ ...x, [a.memberId]: checked }));
                  }}
                />
              ))}
            </Group>
          </fieldset>
        ))}
      </Stack>
      <Group mt="sm">
        <Button variant="default" loading={save.isPending} onClick={() => save.mutate(undefined)}>
          {t('convergence.meeting.saveAttendance')}
        </Button>
        {m.status === 'scheduled' && m.date <= todayIst() && (
          <Button loading={hold.isPending} onClick={() => hold.mutate(undefined)}>
            {t('convergence.meeting.hold')}
          </Button>
        )}
      </Group>
      <ErrorLine error={save.error ?? hold.error} />
    </Card>
  );
}

function Decisions({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { dept, domain } = useLabels();
  if (!m.discussions.length) return null;
  return (
    <Card withBorder mt="md">
      <Title order={2} size="h4" mb="xs">
        {t('convergence.meeting.decisions')}
      </Title>
      <Stack gap="md">
        {m.discussions.map((d) => (
          <div key={d.id}>
            <Text size="sm">
              <Badge variant="outline" size="sm" mr={6}>
                {d.caseRef ?? t('convergence.common.general')}
              </Badge>
              {d.decision}
            </Text>
            <Table fz="sm" mt={4}>
              <Table.Tbody>
                {d.actions.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td w={200}>{dept(a.department)}</Table.Td>
                    <Table.Td>
                      {a.description}
                      <Text size="xs" c="dimmed">
                        {domain(a.domain)}
                        {a.officer ? ` · ${a.officer}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td w={120}>{f.date(a.dueDate)}</Table.Td>
                    <Table.Td w={170}>
                      <ActionStatusBadge status={a.status} overdue={a.overdue} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ))}
      </Stack>
    </Card>
  );
}

interface Draft {
  department: string | null;
  domain: string | null;
  description: string;
  dueDate: string;
  officerMemberId: string | null;
}
const emptyDraft = (): Draft => ({ department: null, domain: null, description: '', dueDate: '', officerMemberId: null });

function subjectOptions(agenda: AgendaLine[]) {
  const seen = new Map<string, { value: string; label: string }>();
  for (const l of agenda) {
    const s = l.subject;
    if (!s) continue;
    const value = s.caseId
      ? `case:${s.caseId}`
      : s.issueId && !s.familyId
        ? `issue:${s.issueId}`
        : s.familyId
          ? `family:${s.familyId}`
          : s.childId
            ? `child:${s.childId}`
            : null;
    if (value && !seen.has(value)) seen.set(value, { value, label: l.caseRef ?? (l.issue ? `${l.issue.village}` : value) });
  }
  return [...seen.values()];
}

function DecisionForm({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const { dept, domain: domainLabel } = useLabels();
  const [subject, setSubject] = useState<string | null>(null);
  const [decision, setDecision] = useState('');
  const [drafts, setDrafts] = useState<Draft[]>([emptyDraft()]);
  const departments = [...new Set(m.attendance.map((a) => a.department))];
  const [search, setSearch] = useState('');
  const found = useFamilyPick(search);
  const options = useMemo(() => {
    const fromAgenda = subjectOptions(m.agenda);
    const known = new Set(fromAgenda.map((o) => o.value));
    const families = (found.data?.items ?? [])
      .map((f) => ({ value: `family:${f.id}`, label: f.headNameLocal ? `${f.headName} (${f.headNameLocal})` : f.headName }))
      .filter((o) => !known.has(o.value));
    return [...fromAgenda, ...families];
  }, [m.agenda, found.data]);
  const save = useConvergenceWrite(() => {
    const [kind, id] = subject ? subject.split(':') : [null, null];
    return addDiscussion(m.id, {
      ...(kind ? { [`${kind}Id`]: id } : {}),
      decision,
      actions: drafts
        .filter((d) => d.department && d.description.trim())
        .map((d) => ({
          department: d.department,
          description: d.description,
          dueDate: d.dueDate,
          ...(d.domain ? { domain: d.domain } : {}),
          ...(d.officerMemberId ? { officerMemberId: d.officerMemberId } : {}),
        })),
    });
  });
  const set = (i: number, patch: Partial<Draft>) => setDrafts((ds) => ds.map((d, k) => (k === i ? { ...d, ...patch } : d)));
  return (
    <Card
      withBorder
      mt="md"
      component="form"
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        save.mutate(undefined, {
          onSuccess: () => {
            setSubject(null);
            setDecision('');
            setDrafts([emptyDraft()]);
          },
        });
      }}
    >
      <Title order={2} size="h4" mb="xs">
        {t('convergence.meeting.addDecision')}
      </Title>
      <Select
        label={t('convergence.meeting.subject')}
        description={t('convergence.meeting.subjectHint')}
        data={options}
        value={subject}
        onChange={setSubject}
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: o }) => o}
        clearable
        searchable
      />
      <Textarea
        label={t('convergence.meeting.decision')}
        value={decision}
        onChange={(e) => setDecision(e.currentTarget.value)}
        required
        autosize
        minRows={2}
        mt="xs"
      />
      <Text fw={600} size="sm" mt="sm">
        {t('convergence.meeting.actionsTitle')}
      </Text>
      {drafts.map((d, i) => (
        <ActionDraftRow
          key={i}
          draft={d}
          level={m.group.level}
          departments={departments}
          members={m.attendance}
          onChange={(p) => set(i, p)}
          onRemove={() => setDrafts((ds) => ds.filter((_, k) => k !== i))}
          labels={{ dept, domain: domainLabel }}
        />
      ))}
      <Group mt="sm">
        <Button variant="default" onClick={() => setDrafts((ds) => [...ds, emptyDraft()])}>
          {t('convergence.meeting.addAction')}
        </Button>
        <Button type="submit" loading={save.isPending} disabled={!decision.trim()}>
          {t('convergence.meeting.submit')}
        </Button>
      </Group>
      <ErrorLine error={save.error} />
    </Card>
  );
}

function ActionDraftRow(props: {
  draft: Draft;
  level: string;
  departments: string[];
  members: MeetingDetail['attendance'];
  onChange: (p: Partial<Draft>) => void;
  onRemove: () => void;
  labels: { dept: (d: string) => string; domain: (d: string) => string };
}) {
  const { t } = useTranslation();
  const { draft: d, onChange, labels } = props;
  const suggest = useSuggest(d.domain, props.level);
  const suggested = suggest.data?.departments.map((x) => x.department) ?? [];
  return (
    <Card withBorder padding="xs" mt="xs">
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Select
          label={t('convergence.common.domain')}
          data={CONVERGENCE_DOMAINS.map((x) => ({ value: x, label: labels.domain(x) }))}
          value={d.domain}
          onChange={(v) => onChange({ domain: v })}
          clearable
          w={200}
        />
        <Select
          label={t('convergence.common.department')}
          data={props.departments.map((x) => ({ value: x, label: labels.dept(x) }))}
          value={d.department}
          onChange={(v) => onChange({ department: v, officerMemberId: null })}
          required
          w={220}
        />
        <Select
          label={t('convergence.meeting.officer')}
          data={props.members.filter((x) => x.department === d.department).map((x) => ({ value: x.memberId, label: x.name }))}
          value={d.officerMemberId}
          onChange={(v) => onChange({ officerMemberId: v })}
          clearable
          disabled={!d.department}
          w={200}
        />
        <TextInput
          type="date"
          label={t('convergence.common.dueDate')}
          value={d.dueDate}
          min={todayIst()}
          onChange={(e) => onChange({ dueDate: e.currentTarget.value })}
          required
          w={160}
        />
        <Button variant="subtle" color="red" onClick={props.onRemove}>
          {t('convergence.meeting.removeAction')}
        </Button>
      </Group>
      <TextInput
        label={t('convergence.meeting.description')}
        value={d.description}
        onChange={(e) => onChange({ description: e.currentTarget.value })}
        mt={4}
      />
      {suggested.length > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('convergence.meeting.suggested', { list: suggested.map(labels.dept).join(', ') })}
        </Text>
      )}
    </Card>
  );
}

function MinutesCard({ m, manage }: { m: MeetingDetail; manage: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [text, setText] = useState('');
  const minute = useConvergenceWrite(() => minuteMeeting(m.id, text));
  return (
    <Card withBorder mt="md">
      <Title order={2} size="h4" mb="xs">
        {t('convergence.meeting.minutes')}
      </Title>
      {m.minutedAt ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {m.minutes}
        </Text>
      ) : manage ? (
        <>
          <Textarea
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={3}
            aria-label={t('convergence.meeting.minutes')}
          />
          <Button mt="xs" disabled={!text.trim()} loading={minute.isPending} onClick={() => minute.mutate(undefined)}>
            {t('convergence.meeting.minute')}
          </Button>
          {minute.data?.nextMeeting && (
            <Text size="sm" mt="xs">
              <Anchor component={Link} to={`/convergence/meetings/${minute.data.nextMeeting.id}`}>
                {t('convergence.meeting.nextMeeting', { date: f.date(minute.data.nextMeeting.date) })}
              </Anchor>
            </Text>
          )}
          <ErrorLine error={minute.error} />
        </>
      ) : (
        <Text size="sm">—</Text>
      )}
    </Card>
  );
}

function NoteCard({ m, manage }: { m: MeetingDetail; manage: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const send = useConvergenceWrite(() => sendNote(m.id));
  const own = me.organisation?.kind;
  const langs = [
    ['en', 'English'],
    ['hi', 'हिन्दी'],
    ['mr', 'मराठी'],
  ] as const;
  return (
    <Card withBorder mt="md">
      <Title order={2} size="h4" mb="xs">
        {t('convergence.meeting.note')}
      </Title>
      <Stack gap="xs">
        {m.view === 'full' && (
          <Group gap="xs">
            <Text size="sm" w={200}>
              {t('convergence.meeting.fullNote')}
            </Text>
            {langs.map(([l, label]) => (
              <Button key={l} component="a" href={noteUrl(m.id, l)} target="_blank" rel="noopener" size="xs" variant="default">
                PDF {label}
              </Button>
            ))}
          </Group>
        )}
        {own && (
          <Group gap="xs">
            <Text size="sm" w={200}>
              {t('convergence.meeting.myNote')}
            </Text>
            {langs.map(([l, label]) => (
              <Button key={l} component="a" href={noteUrl(m.id, l, own)} target="_blank" rel="noopener" size="xs" variant="default">
                PDF {label}
              </Button>
            ))}
          </Group>
        )}
        {manage && (
          <Group gap="xs">
            <Button size="xs" loading={send.isPending} onClick={() => send.mutate(undefined)}>
              {t('convergence.meeting.send')}
            </Button>
            {m.noteSentAt && <Text size="sm">{t('convergence.meeting.noteSentOn', { date: f.dateTime(m.noteSentAt) })}</Text>}
            {send.data && <Text size="sm">{t('convergence.meeting.sent', { n: send.data.queued })}</Text>}
          </Group>
        )}
        <ErrorLine error={send.error} />
        <NoteTables meetingId={m.id} />
      </Stack>
    </Card>
  );
}

/** The child as this reader's copy of the note gives it: named, initials only (CWC order), or withheld. */
function ChildCell({ l }: { l: NoteLineView }) {
  const { t } = useTranslation();
  if (l.child) {
    const c = l.child;
    return (
      <Text size="sm" data-testid="note-child">
        {c.name}
        {c.nameLocal && c.nameLocal !== c.name ? ` / ${c.nameLocal}` : ''}
        {c.age !== null ? `, ${t('convergence.note.age', { n: c.age })}` : ''}
        {c.village ? `, ${c.village}` : ''}
      </Text>
    );
  }
  if (l.childInitials) return <Text size="sm">{`${l.childInitials} (${t('convergence.note.initialsOnly')})`}</Text>;
  return (
    <Text size="sm" c="dimmed">
      {l.childWithheld ? t('convergence.common.withheld') : '—'}
    </Text>
  );
}

/** The note in the app: the same cut as the PDF (a department's copy names the children of its own cases). */
function NoteTables({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { dept } = useLabels();
  const q = useNote(meetingId);
  if (!q.data) return <ErrorLine error={q.error} />;
  const note = q.data;
  return (
    <Stack gap="xs" mt="xs" data-testid="note-view">
      <Text size="sm" fw={600}>
        {note.scope.kind === 'full' ? t('convergence.meeting.fullNote') : t('convergence.meeting.myNote')}
      </Text>
      {note.sections.length === 0 && <Text size="sm">{t('convergence.actions.noActions')}</Text>}
      {note.sections.map((s) => (
        <Table.ScrollContainer key={s.department} minWidth={640}>
          <Table fz="sm" striped>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>{dept(s.department)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('convergence.common.caseRef')}</Table.Th>
                <Table.Th scope="col">{t('convergence.note.child')}</Table.Th>
                <Table.Th scope="col">{t('convergence.meeting.description')}</Table.Th>
                <Table.Th scope="col">{t('convergence.common.dueDate')}</Table.Th>
                <Table.Th scope="col">{t('convergence.meeting.officer')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.lines.map((l, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{l.caseRef ?? t('convergence.common.general')}</Table.Td>
                  <Table.Td>
                    <ChildCell l={l} />
                  </Table.Td>
                  <Table.Td>{l.action}</Table.Td>
                  <Table.Td>{f.date(l.dueDate)}</Table.Td>
                  <Table.Td>{l.officer ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ))}
    </Stack>
  );
}
