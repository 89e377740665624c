import { useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Grid,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Timeline,
  Title,
  Tooltip,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CaseActionType } from '../../../../src/cases/domain';
import { useMe } from '../../auth/session';
import { PersonName } from '../../components/PersonName';
import { InitialsOnly } from '../../components/Withheld';
import { QueryState } from '../../components/Status';
import { describeError } from '../../forms/errors';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { attachmentUrl, uploadAttachment, useCase, useCasesWrite } from './api';
import { availableActions } from './availability';
import { ActionForm, SPECS } from './ActionForm';
import { DueList, FlagBadges, HOURLY_DUE_KINDS, RiskBadge, StatusBadge } from './shared';
import { NonDisclosureCard } from './NonDisclosure';
import type { CaseFull, CaseReferralView, HistoryEntry } from './types';

/** One case: who it is about, what is due, what can be done now, and everything that happened. */
export default function CasePage() {
  const { caseId } = useParams({ strict: false }) as { caseId: string };
  const q = useCase(caseId);
  return <QueryState query={q}>{(c) => (c.view === 'full' ? <CaseView c={c} /> : <ReferralPart c={c} />)}</QueryState>;
}

export function CaseView({ c }: { c: CaseFull }) {
  const { t } = useTranslation();
  const f = useFormat();
  const s = c.state;
  const unitName = (id: string) => c.directory.units[id]?.name ?? '—';
  const userName = (id: string | null) => (id ? (c.directory.users[id] ?? '—') : '—');
  return (
    <>
      <PageHeader
        title={
          <>
            {t('cases.page.title', { n: f.number(c.number) })}: <PersonName name={c.child.name} nameLocal={c.child.nameLocal} />
            <InitialsOnly show={c.child.initialsOnly} />
          </>
        }
        docTitle={t('cases.page.title', { n: c.number })}
        subtitle={
          <Group gap="xs">
            <StatusBadge status={s.status} />
            <RiskBadge risk={s.risk} />
            <Badge variant="outline" color="gray" tt="none">
              {t(`cases.level.${s.level}`)}
            </Badge>
            <FlagBadges flags={c.flags} />
            {c.child.age != null && (
              <Text size="sm" c="dimmed">
                {t('cases.page.age', { n: c.child.age })}
              </Text>
            )}
            <Anchor component={Link} to={`/children/${c.child.id}`} size="sm">
              {t('cases.field.child')}
            </Anchor>
          </Group>
        }
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('cases.page.due')}
              </Title>
              <DueList due={s.due} unitName={unitName} />
            </Card>
            <ActionPanel c={c} />
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('cases.page.owner')}
              </Title>
              <Text size="sm">
                {s.owner.user ? `${userName(s.owner.user)} · ` : ''}
                {unitName(s.owner.unit)}
              </Text>
            </Card>
            <NonDisclosureCard caseId={c.id} />
            {s.referrals.length > 0 && (
              <Card withBorder>
                <Title order={2} size="h4" mb="xs">
                  {t('cases.page.referrals')}
                </Title>
                <Table>
                  <Table.Tbody>
                    {s.referrals.map((r) => (
                      <Table.Tr key={r.referralId}>
                        <Table.Td>
                          <Text size="sm">
                            {t(`cases.domain.${r.domain}`)}: {r.need}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {unitName(r.to.orgId)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" tt="none">
                            {t(`cases.referralStatus.${r.status}`)}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
            )}
            <Attachments c={c} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('cases.page.history')}
            </Title>
            <History entries={c.history} userName={userName} unitName={unitName} />
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}

function ActionPanel({ c }: { c: CaseFull }) {
  const { t } = useTranslation();
  const me = useMe();
  const [type, setType] = useState<CaseActionType | null>(null);
  const [done, setDone] = useState(false);
  const choices = useMemo(
    () =>
      availableActions(c, me)
        .filter((a) => a.ok || a.code !== 'FORBIDDEN')
        .filter((a) => SPECS[a.type]),
    [c, me],
  );
  if (!choices.length) return null;
  const chosen = choices.find((a) => a.type === type);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('cases.page.act')}
      </Title>
      {done && (
        <Alert color="green" mb="xs" role="status">
          {t('cases.page.recorded')}
        </Alert>
      )}
      <Select
        label={t('cases.page.choose')}
        data={choices.map((a) => ({
          value: a.type,
          label: a.ok ? t(`cases.action.${a.type}`) : `${t(`cases.action.${a.type}`)} (${t('cases.page.notNow')})`,
          disabled: !a.ok,
        }))}
        value={type}
        onChange={(v) => {
          setType(v as CaseActionType | null);
          setDone(false);
        }}
        clearable
        mb="sm"
        data-testid="action-select"
      />
      {chosen && chosen.ok && (
        <ActionForm
          key={`${type}-${c.version}`}
          caseId={c.id}
          version={c.version}
          type={chosen.type}
          state={c.state}
          onDone={() => {
            setType(null);
            setDone(true);
          }}
        />
      )}
      <NotNowReasons choices={choices} />
    </Card>
  );
}

