import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { QueryState } from '../../components/Status';
import { describeError } from '../../forms/errors';
import { refitMatchModel, rollbackMatchModel, useMatchModel, useMissingWrite } from './api';
import { Header } from './shared';
import type { MatchModelStatus } from './types';

/**
 * The match model for the DCPU and state officer (issue #15): which version scores the review queue,
 * what it was fitted on and when, the calibration and the words reviewers see, and a refit from the
 * reviewers' confirmed and rejected matches (POST /missing/model/refit, over `samanvay link-refit`),
 * and a rollback to an earlier version or the shipped model (POST /missing/model/rollback).
 */
export default function ModelPage() {
  const { t } = useTranslation();
  const query = useMatchModel();
  return (
    <>
      <Header title={t('missing.model.title')} intro={t('missing.model.intro')} />
      <QueryState query={query}>{(m) => <ModelView m={m} />}</QueryState>
    </>
  );
}

export function ModelView({ m }: { m: MatchModelStatus }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refit = useMissingWrite(() => refitMatchModel({}));
  // `expected` is the version this screen shows in use: if another officer changed it first, 409.
  const rollback = useMissingWrite((version: string) => rollbackMatchModel({ version, expected: m.version }));
  const rollBackTo = async (version: string) => {
    setError(null);
    setDone(null);
    try {
      const r = await rollback.mutateAsync(version);
      setDone(t('missing.model.rolledBack', { version: r.version }));
    } catch (err) {
      setError(describeError(t, err));
    }
  };
  const rollbackButton = (version: string) =>
    m.mayRefit && version !== m.version ? (
      <Button
        size="xs"
        variant="light"
        onClick={() => void rollBackTo(version)}
        loading={rollback.isPending && rollback.variables === version}
      >
        {t('missing.model.rollback')}
      </Button>
    ) : null;
  const enough = m.decisions.confirmed >= m.decisions.minEach && m.decisions.rejected >= m.decisions.minEach;
  const run = async () => {
    setError(null);
    setDone(null);
    try {
      const r = await refit.mutateAsync(undefined);
      setDone(t('missing.model.refitted', { version: r.version }));
    } catch (err) {
      setError(describeError(t, err));
    }
  };
  return (
    <Stack gap="md">
      <Card withBorder>
        <Group gap="xs" mb="xs">
          <Title order={2} size="h4" data-testid="model-version">
            {m.version}
          </Title>
          <Badge variant="light">{t(`missing.model.source.${m.source}`)}</Badge>
        </Group>
        <Text size="sm">
          {t('missing.model.fitted')}: {m.fittedAt ? f.dateTime(m.fittedAt) : t('missing.model.shippedFit')}
        </Text>
        <Text size="sm">
          {t('missing.model.trainedOn')}: {m.trainedOn}
        </Text>
        <Text size="sm" c="dimmed">
          {t('missing.model.calibration', { scale: f.decimal(m.calibration.scale), shift: f.decimal(m.calibration.shift) })}
        </Text>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('missing.model.bands')}
        </Title>
        <Table withRowBorders={false} data-testid="model-bands">
          <Table.Tbody>
            {m.bands.map((b) => (
              <Table.Tr key={b.band}>
                <Table.Td>{t(`missing.review.band.${b.band}`)}</Table.Td>
                <Table.Td>{t('missing.model.bandRange', { from: f.number(b.from * 100), to: f.number(b.to * 100) })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('missing.model.refitTitle')}
        </Title>
        <Text size="sm" mb="xs">
          {t('missing.model.decisions', {
            confirmed: f.number(m.decisions.confirmed),
            rejected: f.number(m.decisions.rejected),
            min: f.number(m.decisions.minEach),
          })}
        </Text>
        {error && (
          <Alert color="red" mb="xs" role="alert">
            {error}
          </Alert>
        )}
        {done && (
          <Alert color="green" mb="xs" role="status">
            {done}
          </Alert>
        )}
        <Button onClick={() => void run()} loading={refit.isPending} disabled={!enough || !m.mayRefit}>
          {t('missing.model.refit')}
        </Button>
        {!m.mayRefit && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('missing.model.stateRefits')}
          </Text>
        )}
        {m.mayRefit && !enough && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('missing.model.tooFew', { min: f.number(m.decisions.minEach) })}
          </Text>
        )}
      </Card>
      {m.history.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('missing.model.history')}
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('missing.model.version')}</Table.Th>
                <Table.Th>{t('missing.model.fitted')}</Table.Th>
                <Table.Th>{t('missing.model.decidedPairs')}</Table.Th>
                <Table.Th>{t('missing.model.ece')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.history.map((h) => (
                <Table.Tr key={h.version}>
                  <Table.Td>
                    {h.version} {h.active && <Badge size="xs">{t('missing.model.inUse')}</Badge>}
                  </Table.Td>
                  <Table.Td>{f.dateTime(h.fittedAt)}</Table.Td>
                  <Table.Td>{t('missing.model.pairCounts', { confirmed: f.number(h.confirmed), rejected: f.number(h.rejected) })}</Table.Td>
                  <Table.Td>{`${f.decimal(h.eceBefore)} → ${f.decimal(h.eceAfter)}`}</Table.Td>
                  <Table.Td>{rollbackButton(h.version)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td>
                  {m.shippedVersion} {m.source === 'shipped' && <Badge size="xs">{t('missing.model.inUse')}</Badge>}
                </Table.Td>
                <Table.Td colSpan={3}>{t('missing.model.source.shipped')}</Table.Td>
                <Table.Td>{rollbackButton(m.shippedVersion)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
