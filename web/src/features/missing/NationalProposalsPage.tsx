import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCan } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { QueryState } from '../../components/Status';
import { describeError } from '../../forms/errors';
import { confirmNoteGiven } from '../../../../src/missing/missing.model';
import { CHECKED_BY, type ProposalOut } from '../../../../src/federation/proposals/proposals.model';
import { decideNationalProposal, useMissingWrite, useNationalProposals } from './api';
import { AgeText, Header } from './shared';

type Side = ProposalOut['missing'];

/**
 * National match proposals (issue #19): a record of this district matched by the nation to a
 * record of another state. The other state's record shows only what the proposal carries (names,
 * sex, age, date, state); the DCPU confirms (saying how it was checked) or rejects for the state.
 */
export default function NationalProposalsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'proposed' | 'all'>('proposed');
  const query = useNationalProposals(status === 'all' ? {} : { status });
  return (
    <>
      <Header
        title={t('missing.national.title')}
        intro={t('missing.national.intro')}
        actions={
          <SegmentedControl
            size="xs"
            value={status}
            onChange={(v) => setStatus(v as 'proposed' | 'all')}
            data={[
              { value: 'proposed', label: t('missing.national.filterOpen') },
              { value: 'all', label: t('missing.national.filterAll') },
            ]}
          />
        }
      />
      <QueryState query={query}>
        {(data) =>
          !data.federation ? (
            <Alert color="gray" data-testid="national-not-set-up">
              {t('missing.national.notSetUp')}
            </Alert>
          ) : (
            <Stack gap="xs">
              {data.items.length === 0 && <Text c="dimmed">{t('missing.national.none')}</Text>}
              {data.items.map((p) => (
                <ProposalCard key={p.id} p={p} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}

function SideFacts({ s, own, kind }: { s: Side; own: boolean; kind: 'missing' | 'found' }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack gap={2} data-testid={own ? 'own-side' : 'other-side'}>
      <Text size="xs" c="dimmed">
        {t(`missing.kind.${kind}`)} · {own ? t('missing.national.ownState') : t('missing.national.otherState')}:{' '}
        {s.stateName ?? s.stateCode}
      </Text>
      <Text fw={600}>
        {own ? (
          <Anchor component={Link} to={`/missing/records/${s.recordId}`}>
            {s.name ?? s.nameLocal ?? '—'}
          </Anchor>
        ) : (
          (s.name ?? s.nameLocal ?? '—')
        )}
      </Text>
      {s.name && s.nameLocal && <Text size="sm">{s.nameLocal}</Text>}
      <Text size="sm">
        {t(`missing.sex.${s.sex}`)} · <AgeText age={s.ageYears} /> · {s.eventDate ? f.date(s.eventDate) : '—'}
      </Text>
    </Stack>
  );
}

function ProposalCard({ p }: { p: ProposalOut }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [note, setNote] = useState('');
  const [checkedBy, setCheckedBy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const write = useMissingWrite((body: { decision: 'confirm' | 'reject'; note: string; checkedBy?: string }) =>
    decideNationalProposal(p.id, body),
  );
  async function send(decision: 'confirm' | 'reject') {
    setError(null);
    if (decision === 'reject' && !note.trim()) return setError(t('missing.review.noteRequired'));
    if (decision === 'confirm' && !checkedBy) return setError(t('missing.national.checkedByRequired'));
    if (decision === 'confirm' && !confirmNoteGiven(note)) return setError(t('missing.review.confirmNoteRequired'));
    try {
      await write.mutateAsync({ decision, note: note.trim(), ...(decision === 'confirm' ? { checkedBy: checkedBy! } : {}) });
    } catch (err) {
      setError(err instanceof ApiError && err.status === 409 ? t('missing.national.alreadyDecided') : describeError(t, err));
    }
  }
  const open = p.status === 'proposed' && !p.decision;
  return (
    <Card withBorder padding="sm" data-testid="national-proposal">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Badge variant="light" tt="none" color={p.status === 'confirmed' ? 'green' : p.status === 'proposed' ? 'blue' : 'gray'}>
            {t(`missing.national.status.${p.status}`)}
          </Badge>
          <Text size="sm">{t('missing.national.probability', { p: Math.round(p.probability * 100) })}</Text>
        </Group>
        <Text size="xs" c="dimmed">
          {f.date(p.proposedAt)}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SideFacts s={p.missing} own={p.ownSide === 'missing'} kind="missing" />
        <SideFacts s={p.found} own={p.ownSide === 'found'} kind="found" />
      </SimpleGrid>
      {p.explanation && (
        <Text size="sm" c="dimmed" mt="xs">
          {p.explanation}
        </Text>
      )}
      {p.decision && (
        <Text size="sm" mt="xs" data-testid="national-decision">
          {t(p.decision.decision === 'confirm' ? 'missing.national.confirmedByUs' : 'missing.national.rejectedByUs', {
            date: f.date(p.decision.decidedAt),
          })}
          {p.decision.checkedBy && <> ({t(`missing.national.checkedBy.${p.decision.checkedBy}`)})</>} · {p.decision.note}
        </Text>
      )}
      {open && can('missing.national') && (
        <Stack gap="xs" mt="sm">
          <Select
            size="xs"
            maw={320}
            label={t('missing.national.checkedByLabel')}
            data={CHECKED_BY.map((c) => ({ value: c, label: t(`missing.national.checkedBy.${c}`) }))}
            value={checkedBy}
            onChange={setCheckedBy}
            data-testid="checked-by"
          />
          <Textarea
            size="xs"
            label={t('missing.national.noteLabel')}
            description={t('missing.national.noteHint')}
            value={note}
            maxLength={2000}
            autosize
            minRows={2}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {error && (
            <Text size="sm" c="red" role="alert">
              {error}
            </Text>
          )}
          <Group gap="xs">
            <Button size="xs" color="green" loading={write.isPending} onClick={() => void send('confirm')} data-testid="national-confirm">
              {t('missing.national.confirm')}
            </Button>
            <Button size="xs" color="red" variant="light" loading={write.isPending} onClick={() => void send('reject')}>
              {t('missing.national.reject')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
