import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { ActionUpdate } from './ActionsPage';
import { useAction } from './api';
import { ActionStatusBadge, useLabels } from './shared';

/**
 * One action item on its own page (issue #16: every figure opens its records, and an action item
 * counted on a home or in a list opens here): what, whose, by when, where it was decided, its
 * history, and the update form for its department (the version is sent; a stale one is a 409).
 */
export default function ActionPage() {
  const { actionId } = useParams({ strict: false }) as { actionId: string };
  return <ActionItem id={actionId} />;
}

export function ActionItem({ id }: { id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { dept, domain } = useLabels();
  const q = useAction(id);
  return (
    <>
      <PageHeader
        title={t('convergence.actions.itemTitle')}
        subtitle={
          <Anchor component={Link} to="/convergence/actions" size="sm">
            {t('convergence.actions.backToList')}
          </Anchor>
        }
      />
      <QueryState query={q}>
        {(a) => (
          <Stack gap="md" data-testid="action-item">
            <Card withBorder padding="md">
              <Group justify="space-between" align="flex-start">
                <Stack gap={4}>
                  <Text fw={600}>{a.description}</Text>
                  <Text size="sm">
                    {a.caseRef ? t('convergence.actions.caseRef', { ref: a.caseRef }) : t('convergence.common.general')} ·{' '}
                    {domain(a.domain)}
                  </Text>
                  <Text size="sm">
                    {dept(a.department)}
                    {a.officer ? ` · ${a.officer}` : ''}
                  </Text>
                  <Text size="sm">
                    {t('convergence.common.dueDate')}: {f.date(a.dueDate)}
                    {a.daysOverdue > 0 && (
                      <Text span c="red" size="sm">
                        {' '}
                        · {t('convergence.common.daysOverdue', { n: a.daysOverdue })}
                      </Text>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {a.meetingId && a.meetingDate ? (
                      <Anchor component={Link} to={`/convergence/meetings/${a.meetingId}`} size="xs">
                        {t('convergence.actions.meetingOf', { group: a.group ?? '', date: f.date(a.meetingDate) })}
                      </Anchor>
                    ) : (
                      t('convergence.actions.raisedOn', { group: a.group ?? '', date: f.date(a.raisedOn ?? a.assignedOn) })
                    )}
                  </Text>
                </Stack>
                <ActionStatusBadge status={a.status} overdue={a.overdue} />
              </Group>
            </Card>
            <ActionUpdate id={a.id} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
