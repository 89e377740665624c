import { useState } from 'react';
import { Anchor, Button, Card, Group, Pagination, SegmentedControl, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MATCH_STATUSES, type MatchStatus } from '../../../../src/missing/domain/vocabulary';
import { useCan } from '../../auth/session';
import { ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { labelledPairsUrl, PAGE_SIZE, useMatches } from './api';
import { ExplanationBars, Header, likelihoodText, SideSummary, StatusBadge } from './shared';
import { band } from '../../../../src/linkage/calibration';

/** The review queue: match candidates, the likeliest first, each with the engine's reasons. */
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [status, setStatus] = useState<MatchStatus>('proposed');
  const [page, setPage] = useState(1);
  const list = useMatches({ status, page });
  const data = list.data;
  return (
    <>
      <Header
        title={t('missing.review.title')}
        intro={t('missing.review.intro')}
        actions={
          can('missing.review') && (
            <Button component="a" href={labelledPairsUrl} download variant="default" data-testid="export-labelled">
              {t('missing.review.exportLabelled')}
            </Button>
          )
        }
      />
      <SegmentedControl
        mb="md"
        aria-label={t('missing.review.statusFilter')}
        value={status}
        onChange={(v) => {
          setStatus(v as MatchStatus);
          setPage(1);
        }}
        data={MATCH_STATUSES.map((s) => ({ value: s, label: t(`missing.matchStatus.${s}`) }))}
      />
      {list.error && <ErrorMessage error={list.error} />}
      {!data && !list.error && <Loading />}
      {data && (
        <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} aria-busy={list.isFetching}>
          {data.items.length === 0 && <Text c="dimmed">{t('missing.review.none')}</Text>}
          {data.items.map((m) => (
            <Card key={m.id} withBorder padding="sm" data-testid="match-card">
              <Group justify="space-between" align="flex-start" mb="xs">
                <Group gap="xs">
                  <Text fw={700}>{`${t(`missing.review.band.${band(m.probability)}`)} · ${likelihoodText(t, f, m.probability)}`}</Text>
                  <StatusBadge status={m.status} kind="matchStatus" />
                </Group>
                <Button component={Link} to={`/missing/matches/${m.id}`} size="xs">
                  {t('missing.review.open')}
                </Button>
              </Group>
              <Group grow align="flex-start" gap="md" mb="xs" wrap="wrap">
                <Stack gap={2} miw={220}>
                  <Text size="xs" c="dimmed" tt="uppercase">
                    {t('missing.review.missingSide')}
                  </Text>
                  <SideSummary r={m.missing} />
                </Stack>
                <Stack gap={2} miw={220}>
                  <Text size="xs" c="dimmed" tt="uppercase">
                    {t('missing.review.foundSide')}
                  </Text>
                  <SideSummary r={m.found} />
                </Stack>
              </Group>
              {/* The model's version is for whoever audits the model, not the officer's decision (issue #17): on hover only, as on the match page. */}
              <div title={t('missing.review.model', { version: m.modelVersion })} data-testid="match-model">
                <ExplanationBars fields={m.fields} />
              </div>
              {m.note && (
                <Text size="sm" mt="xs">
                  <Anchor component={Link} to={`/missing/matches/${m.id}`}>
                    {t('missing.review.decided', { date: f.date(m.decidedAt) })}
                  </Anchor>
                  : {m.note}
                </Text>
              )}
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
