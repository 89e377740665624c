import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status';
import { InitialsOnly, shown } from '../../components/Withheld';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { recordsExportUrl, useRecords, type RecordsSearch } from './api';
import { KindBadge } from './shared';

/**
 * The records a figure counts (issue #16: every number opens its list). The server lists them
 * through the owning module's own list (registry, cases, convergence, missing, helpline), so a reader sees only the fields and rows
 * the access policy gives them; a name under a CWC order comes as initials (JJ Act 2015 s.74).
 */
export default function RecordsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { indicator, ...s } = useSearch({ strict: false }) as RecordsSearch & { indicator?: string };
  const id = indicator ?? '';
  const navigate = useNavigate();
  const q = useRecords(id, s);
  const page = s.page ?? 1;
  const go = (p: number) => void navigate({ to: '/home/records', search: { ...s, indicator: id, page: p } as never });
  return (
    <Stack>
      <PageHeader
        title={t('home.records.title')}
        subtitle={<Text size="sm">{t('home.records.scope')}</Text>}
        actions={
          <Button component="a" href={recordsExportUrl(id, s)} variant="default" size="xs" data-testid="records-csv">
            {t('home.records.csv')}
          </Button>
        }
      />
      <QueryState query={q}>
        {(r) => (
          <Card withBorder>
            <Text size="sm" mb="sm" data-testid="records-total">
              {t('home.records.count', { n: f.number(r.total) })}
            </Text>
            {r.kind === 'child' && (
              <Table striped data-testid="records-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('home.records.name')}</Table.Th>
                    <Table.Th>{t('home.records.sex')}</Table.Th>
                    <Table.Th>{t('home.records.age')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.children.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/children/${c.id}`}>
                          {c.name ?? '—'}
                        </Anchor>
                        <InitialsOnly show={c.initialsOnly} />
                      </Table.Td>
                      <Table.Td>{shown(c, 'sex', (v) => t(`home.value.${v}`, { defaultValue: v }))}</Table.Td>
                      <Table.Td>{shown(c, 'age', (v) => f.number(v))}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {r.kind === 'case' && (
              <Table striped data-testid="records-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('home.records.case')}</Table.Th>
                    <Table.Th>{t('home.records.due')}</Table.Th>
                    <Table.Th>{t('home.records.name')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.cases.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/cases/${c.id}`}>
                          #{c.number ?? '—'}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{c.nextDueKind ? <KindBadge kind={c.nextDueKind} overdue={c.overdue} /> : '—'}</Table.Td>
                      <Table.Td>
                        {shown(c, 'childName', (v) => v)}
                        <InitialsOnly show={c.initialsOnly} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {r.kind === 'action' && (
              <Table striped data-testid="records-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('home.records.description')}</Table.Th>
                    <Table.Th>{t('home.records.department')}</Table.Th>
                    <Table.Th>{t('home.records.dueDate')}</Table.Th>
                    <Table.Th>{t('home.records.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.actions.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/convergence/actions/${a.id}`}>
                          {a.description}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`home.value.${a.department}`, { defaultValue: a.department })}</Table.Td>
                      <Table.Td>{f.date(a.dueDate)}</Table.Td>
                      <Table.Td>{t(`home.value.${a.status}`, { defaultValue: a.status })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {r.kind === 'missing' && (
              <Table striped data-testid="records-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('home.records.reference')}</Table.Th>
                    <Table.Th>{t('home.records.name')}</Table.Th>
                    <Table.Th>{t('home.records.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.missing.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/missing/records/${m.id}`}>
                          {m.reference}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{shown(m, 'name', (v) => v)}</Table.Td>
                      <Table.Td>{t(`home.value.${m.status}`, { defaultValue: m.status })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {r.kind === 'call' && (
              <Table striped data-testid="records-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('home.records.call')}</Table.Th>
                    <Table.Th>{t('home.records.received')}</Table.Th>
                    <Table.Th>{t('home.records.urgency')}</Table.Th>
                    <Table.Th>{t('home.records.reached')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.calls.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/helpline/calls/${c.id}`}>
                          #{c.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{f.dateTime(c.receivedAt)}</Table.Td>
                      <Table.Td>{c.urgency ? t(`home.value.${c.urgency}`, { defaultValue: c.urgency }) : '—'}</Table.Td>
                      <Table.Td>{c.reachedAt ? f.dateTime(c.reachedAt) : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group mt="sm">
              <Button size="xs" variant="default" disabled={page <= 1} onClick={() => go(page - 1)}>
                {t('home.records.prev')}
              </Button>
              <Button size="xs" variant="default" disabled={page * r.pageSize >= r.total} onClick={() => go(page + 1)}>
                {t('home.records.next')}
              </Button>
            </Group>
          </Card>
        )}
      </QueryState>
    </Stack>
  );
}
