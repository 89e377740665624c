import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../auth/session';
import { useReason } from '../../forms/errors';
import { surveyInput } from '../../../../src/registry/registry.model';
import { PersonName } from '../../components/PersonName';
import { Loading } from '../../components/Status';
import { ConflictPanel } from '../../forms/ConflictPanel';
import { conflictRows, reapply, same } from '../../forms/versioned';
import { useFormat } from '../../i18n/format';
import type { CaseNote, Change, ChildCreate, ChildEdit, FamilyAssessment, VillageSurvey } from '../../offline/store';
import { ChildForm } from '../registry/children/ChildForm';
import { CHILD_EDIT_FIELDS, childToForm, emptyChild, type ChildFormValues } from '../registry/children/childForm.model';
import { AssessmentForm } from '../registry/assessments/AssessmentForm';
import { emptyAssessment } from '../registry/assessments/assessmentForm.model';
import { Age } from '../registry/shared/Age';
import { useFieldDisplay } from '../registry/shared/display';
import { PageHeader } from '../registry/shared/PageHeader';
import type { ChildRecord, Instrument } from '../registry/types';
import { useVillage, type OfflineChild, type Village } from './useVillage';

/**
 * The offline screens (issue #17). Everything shown comes from the copy on the phone; every
 * save goes into the queue first (IndexedDB, sealed) and is sent from there, so a phone that
 * loses signal or restarts mid-way loses nothing.
 */

const newId = () => crypto.randomUUID();
const nextSeq = () => Date.now() + Math.random();
/** A due moment as the IST calendar day it falls on (due dates are days: no clock time). */
const istDay = (iso: string) => new Date(Date.parse(iso) + 330 * 60_000).toISOString().slice(0, 10);

