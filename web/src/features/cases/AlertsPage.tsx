import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { markAllRead, markRead, useAlerts, useCasesWrite } from './api';

/** Alerts raised by the overdue sweep, for me and my unit. */
export default function AlertsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useAlerts();
  const one = useCasesWrite(markRead);
  const all = useCasesWrite(markAllRead);
  return (
    <>
      <PageHeader
        title={t('cases.alerts.title')}
        actions={
          <Button size="xs" variant="default" onClick={() => all.mutate(undefined)}>
            {t('cases.alerts.markAll')}
          </Button>
        }
      />
      <QueryState query={q}>
        {(data) => (
          <Stack gap="xs">
            <Text size="sm" role="status">
              {t('cases.alerts.unread', { n: f.number(data.unread) })}
            </Text>
            {data.items.length === 0 && <Text c="dimmed">{t('cases.alerts.none')}</Text>}
            {data.items.map((n) => (
              <Group key={n.id} justify="space-between" wrap="nowrap" style={{ opacity: n.readAt ? 0.6 : 1 }}>
                <Stack gap={0}>
                  <Text size="sm" fw={n.readAt ? 400 : 600}>
                    {n.caseId ? (
                      <Anchor component={Link} to={`/cases/${n.caseId}`}>
                        {n.text ?? n.message}
                      </Anchor>
                    ) : (
                      (n.text ?? n.message)
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {f.dateTime(n.createdAt)}
                  </Text>
                </Stack>
                {!n.readAt && (
                  <Button size="xs" variant="subtle" onClick={() => one.mutate(n.id)}>
                    {t('cases.alerts.markRead')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
