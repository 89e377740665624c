import { useState } from 'react';
import { Anchor, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCan } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { QueryState } from '../../components/Status';
import { describeError } from '../../forms/errors';
import { openCase, setRestorationStatus, useMissingWrite, useRestorations } from './api';
import { ChildName, Header, StatusBadge } from './shared';
import type { RestorationRow } from './types';

/** Restorations after confirmed matches: the home district opens the case and records the outcome on the CWC's order. */
export default function RestorationsPage() {
  const { t } = useTranslation();
  const query = useRestorations({});
  return (
    <>
      <Header title={t('missing.restorations.title')} intro={t('missing.restorations.intro')} />
      <QueryState query={query}>
        {(data) => (
          <Stack gap="xs">
            {data.items.length === 0 && <Text c="dimmed">{t('missing.restorations.none')}</Text>}
            {data.items.map((r) => (
              <RestorationCard key={r.id} r={r} />
            ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}

/**
 * A child is restored only on the CWC's restoration order (JJ Act 2015 s.37(1)(b); Model Rules
 * 2016 Form 44): recorded on the child's case, or its reference given here by a CWC member.
 */
function RestorationCard({ r }: { r: RestorationRow }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [error, setError] = useState<string | null>(null);
  const [orderRef, setOrderRef] = useState('');
  const open = useMissingWrite(() => openCase(r.id));
  const status = useMissingWrite((s: 'restored' | 'closed') =>
    setRestorationStatus(r.id, { status: s, ...(s === 'restored' && orderRef.trim() ? { cwcOrderRef: orderRef.trim() } : {}) }),
  );
  const run = async (p: Promise<unknown>) => {
    setError(null);
    try {
      await p;
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'cwc_order_required' ? t('missing.restorations.orderRequired') : describeError(t, err),
      );
    }
  };
  const pending = r.status === 'awaiting_case' || r.status === 'case_opened';
  return (
    <Card withBorder padding="sm" data-testid="restoration-card">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>
              <ChildName r={r} />
            </Text>
            <StatusBadge status={r.status} kind="restorationStatus" />
          </Group>
          <Text size="sm">
            {/* After a national match the report may be another state's: no link to it here. */}
            {r.missingId && (
              <>
                <Anchor component={Link} to={`/missing/records/${r.missingId}`}>
                  {r.missingReference}
                </Anchor>{' '}
                ·{' '}
              </>
            )}
            <Anchor component={Link} to={`/missing/records/${r.foundId}`}>
              {r.foundReference}
            </Anchor>
            {r.currentCare && <> · {t(`missing.care.${r.currentCare}`)}</>}
            {r.currentPlace && <> · {r.currentPlace}</>}
          </Text>
          {r.note && (
            <Text size="sm" c="dimmed">
              {r.note}
            </Text>
          )}
          {r.cwcOrder && (
            <Text size="sm" data-testid="restoration-order">
              {t('missing.restorations.order', { ref: r.cwcOrder.ref ?? '—', date: f.date(r.cwcOrder.on) })}
            </Text>
          )}
          {pending && can('missing.review') && can('cases.cwc') && (
            <TextInput
              size="xs"
              maw={320}
              label={t('missing.restorations.orderRef')}
              description={t('missing.restorations.orderHint')}
              value={orderRef}
              maxLength={80}
              onChange={(e) => setOrderRef(e.currentTarget.value)}
            />
          )}
          {error && (
            <Text size="sm" c="red" role="alert">
              {error}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {r.caseId && (
            <Button component={Link} to={`/cases/${r.caseId}`} size="xs" variant="default">
              {t('missing.restorations.viewCase')}
            </Button>
          )}
          {r.status === 'awaiting_case' && can('missing.review') && (
            <Button size="xs" loading={open.isPending} onClick={() => run(open.mutateAsync(undefined))}>
              {t('missing.restorations.openCase')}
            </Button>
          )}
          {pending && can('missing.review') && (
            <>
              <Button
                size="xs"
                color="green"
                variant="light"
                loading={status.isPending}
                onClick={() => run(status.mutateAsync('restored'))}
              >
                {t('missing.restorations.restored')}
              </Button>
              <Button size="xs" variant="default" loading={status.isPending} onClick={() => run(status.mutateAsync('closed'))}>
                {t('missing.restorations.close')}
              </Button>
            </>
          )}
        </Group>
      </Group>
    </Card>
  );
}