function StatusBar({ v }: { v: Village }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pending = v.queue.filter((c) => c.status === 'pending').length;
  const conflicts = v.queue.filter((c) => c.status !== 'pending').length;
  return (
    <Stack gap="xs" mb="md" data-testid="offline-status">
      <Group gap="xs">
        <Badge color={v.online ? 'green' : 'gray'} data-testid="connection">
          {v.online ? t('offline.online') : t('offline.offline')}
        </Badge>
        {(pending > 0 || conflicts === 0) && (
          <Badge color={pending ? 'blue' : 'teal'} variant="light" data-testid="pending">
            {pending ? t('offline.pending', { count: pending }) : t('offline.allSent')}
          </Badge>
        )}
        {conflicts > 0 && (
          <Badge color="orange" data-testid="conflicts">
            {t('offline.conflicts', { count: conflicts })}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" data-testid="synced-at">
        {v.sync ? t('offline.syncedAt', { when: f.dateTime(v.sync.at) }) : t('offline.neverSynced')}
      </Text>
      {v.sync && v.sync.childrenTotal > v.sync.children && (
        <Text size="sm">{t('offline.partial', { shown: f.number(v.sync.children), total: f.number(v.sync.childrenTotal) })}</Text>
      )}
      {v.syncError && v.online && (
        <Alert color="yellow" role="status">
          {t('offline.syncFailed')}
        </Alert>
      )}
    </Stack>
  );
}

function Gate({ v, children }: { v: Village; children: React.ReactNode }) {
  const { t } = useTranslation();
  if (v.state === 'opening') return <Loading />;
  if (v.state === 'locked' || v.state === 'error')
    return (
      <Alert color="yellow" role="status" data-testid="offline-locked">
        {t('offline.locked')}
      </Alert>
    );
  return <>{children}</>;
}

/** The child as she sees it: the server's copy with her waiting edit on top. */
function shownChild(c: OfflineChild, queue: Change[]) {
  const edit = queue.find((q): q is ChildEdit => q.kind === 'child.edit' && q.recordId === c.id);
  return edit ? { ...c, name: edit.values.name, nameLocal: edit.values.nameLocal || null, edit } : { ...c, edit: undefined };
}

function ChangeBadge({ change }: { change?: Change }) {
  const { t } = useTranslation();
  if (!change) return null;
  const [color, label] =
    change.status === 'pending'
      ? ['blue', t('offline.waiting')]
      : change.status === 'conflict'
        ? ['orange', t('offline.needsDecision')]
        : ['red', t('offline.refused')];
  return (
    <Badge color={color} variant="light" size="sm" data-testid="change-badge" data-status={change.status}>
      {label}
    </Badge>
  );
}

export function VillageScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const v = useVillage();
  const created = v.queue.filter((c): c is ChildCreate => c.kind === 'child.create');
  return (
    <>
      <PageHeader
        title={t('offline.title')}
        actions={
          <>
            {can('survey.write') && (
              <Button component={Link} to="/offline/survey" variant="default">
                {t('offline.newSurvey')}
              </Button>
            )}
            <Button onClick={() => void v.syncNow()} loading={v.syncing} disabled={!v.online || v.state !== 'ready'} data-testid="sync-now">
              {t('offline.syncNow')}
            </Button>
          </>
        }
      />
      <Text size="sm" mb="sm">
        {t('offline.intro')}
      </Text>
      <Gate v={v}>
        <StatusBar v={v} />
        {v.queue
          .filter((q): q is VillageSurvey => q.kind === 'village.survey')
          .map((q) => (
            <Group key={q.id} gap="xs" mb="xs" data-testid="offline-survey">
              <Text size="sm">{t('offline.surveyOf', { date: f.date(String(q.payload.surveyedOn)) })}</Text>
              <ChangeBadge change={q} />
              <Refused change={q} v={v} />
            </Group>
          ))}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="xs">
            <Title order={2} size="h3">
              {t('offline.children')}
            </Title>
            <Stack gap={6} data-testid="offline-children">
              {v.children.map((raw) => {
                const c = shownChild(raw, v.queue);
                return (
                  <Card key={c.id} withBorder padding="xs" data-testid="offline-child" data-id={c.id}>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Stack gap={0} style={{ minWidth: 0 }}>
                        <Anchor component={Link} to={`/offline/children/${c.id}`}>
                          <PersonName name={c.name} nameLocal={c.nameLocal} />
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          <Age age={c.age} estimated={c.dobEstimated} />
                        </Text>
                      </Stack>
                      <ChangeBadge change={c.edit} />
                    </Group>
                  </Card>
                );
              })}
              {created.map((c) => (
                <Card key={c.id} withBorder padding="xs" data-testid="offline-new-child">
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <PersonName name={String(c.payload.name ?? '')} nameLocal={(c.payload.nameLocal as string) ?? null} />
                    <ChangeBadge change={c} />
                  </Group>
                  <Refused change={c} v={v} />
                </Card>
              ))}
            </Stack>
          </Stack>
          <Stack gap="xs">
            <Title order={2} size="h3">
              {t('offline.dueVisits')}
            </Title>
            {v.tasks.length === 0 ? (
              <Text size="sm">{t('offline.noDue')}</Text>
            ) : (
              <Stack gap={6} data-testid="offline-due">
                {v.tasks.map((task) => {
                  const child = v.cases.find((c) => c.id === task.caseId)?.childId;
                  return (
                    <Card key={task.id} withBorder padding="xs">
                      <Group justify="space-between" wrap="nowrap" gap="xs">
                        <Stack gap={0} style={{ minWidth: 0 }}>
                          <Text size="sm" fw={600}>
                            {t(`cases.due.${task.kind}`, { defaultValue: task.kind })}
                          </Text>
                          {child ? (
                            <Anchor component={Link} to={`/offline/children/${child}`} size="sm">
                              <PersonName name={task.childName} nameLocal={task.childNameLocal} />
                            </Anchor>
                          ) : (
                            <PersonName name={task.childName} nameLocal={task.childNameLocal} />
                          )}
                        </Stack>
                        <Stack gap={0} align="flex-end">
                          <Text size="sm">{f.date(istDay(task.dueAt))}</Text>
                          {task.overdue && (
                            <Badge color="red" size="sm">
                              {t('offline.overdue')}
                            </Badge>
                          )}
                        </Stack>
                      </Group>
                    </Card>
                  );
                })}
              </Stack>
            )}
            <Title order={2} size="h3" mt="md">
              {t('offline.families')}
            </Title>
            <Table.ScrollContainer minWidth={280}>
              <Table data-testid="offline-families">
                <Table.Tbody>
                  {v.families.map((fam) => (
                    <Table.Tr key={fam.id}>
                      <Table.Td>
                        <PersonName name={fam.headName} nameLocal={fam.headNameLocal} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Group gap="sm" justify="flex-end">
                          <Anchor component={Link} to={`/offline/families/${fam.id}/new-child`} size="sm">
                            {t('offline.addChild')}
                          </Anchor>
                          {can('assessment.write') && (
                            <Anchor component={Link} to={`/offline/families/${fam.id}/assessment`} size="sm">
                              {t('offline.newAssessment')}
                            </Anchor>
                          )}
                        </Group>
                        {v.queue
                          .filter((q): q is FamilyAssessment => q.kind === 'family.assessment' && q.familyId === fam.id)
                          .map((q) => (
                            <Group key={q.id} gap="xs" justify="flex-end" mt={4} data-testid="offline-assessment">
                              <Text size="xs">{t('offline.assessmentOf', { date: f.date(String(q.payload.assessedOn)) })}</Text>
                              <ChangeBadge change={q} />
                              <Refused change={q} v={v} />
                            </Group>
                          ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </SimpleGrid>
      </Gate>
    </>
  );
}

/** A change the server refused for another reason than a version: said, and hers to discard (never dropped silently). */
function Refused({ change, v }: { change: Change; v: Village }) {
  const { t } = useTranslation();
  if (change.status !== 'rejected' || !change.error) return null;
  return (
    <Alert color="red" mt="xs" role="alert">
      <Text size="sm">{t('offline.refusedWhy', { message: change.error.message })}</Text>
      <Button size="xs" mt="xs" variant="default" onClick={() => void v.vault?.dropChange(change.id)}>
        {t('offline.discard')}
      </Button>
    </Alert>
  );
}

export function ChildScreen() {
  const { t } = useTranslation();
  const { childId } = useParams({ strict: false }) as { childId: string };
  const v = useVillage();
  const raw = v.children.find((c) => c.id === childId);
  return (
    <>
      <Anchor component={Link} to="/offline" size="sm">
        {t('offline.back')}
      </Anchor>
      <Gate v={v}>
        <StatusBar v={v} />
        {raw ? <ChildEditor key={raw.id} v={v} child={raw} /> : <Text>{t('offline.notKept')}</Text>}
      </Gate>
    </>
  );
}

function ChildEditor({ v, child }: { v: Village; child: OfflineChild }) {
  const { t } = useTranslation();
  const display = useFieldDisplay();
  const edit = v.queue.find((q): q is ChildEdit => q.kind === 'child.edit' && q.recordId === child.id);
  const server = childToForm(child as ChildRecord) as unknown as Record<string, string>;
  const base = edit?.base ?? server;
  const initial = edit?.values ?? server;
  const latest = useRef<Record<string, string>>(initial);
  const [saved, setSaved] = useState(false);
  // Remount the form when its starting point changes (a conflict resolved, their version taken).
  const formKey = `${edit?.id ?? 'none'}:${edit?.baseVersion ?? child.version}:${edit?.status ?? ''}`;

  async function save() {
    if (!v.vault) return;
    const values = latest.current;
    if (CHILD_EDIT_FIELDS.every((f) => same(base[f], values[f]))) {
      if (edit) await v.vault.dropChange(edit.id);
    } else {
      await v.vault.putChange({
        ...(edit ?? { id: newId(), seq: nextSeq(), kind: 'child.edit' as const, recordId: child.id, baseVersion: child.version, base }),
        madeAt: new Date().toISOString(),
        status: 'pending',
        values,
      } as ChildEdit);
    }
    setSaved(true);
    if (navigator.onLine) void v.syncNow();
  }

  async function resolve(keepTheirs: Set<string> | 'theirs') {
    if (!v.vault || !edit?.theirs) return;
    const theirs = childToForm(edit.theirs as unknown as ChildRecord) as unknown as Record<string, string>;
    if (keepTheirs === 'theirs') await v.vault.dropChange(edit.id);
    else
      await v.vault.putChange({
        ...edit,
        status: 'pending',
        base: theirs,
        baseVersion: edit.theirs.version,
        values: reapply(CHILD_EDIT_FIELDS, edit.base, edit.values, theirs, keepTheirs),
        theirs: undefined,
      });
    if (navigator.onLine) void v.syncNow();
  }

  const theirsForm = edit?.theirs ? (childToForm(edit.theirs as unknown as ChildRecord) as unknown as Record<string, string>) : null;
  return (
    <Stack gap="md">
      <PageHeader title={t('offline.editTitle')} subtitle={<PersonName name={child.name} nameLocal={child.nameLocal} />} />
      {edit?.status === 'conflict' && theirsForm && (
        <Stack gap="xs" data-testid="offline-conflict">
          <ConflictPanel
            rows={conflictRows(CHILD_EDIT_FIELDS, edit.base, edit.values, theirsForm)}
            theirVersion={edit.theirs!.version}
            label={(f) => t(`child.${f}`)}
            display={display}
            onReapply={(keep) => void resolve(keep)}
            onTakeTheirs={() => void resolve('theirs')}
          />
          <Group>
            <Button variant="light" onClick={() => void resolve(new Set())} data-testid="keep-mine">
              {t('offline.keepMine')}
            </Button>
          </Group>
        </Stack>
      )}
      {edit && <Refused change={edit} v={v} />}
      {saved && edit?.status === 'pending' && (
        <Alert color="blue" role="status" data-testid="saved-here">
          {t('offline.savedHere')}
        </Alert>
      )}
      {edit?.status !== 'conflict' && (
        <ChildForm
          key={formKey}
          mode="edit"
          initial={initial as unknown as ChildFormValues}
          base={base as unknown as ChildFormValues}
          version={edit?.baseVersion ?? child.version}
          onValuesChange={(vals) => {
            latest.current = vals as unknown as Record<string, string>;
            setSaved(false);
          }}
          onSubmit={save}
        />
      )}
      <VisitNotes v={v} childId={child.id} />
    </Stack>
  );
}

function VisitNotes({ v, childId }: { v: Village; childId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const cases = v.cases.filter((c) => c.childId === childId);
  const notes = v.queue.filter((q): q is CaseNote => q.kind === 'case.note' && q.childId === childId);
  const [text, setText] = useState<Record<string, string>>({});

  async function add(caseId: string, version: number) {
    const body = (text[caseId] ?? '').trim();
    if (!v.vault || !body) return;
    await v.vault.putChange({
      id: newId(),
      seq: nextSeq(),
      madeAt: new Date().toISOString(),
      status: 'pending',
      kind: 'case.note',
      caseId,
      childId,
      baseVersion: version,
      text: body,
    });
    setText((s) => ({ ...s, [caseId]: '' }));
    if (navigator.onLine) void v.syncNow();
  }

  async function resolveNote(n: CaseNote, keep: boolean) {
    if (!v.vault) return;
    if (!keep || !n.theirs) await v.vault.dropChange(n.id);
    else await v.vault.putChange({ ...n, status: 'pending', baseVersion: n.theirs.version, theirs: undefined });
    if (navigator.onLine) void v.syncNow();
  }

  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('offline.visitNotes')}
      </Title>
      {cases.length === 0 && <Text size="sm">{t('offline.noCases')}</Text>}
      {cases.map((c) => (
        <Card key={c.id} withBorder padding="sm" data-testid="offline-case" data-id={c.id}>
          <Text fw={600} size="sm">
            {t('offline.caseNo', { n: c.number })}
          </Text>
          <Textarea
            label={t('offline.visitNote')}
            autosize
            minRows={2}
            maxLength={4000}
            value={text[c.id] ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setText((s) => ({ ...s, [c.id]: value }));
            }}
          />
          <Group mt="xs">
            <Button size="sm" onClick={() => void add(c.id, c.version)} disabled={!(text[c.id] ?? '').trim()}>
              {t('offline.addVisitNote')}
            </Button>
          </Group>
        </Card>
      ))}
      {notes.map((n) => (
        <Card key={n.id} withBorder padding="sm" data-testid="offline-note" data-status={n.status}>
          {n.status === 'conflict' && n.theirs ? (
            <Alert color="orange" role="alert" title={t('offline.conflictNoteTitle')}>
              <Text size="sm" mb="xs">
                {t('offline.conflictNoteExplain')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Stack gap={4}>
                  <Text fw={600} size="sm">
                    {t('offline.since', { version: n.theirs.version })}
                  </Text>
                  <List size="sm">
                    {n.theirs.since.map((h) => (
                      <List.Item key={h.seq}>
                        {t(`cases.action.${h.type}`, { defaultValue: h.type })} ({f.dateTime(h.at)})
                      </List.Item>
                    ))}
                  </List>
                </Stack>
                <Stack gap={4}>
                  <Text fw={600} size="sm">
                    {t('offline.yourNote')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {n.text}
                  </Text>
                </Stack>
              </SimpleGrid>
              <Group mt="sm">
                <Button size="sm" onClick={() => void resolveNote(n, true)}>
                  {t('offline.addNoteAnyway')}
                </Button>
                <Button size="sm" variant="default" onClick={() => void resolveNote(n, false)}>
                  {t('offline.dropNote')}
                </Button>
              </Group>
            </Alert>
          ) : (
            <>
              <Group justify="space-between">
                <Text size="sm" fw={600}>
                  {t('offline.noteWaiting')}
                </Text>
                <ChangeBadge change={n} />
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.text}
              </Text>
              <Refused change={n} v={v} />
            </>
          )}
        </Card>
      ))}
    </Stack>
  );
}

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