/** Why the greyed-out actions cannot be recorded now, in the domain's words. */
function NotNowReasons({ choices }: { choices: ReturnType<typeof availableActions> }) {
  const { t } = useTranslation();
  const blocked = choices.filter((a): a is Extract<typeof a, { ok: false }> => !a.ok && !!a.message);
  if (!blocked.length) return null;
  return (
    <details style={{ marginTop: 8 }}>
      <summary>
        <Text span size="xs" c="dimmed">
          {t('cases.page.notNow')} ({blocked.length})
        </Text>
      </summary>
      <Stack gap={2} mt={4}>
        {blocked.map((a) => (
          <Text key={a.type} size="xs" c="dimmed">
            {t(`cases.action.${a.type}`)}: {t(`refusal.${a.code}`, { defaultValue: a.message })}
          </Text>
        ))}
      </Stack>
    </details>
  );
}

const SHOWN = [
  'concerns',
  'text',
  'reason',
  'tried',
  'instructions',
  'need',
  'outcome',
  'recommendation',
  'notes',
  'note',
  'findings',
  'needs',
] as const;

function History({
  entries,
  userName,
  unitName,
}: {
  entries: HistoryEntry[];
  userName: (id: string | null) => string;
  unitName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  // Needs and findings are {domain, text} pairs: the domain in words, then the text.
  const item = (x: unknown): string => {
    if (typeof x !== 'object' || !x) return String(x);
    const o = x as Record<string, unknown>;
    const text = o.need ?? o.finding;
    return typeof o.domain === 'string' && text !== undefined
      ? `${t(`cases.domain.${o.domain}`)}: ${String(text)}`
      : Object.values(o).join(': ');
  };
  const line = (v: unknown): string => (Array.isArray(v) ? v.map(item).join('; ') : String(v));
  return (
    <Timeline active={entries.length} bulletSize={14} lineWidth={2} data-testid="history">
      {[...entries].reverse().map((h) => {
        const a = h.action;
        const extra: string[] = [];
        if (a.kind && a.orderType) extra.push(`${t(`cases.orderKind.${a.kind}`)} · ${t(`cases.orderType.${a.orderType}`)}`);
        if (a.careOption) extra.push(t(`cases.careOption.${a.careOption}`));
        if (a.toLevel) extra.push(`→ ${t(`cases.level.${a.toLevel}`)}`);
        if (a.source) extra.push(t(`cases.source.${a.source}`));
        if (a.risk) extra.push(t(`cases.risk.${a.risk}`));
        return (
          <Timeline.Item
            key={h.seq}
            title={
              <Text fw={600} size="sm">
                {t(`cases.action.${h.type}`)}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {f.dateTime(h.at)} · {t('cases.page.by', { who: userName(h.by), unit: h.unit ? unitName(h.unit) : '—' })}
            </Text>
            {extra.length > 0 && <Text size="sm">{extra.join(' · ')}</Text>}
            {SHOWN.filter((k) => a[k] !== undefined && !(Array.isArray(a[k]) && !(a[k] as unknown[]).length)).map((k) => (
              <Text key={k} size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {line(a[k])}
              </Text>
            ))}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

function Attachments({ c }: { c: CaseFull }) {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState('document');
  const [description, setDescription] = useState('');
  const upload = useCasesWrite((x: { file: File }) => uploadAttachment(c.id, x.file, kind, description));
  const canWrite = me.permissions.includes('cases.write');
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('cases.page.attachments')}
      </Title>
      {c.attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.page.noAttachments')}
        </Text>
      ) : (
        <Stack gap={4}>
          {c.attachments.map((a) => (
            <Group key={a.id} gap="xs" justify="space-between">
              <Tooltip label={a.description ?? ''} disabled={!a.description}>
                <Text size="sm">
                  {t(`cases.attachmentKind.${a.kind}`)} · {a.originalName ?? a.contentType} · {f.number(Math.ceil(a.sizeBytes / 1024))} KB
                </Text>
              </Tooltip>
              <Anchor href={attachmentUrl(c.id, a.id)} size="sm">
                {t('cases.page.download')}
              </Anchor>
            </Group>
          ))}
        </Stack>
      )}
      {canWrite && (
        <Stack
          gap="xs"
          mt="sm"
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (file)
              upload.mutate(
                { file },
                {
                  onSuccess: () => {
                    setFile(null);
                    setDescription('');
                  },
                },
              );
          }}
        >
          <FileInput
            label={t('cases.field.file')}
            accept="application/pdf,image/jpeg,image/png,image/webp"
            value={file}
            onChange={setFile}
            clearable
          />
          <Group grow>
            <Select
              label={t('cases.field.kind')}
              data={['document', 'photo', 'order', 'report', 'certificate', 'other'].map((k) => ({
                value: k,
                label: t(`cases.attachmentKind.${k}`),
              }))}
              value={kind}
              onChange={(v) => setKind(v ?? 'document')}
            />
            <TextInput label={t('cases.field.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          </Group>
          {upload.error && (
            <Alert color="red" role="alert">
              {describeError(t, upload.error)}
            </Alert>
          )}
          <Button type="submit" size="xs" w="fit-content" disabled={!file} loading={upload.isPending}>
            {t('cases.page.upload')}
          </Button>
        </Stack>
      )}
    </Card>
  );
}

/** What a referred-to department sees: the child's name, its referrals and their need. */
export function ReferralPart({ c }: { c: CaseReferralView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [answering, setAnswering] = useState<{ type: CaseActionType; referralId: string } | null>(null);
  return (
    <>
      <PageHeader
        title={
          <>
            {t('cases.page.title', { n: f.number(c.number) })}: <PersonName name={c.child.name} nameLocal={c.child.nameLocal} />
            <InitialsOnly show={c.child.initialsOnly} />
          </>
        }
        docTitle={t('cases.page.title', { n: c.number })}
      />
      <Alert color="blue" mb="md">
        {t('cases.page.referralView')}
      </Alert>
      <Stack gap="md">
        {c.referrals.map((r) => {
          const due = c.due.find((d) => d.ref === r.referralId);
          const stateForForm = {
            referrals: [{ ...r, to: { kind: 'department', orgId: '' } }],
            location: { stateCode: '', districtCode: '' },
          } as never;
          return (
            <Card key={r.referralId} withBorder>
              <Group justify="space-between">
                <Text fw={600}>
                  {t(`cases.domain.${r.domain}`)}: {r.need}
                </Text>
                <Badge variant="light" tt="none">
                  {t(`cases.referralStatus.${r.status}`)}
                </Badge>
              </Group>
              {due && (
                <Text size="sm" c={due.overdue ? 'red' : undefined}>
                  {t(`cases.due.${due.kind}`)}: {f.due(due.dueAt, HOURLY_DUE_KINDS.has(due.kind))}
                </Text>
              )}
              {r.declineReason && <Text size="sm">{r.declineReason}</Text>}
              {r.outcome && <Text size="sm">{r.outcome}</Text>}
              <Group gap="xs" mt="xs">
                {r.status === 'pending' && (
                  <>
                    <Button size="xs" onClick={() => setAnswering({ type: 'referral_accepted', referralId: r.referralId })}>
                      {t('cases.action.referral_accepted')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setAnswering({ type: 'referral_declined', referralId: r.referralId })}
                    >
                      {t('cases.action.referral_declined')}
                    </Button>
                  </>
                )}
                {r.status === 'accepted' && (
                  <Button size="xs" onClick={() => setAnswering({ type: 'referral_done', referralId: r.referralId })}>
                    {t('cases.action.referral_done')}
                  </Button>
                )}
              </Group>
              {answering?.referralId === r.referralId && (
                <div style={{ marginTop: 8 }}>
                  <ActionForm
                    caseId={c.id}
                    version={c.version}
                    type={answering.type}
                    state={stateForForm}
                    preset={{ referralId: r.referralId }}
                    onDone={() => setAnswering(null)}
                  />
                </div>
              )}
            </Card>
          );
        })}
      </Stack>
    </>
  );
}
