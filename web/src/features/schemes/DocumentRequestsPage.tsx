import { useState } from 'react';
import { Anchor, Badge, Button, Card, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DEPARTMENT_KINDS } from '../../../../src/convergence/domain/types';
import { useCan } from '../../auth/session';
import { PersonName } from '../../components/PersonName';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { closeRequest, useDocumentRequests, useSchemesWrite } from './api';
import { useDocLabel, useFollowUpText } from './shared';
import { todayIst } from '../../app/clock';

/** What each department has been asked to issue, and what is overdue. */
export default function DocumentRequestsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const docLabel = useDocLabel();
  const followUpText = useFollowUpText();
  const [department, setDepartment] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const q = useDocumentRequests({ department: department ?? undefined, overdue: overdue || undefined, status: 'open' });
  // On a phone each request is a card with its due date and status in view, and the action at hand.
  const phone = useMediaQuery('(max-width: 48em)');
  const close = useSchemesWrite((r: { id: string; version: number }) =>
    closeRequest(r.id, { version: r.version, status: 'done', on: todayIst() }),
  );
  return (
    <>
      <PageHeader title={t('schemes.requests.title')} subtitle={<Text size="sm">{t('schemes.requests.intro')}</Text>} />
      <Group gap="sm" mb="md" align="flex-end">
        <Select
          label={t('schemes.app.department')}
          placeholder={t('schemes.common.all')}
          data={DEPARTMENT_KINDS.map((d) => ({ value: d, label: t(`schemes.dept.${d}`) }))}
          value={department}
          onChange={setDepartment}
          clearable
          w={240}
        />
        <Checkbox label={t('schemes.requests.onlyOverdue')} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} />
      </Group>
      <QueryState query={q}>
        {(data) =>
          phone ? (
            <Stack gap="xs" data-testid="requests-cards">
              {data.items.map((r) => (
                <Card key={r.id} withBorder padding="sm" data-testid="request-card">
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                    <Text fw={600}>{docLabel(r.docType)}</Text>
                    {r.overdue && (
                      <Badge color="red.9" tt="none" style={{ flexShrink: 0 }}>
                        {t('schemes.app.overdue')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">
                    {t('schemes.app.dueOn')}: {f.date(r.dueOn)}
                  </Text>
                  <Text size="sm">
                    {can('registry.read') ? (
                      <Anchor
                        component={Link}
                        to={r.applicationId ? `/scheme-applications/${r.applicationId}` : `/families/${r.familyId}/schemes`}
                      >
                        <PersonName name={r.headName} nameLocal={r.headNameLocal} />
                      </Anchor>
                    ) : (
                      <PersonName name={r.headName} nameLocal={r.headNameLocal} />
                    )}{' '}
                    · {r.villageName ?? '—'}
                  </Text>
                  <Text size="xs">
                    {t(`schemes.dept.${r.department}`)}
                    {r.followUpStatus ? ` · ${followUpText(r.followUpStatus)}` : ''}
                  </Text>
                  {can(['schemes.write', 'convergence.act']) && (
                    <Button
                      mt="xs"
                      size="sm"
                      variant="default"
                      loading={close.isPending}
                      onClick={() => close.mutate({ id: r.id, version: r.version })}
                    >
                      {t('schemes.requests.close')}
                    </Button>
                  )}
                </Card>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('schemes.app.family')}</Table.Th>
                    <Table.Th scope="col">{t('schemes.common.place')}</Table.Th>
                    <Table.Th scope="col">{t('schemes.app.checklist')}</Table.Th>
                    <Table.Th scope="col">{t('schemes.app.department')}</Table.Th>
                    <Table.Th scope="col">{t('schemes.app.dueOn')}</Table.Th>
                    <Table.Th scope="col" />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        {can('registry.read') ? (
                          <Anchor
                            component={Link}
                            to={r.applicationId ? `/scheme-applications/${r.applicationId}` : `/families/${r.familyId}/schemes`}
                          >
                            <PersonName name={r.headName} nameLocal={r.headNameLocal} />
                          </Anchor>
                        ) : (
                          <PersonName name={r.headName} nameLocal={r.headNameLocal} />
                        )}
                      </Table.Td>
                      <Table.Td>{r.villageName ?? '—'}</Table.Td>
                      <Table.Td>{docLabel(r.docType)}</Table.Td>
                      <Table.Td>
                        {t(`schemes.dept.${r.department}`)}
                        {r.officer && <Text size="xs">{r.officer}</Text>}
                        {r.followUpStatus && (
                          <Text size="xs" c={r.followUpStatus.done ? 'green.9' : undefined}>
                            {followUpText(r.followUpStatus)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={r.overdue ? 'red.9' : undefined}>
                          {f.date(r.dueOn)} {r.overdue ? `· ${t('schemes.app.overdue')}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {can(['schemes.write', 'convergence.act']) && (
                          <Button
                            size="xs"
                            variant="default"
                            loading={close.isPending}
                            onClick={() => close.mutate({ id: r.id, version: r.version })}
                          >
                            {t('schemes.requests.close')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </>
  );
}
