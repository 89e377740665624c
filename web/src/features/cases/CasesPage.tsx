import { Anchor, Button, Card, Checkbox, Group, Pagination, Select, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { PersonName, placeLabel } from '../../components/PersonName';
import { InitialsOnly } from '../../components/Withheld';
import { ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { useVillageIndex, useVillages } from '../registry/api';
import { PageHeader } from '../registry/shared/PageHeader';
import { CASE_PAGE, useCases } from './api';
import { compact, parseCaseSearch, type CaseSearch } from './search';
import { DueDate, FlagBadges, RiskBadge, StatusBadge } from './shared';
import type { CaseListItem } from './types';

/** The cases the user may see, soonest due first, with the filters in the address. */
export default function CasesPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const search = parseCaseSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const update = (patch: Partial<CaseSearch>) =>
    void navigate({ to: '/cases', search: compact({ ...search, page: undefined, ...patch }) as never, replace: true });
  const villages = useVillages();
  const list = useCases({ ...search });
  const opts = (group: string, values: string[]) => values.map((v) => ({ value: v, label: t(`cases.${group}.${v}`) }));
  return (
    <>
      <PageHeader
        title={t('cases.list.title')}
        subtitle={<Text size="sm">{t('cases.list.intro')}</Text>}
        actions={
          can('cases.write') && (
            <Button component={Link} to="/cases/new" size="xs">
              {t('cases.list.newCase')}
            </Button>
          )
        }
      />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t('cases.list.queue')}
          placeholder={t('cases.queue.all')}
          data={opts('queue', ['mine', 'unit', 'escalated', 'transfers', 'convergence'])}
          value={search.queue ?? null}
          onChange={(v) => update({ queue: v ?? undefined })}
          clearable
          w={200}
        />
        <Select
          label={t('cases.list.status')}
          placeholder={t('cases.list.any')}
          clearable
          w={200}
          value={search.status ?? null}
          onChange={(v) => update({ status: v ?? undefined })}
          data={opts('status', [
            'open',
            'intake',
            'under_assessment',
            'under_cwc',
            'care_plan_active',
            'under_review',
            'escalated',
            'transfer_pending',
            'closed',
          ])}
        />
        <Select
          label={t('cases.list.risk')}
          placeholder={t('cases.list.any')}
          data={opts('risk', ['critical', 'high', 'medium', 'low'])}
          value={search.risk ?? null}
          onChange={(v) => update({ risk: v ?? undefined })}
          clearable
          w={140}
        />
        <Select
          label={t('cases.list.level')}
          placeholder={t('cases.list.any')}
          data={opts('level', ['village', 'block', 'district', 'state'])}
          value={search.level ?? null}
          onChange={(v) => update({ level: v ?? undefined })}
          clearable
          w={160}
        />
        <Select
          label={t('cases.list.village')}
          placeholder={t('cases.list.any')}
          clearable
          searchable
          w={200}
          value={search.villageId ?? null}
          onChange={(v) => update({ villageId: v ?? undefined })}
          data={(villages.data ?? []).map((v) => ({ value: v.id, label: placeLabel(v, i18n.language) }))}
        />
        <Checkbox
          label={t('cases.list.overdueOnly')}
          checked={search.overdue === 'true'}
          onChange={(e) => update({ overdue: e.currentTarget.checked ? 'true' : undefined })}
          mb={8}
        />
      </Group>
      {list.error && <ErrorMessage error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} aria-busy={list.isFetching}>
          <Text size="sm" role="status">
            {t('cases.list.count', { n: list.data.total })}
          </Text>
          {list.data.items.length === 0 ? <Text c="dimmed">{t('cases.list.none')}</Text> : <CaseTable items={list.data.items} />}
          {list.data.total > CASE_PAGE && (
            <Pagination
              total={Math.ceil(list.data.total / CASE_PAGE)}
              value={search.page ?? 1}
              onChange={(page) => void navigate({ to: '/cases', search: compact({ ...search, page }) as never })}
              size="sm"
            />
          )}
        </Stack>
      )}
    </>
  );
}

export function CaseTable({ items }: { items: CaseListItem[] }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const villages = useVillageIndex();
  // On a phone each case is a card: status and the next due date visible without scrolling sideways.
  const phone = useMediaQuery('(max-width: 48em)');
  if (phone)
    return (
      <Stack gap="xs" data-testid="cases-cards">
        {items.map((c) => (
          <Card key={c.id} withBorder padding="sm" data-testid="case-card">
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Anchor component={Link} to={`/cases/${c.id}`} fw={600}>
                #{f.number(c.number)} <PersonName name={c.childName} nameLocal={c.childNameLocal} />
                <InitialsOnly show={c.initialsOnly} />
              </Anchor>
              <StatusBadge status={c.status} />
            </Group>
            <Group gap="xs" mt={4}>
              <RiskBadge risk={c.risk} />
              <Text size="xs">{t(`cases.level.${c.level}`)}</Text>
              <Text size="xs" c="dimmed">
                {c.villageId ? placeLabel(villages.get(c.villageId), i18n.language) : ''}
              </Text>
            </Group>
            {c.nextDueAt && c.nextDueKind && (
              <Text size="sm" mt={4}>
                {t(`cases.due.${c.nextDueKind}`)}: <DueDate at={c.nextDueAt} overdue={c.overdue} kind={c.nextDueKind} />
              </Text>
            )}
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="cases-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cases.list.number')}</Table.Th>
            <Table.Th scope="col">{t('cases.list.child')}</Table.Th>
            <Table.Th scope="col">{t('cases.list.status')}</Table.Th>
            <Table.Th scope="col">{t('cases.list.risk')}</Table.Th>
            <Table.Th scope="col">{t('cases.list.level')}</Table.Th>
            <Table.Th scope="col">{t('cases.list.nextDue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/cases/${c.id}`}>
                  #{f.number(c.number)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <PersonName name={c.childName} nameLocal={c.childNameLocal} />
                  <InitialsOnly show={c.initialsOnly} />
                  <Text size="xs" c="dimmed">
                    {c.childAge != null ? t('cases.page.age', { n: c.childAge }) : ''}{' '}
                    {c.villageId ? placeLabel(villages.get(c.villageId), i18n.language) : ''}
                  </Text>
                  <FlagBadges flags={c.flags} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={c.status} />
              </Table.Td>
              <Table.Td>
                <RiskBadge risk={c.risk} />
              </Table.Td>
              <Table.Td>{t(`cases.level.${c.level}`)}</Table.Td>
              <Table.Td>
                {c.nextDueAt && c.nextDueKind ? (
                  <Stack gap={0}>
                    <Text size="sm">{t(`cases.due.${c.nextDueKind}`)}</Text>
                    <DueDate at={c.nextDueAt} overdue={c.overdue} kind={c.nextDueKind} />
                  </Stack>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
