import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { useRecord } from './api';
import { RecordFacts } from './RecordFacts';
import { ExplanationBars, Header, percent, SideSummary, StatusBadge } from './shared';
import type { RecordDetail } from './types';

/** One record (audited on the server) with its possible matches. */
export default function RecordPage() {
  const { recordId } = useParams({ strict: false }) as { recordId: string };
  const query = useRecord(recordId);
  return <QueryState query={query}>{(r) => <RecordView r={r} />}</QueryState>;
}

function RecordView({ r }: { r: RecordDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <Header title={`${r.reference} · ${t(`missing.kind.${r.kind}`)}`} actions={<Button component={Link} to="/missing/records" variant="default">{t('missing.record.back')}</Button>} />
      <Stack gap="md">
        <Card withBorder>
          <RecordFacts r={r} />
          {r.hasPhoto && (
            <Stack gap={2} mt="sm">
              <Text size="xs" c="dimmed">{t('missing.record.photo')}</Text>
              <img src={`/api/v1/missing/records/${r.id}/photo`} alt={t('missing.photo.alt')} style={{ maxWidth: 200, borderRadius: 4 }} />
            </Stack>
          )}
          {r.moderation && (
            <Text size="sm" mt="sm">
              {t('missing.record.moderation')}: {f.date(r.moderation.at)} {r.moderation.reason ?? ''}
            </Text>
          )}
        </Card>
        <Title order={2} size="h3">{t('missing.record.matches')}</Title>
        {r.matches.length === 0 && <Text c="dimmed">{t('missing.record.noMatches')}</Text>}
        {r.matches.map((m) => (
          <Card key={m.id} withBorder padding="sm">
            <Group justify="space-between" mb="xs">
              <Group gap="xs">
                <Text fw={700}>{t('missing.review.probability', { p: f.decimal(percent(m.probability)) })}</Text>
                <StatusBadge status={m.status} kind="matchStatus" />
              </Group>
              <Anchor component={Link} to={`/missing/matches/${m.id}`}>{t('missing.review.open')}</Anchor>
            </Group>
            <SideSummary r={m.other} />
            <ExplanationBars fields={m.fields} />
          </Card>
        ))}
      </Stack>
    </>
  );
}
