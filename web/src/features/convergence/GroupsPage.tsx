import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { useGroups } from './api';
import { useLabels } from './shared';
import { GroupForm } from './GroupForms';

/** The convergence groups of the user's area. */
export default function GroupsPage() {
  const { t } = useTranslation();
  const { dept } = useLabels();
  const q = useGroups();
  const can = useCan();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('convergence.groups.title')}
        subtitle={<Text size="sm">{t('convergence.groups.intro')}</Text>}
        actions={
          can('convergence.manage') && !creating ? (
            <Button onClick={() => setCreating(true)}>{t('convergence.form.newGroup')}</Button>
          ) : undefined
        }
      />
      {creating && (
        <GroupForm
          onDone={(id) => {
            setCreating(false);
            if (id) void navigate({ to: `/convergence/groups/${id}` });
          }}
        />
      )}
      <QueryState query={q}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('convergence.groups.noGroups')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {data.items.map((g) => (
                <Card withBorder key={g.id} padding="md">
                  <Stack gap={4}>
                    <Group justify="space-between" wrap="nowrap">
                      <Anchor component={Link} to={`/convergence/groups/${g.id}`} fw={700}>
                        {g.name}
                      </Anchor>
                      <Badge variant="light">{t(`convergence.level.${g.level}`)}</Badge>
                    </Group>
                    {g.nameLocal && (
                      <Text size="sm" c="dimmed">
                        {g.nameLocal}
                      </Text>
                    )}
                    <Text size="sm">
                      {t('convergence.common.chair')}:{' '}
                      {g.chair ? `${g.chair.name}${g.chair.designation ? `, ${g.chair.designation}` : ''}` : '—'}
                    </Text>
                    <Text size="sm">
                      {t('convergence.groups.members', { n: g.memberCount })} · {t('convergence.groups.frequency')}:{' '}
                      {t(`convergence.groups.frequencyValue.${g.meetingFrequency}`)}
                    </Text>
                    <Text size="sm">
                      {t('convergence.groups.anchors')}: {g.anchorDepartments.map(dept).join(', ') || '—'}
                    </Text>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
    </>
  );
}
