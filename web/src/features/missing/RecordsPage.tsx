import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Pagination, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RECORD_KINDS, RECORD_STATUSES } from '../../../../src/missing/domain/vocabulary';
import { useCan } from '../../auth/session';
import { ErrorMessage, Loading } from '../../components/Status';
import { describeError } from '../../forms/errors';
import { useFormat } from '../../i18n/format';
import { moderate, PAGE_SIZE, useMissingWrite, useRecords } from './api';
import { AgeText, ChildName, Header, KindBadge, StatusBadge } from './shared';
import type { MissingRecord } from './types';

/** Reports and found children in the jurisdiction, with filters. */
export default function RecordsPage() {
  return <RecordList mode="all" />;
}

/** The moderation list: public submissions waiting for an official. */
export function ModerationPage() {
  return <RecordList mode="moderation" />;
}

function RecordList({ mode }: { mode: 'all' | 'moderation' }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [kind, setKind] = useState<string>('');
  const [status, setStatus] = useState<string>(mode === 'moderation' ? 'pending_moderation' : '');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useRecords({ kind: kind || undefined, status: status || undefined, q: q.trim() || undefined, page });
  const data = list.data;
  const reset = () => setPage(1);
  return (
    <>
      <Header
        title={t(mode === 'moderation' ? 'missing.moderation.title' : 'missing.list.title')}
        intro={mode === 'moderation' ? t('missing.moderation.intro') : undefined}
        actions={
          can('missing.write') &&
          mode === 'all' && (
            <Button component={Link} to="/missing/new">
              {t('missing.nav.newRecord')}
            </Button>
          )
        }
      />
      <Group mb="md" align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('missing.list.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            reset();
          }}
          maxLength={100}
        />
        <Select
          label={t('missing.list.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v ?? '');
            reset();
          }}
          data={[{ value: '', label: t('missing.list.any') }, ...RECORD_KINDS.map((k) => ({ value: k, label: t(`missing.kind.${k}`) }))]}
          allowDeselect={false}
        />
        {mode === 'all' && (
          <Select
            label={t('missing.list.status')}
            value={status}
            onChange={(v) => {
              setStatus(v ?? '');
              reset();
            }}
            data={[
              { value: '', label: t('missing.list.any') },
              ...RECORD_STATUSES.map((s) => ({ value: s, label: t(`missing.status.${s}`) })),
            ]}
            allowDeselect={false}
          />
        )}
      </Group>
      {list.error && <ErrorMessage error={list.error} />}
      {!data && !list.error && <Loading />}
      {data && (
        <Stack gap="xs" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} aria-busy={list.isFetching}>
          <Text size="sm" role="status">
            {t('missing.list.count', { count: data.total, n: f.number(data.total) })}
          </Text>
          {data.items.length === 0 && <Text c="dimmed">{t('missing.list.none')}</Text>}
          {data.items.map((r) => (
            <Card key={r.id} withBorder padding="sm" data-testid="record-card">
              <Group justify="space-between" align="flex-start" wrap="wrap">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/missing/records/${r.id}`} fw={600}>
                      {r.reference}
                    </Anchor>
                    <KindBadge kind={r.kind} />
                    <StatusBadge status={r.status} kind="status" />
                  </Group>
                  <Text size="sm" fw={600}>
                    <ChildName r={r} />
                  </Text>
                  <Text size="sm">
                    {t(`missing.sex.${r.sex}`)} · <AgeText age={r.ageYears} estimated={r.ageEstimated} /> · {r.districtName} ·{' '}
                    {f.date(r.eventDate)}
                  </Text>
                  {r.eventPlace && (
                    <Text size="sm" c="dimmed">
                      {r.eventPlace}
                    </Text>
                  )}
                </Stack>
                {mode === 'moderation' && r.status === 'pending_moderation' && can('missing.review') && <ModerationActions r={r} />}
              </Group>
            </Card>
          ))}
          {data.total > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(data.total / PAGE_SIZE)}
              value={page}
              onChange={setPage}
              size="sm"
              getItemProps={(n) => ({ 'aria-label': t('list.page', { n: f.number(n) }) })}
            />
          )}
        </Stack>
      )}
    </>
  );
}

function ModerationActions({ r }: { r: MissingRecord }) {
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const write = useMissingWrite((body: { decision: 'accept' | 'reject'; reason?: string }) =>
    moderate(r.id, { ...body, version: r.version }),
  );
  async function send(decision: 'accept' | 'reject') {
    try {
      const out = (await write.mutateAsync({ decision, reason: reason.trim() || undefined })) as MissingRecord & {
        matching?: { proposed?: number };
      };
      setMsg({
        ok: true,
        text:
          decision === 'accept'
            ? t('missing.moderation.accepted', { n: out.matching?.proposed ?? 0 })
            : t('missing.moderation.rejectedDone'),
      });
    } catch (err) {
      setMsg({ ok: false, text: describeError(t, err) });
    }
  }
  if (msg?.ok)
    return (
      <Alert color="green" role="status" py={4}>
        {msg.text}
      </Alert>
    );
  return (
    <Stack gap={4} miw={240}>
      {rejecting ? (
        <>
          <Textarea
            label={t('missing.moderation.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={2}
          />
          <Group gap="xs">
            <Button size="xs" color="red" disabled={!reason.trim()} loading={write.isPending} onClick={() => send('reject')}>
              {t('missing.moderation.reject')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setRejecting(false)}>
              {t('missing.common.cancel')}
            </Button>
          </Group>
        </>
      ) : (
        <Group gap="xs">
          <Button size="xs" color="green" loading={write.isPending} onClick={() => send('accept')} data-testid="accept">
            {t('missing.moderation.accept')}
          </Button>
          <Button size="xs" variant="light" color="red" onClick={() => setRejecting(true)}>
            {t('missing.moderation.reject')}
          </Button>
        </Group>
      )}
      {msg && !msg.ok && (
        <Text size="sm" c="red" role="alert">
          {msg.text}
        </Text>
      )}
    </Stack>
  );
}
