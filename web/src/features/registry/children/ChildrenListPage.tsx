import { Anchor, Badge, Button, Card, Pagination, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CARE_STATUSES, SEXES, VULNERABILITY_FACTORS } from '../../../../../src/registry/vocabulary';
import { queryString } from '../../../api/client';
import { useCan } from '../../../auth/session';
import { PersonName, placeLabel } from '../../../components/PersonName';
import { InitialsOnly } from '../../../components/Withheld';
import { ErrorMessage, Loading } from '../../../components/Status';
import { useFormat } from '../../../i18n/format';
import { PAGE_SIZE, useChildren, useVillageIndex } from '../api';
import { compact, parseChildSearch, type ChildSearch } from '../search';
import { Age } from '../shared/Age';
import { AgeRange, FilterGrid, SearchBox } from '../shared/ListFilters';
import { PageHeader } from '../shared/PageHeader';
import { VillageSelect } from '../shared/VillageSelect';
import { useVocab, VocabSelect } from '../shared/vocab';
import type { ChildSummary } from '../types';

export default function ChildrenListPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const vocab = useVocab();
  const can = useCan();
  const phone = useMediaQuery('(max-width: 48em)');
  const search = parseChildSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const list = useChildren(search);
  const villages = useVillageIndex();

  // A new filter starts again from page 1.
  const update = (patch: Partial<ChildSearch>) =>
    void navigate({ to: '/children', search: compact({ ...search, page: undefined, ...patch }), replace: true });
  const { q: _q, page: _p, ...exportFilter } = search;
  const exportHref = (format: 'csv' | 'xlsx') => `/api/v1/children/export${queryString({ ...exportFilter, format })}`;
  const villageName = (id: string | null) => (id ? placeLabel(villages.get(id), i18n.language) : '—');
  const data = list.data;
  const full = data?.view === 'full';

  return (
    <>
      <PageHeader
        title={t('children.title')}
        actions={
          <>
            {can('registry.write') && (
              <Button component={Link} to="/children/new">
                {t('children.new')}
              </Button>
            )}
            {can('registry.export') && (
              <>
                <Button component="a" href={exportHref('csv')} download variant="default" data-testid="export-csv">
                  {t('children.exportCsv')}
                </Button>
                <Button component="a" href={exportHref('xlsx')} download variant="default" data-testid="export-xlsx">
                  {t('children.exportXlsx')}
                </Button>
              </>
            )}
          </>
        }
      />
      <SearchBox label={t('filters.nameSearch')} value={search.q} onChange={(q) => update({ q })} />
      <FilterGrid
        active={Object.keys(search).some((k) => k !== 'page')}
        onClear={() => void navigate({ to: '/children', search: {}, replace: true })}
      >
        <VillageSelect
          label={t('filters.village')}
          emptyLabel={t('filters.any')}
          value={search.villageId ?? ''}
          onChange={(villageId) => update({ villageId: villageId || undefined })}
        />
        <VocabSelect
          label={t('filters.careStatus')}
          kind="careStatus"
          values={CARE_STATUSES}
          emptyLabel={t('filters.any')}
          value={search.careStatus ?? ''}
          onChange={(v) => update({ careStatus: v || undefined })}
        />
        <VocabSelect
          label={t('filters.factor')}
          kind="vulnerabilityFactor"
          values={VULNERABILITY_FACTORS}
          emptyLabel={t('filters.any')}
          value={search.factor ?? ''}
          onChange={(v) => update({ factor: v || undefined })}
        />
        <VocabSelect
          label={t('filters.sex')}
          kind="sex"
          values={SEXES}
          emptyLabel={t('filters.any')}
          value={search.sex ?? ''}
          onChange={(v) => update({ sex: v || undefined })}
        />
        <AgeRange min={search.ageMin} max={search.ageMax} onChange={(ageMin, ageMax) => update({ ageMin, ageMax })} />
      </FilterGrid>
      {can('registry.export') && search.q && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('children.exportIgnoresSearch')}
        </Text>
      )}
      {list.error && <ErrorMessage error={list.error} />}
      {!data && !list.error && <Loading />}
      {data && (
        <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} aria-busy={list.isFetching}>
          <Text size="sm" role="status" data-testid="result-count">
            {t('list.count', { count: data.total, n: f.number(data.total) })}
          </Text>
          {data.items.length === 0 ? (
            <Text c="dimmed">{t('list.none')}</Text>
          ) : phone ? (
            <Stack gap="xs" data-testid="children-cards">
              {data.items.map((c) => (
                <Card key={c.id} withBorder padding="sm">
                  <Anchor component={Link} to={`/children/${c.id}`} fw={600}>
                    <PersonName name={c.name} nameLocal={c.nameLocal} />
                    <InitialsOnly show={c.initialsOnly} />
                  </Anchor>
                  <Text size="sm">
                    {vocab('sex', c.sex)} · <Age age={c.age} estimated={c.dobEstimated} /> · {villageName(c.villageId)}
                  </Text>
                  {full && c.careStatus && (
                    <Badge mt={4} variant="light" tt="none">
                      {vocab('careStatus', c.careStatus)}
                    </Badge>
                  )}
                </Card>
              ))}
            </Stack>
          ) : (
            <ChildTable items={data.items} full={full} villageName={villageName} />
          )}
          {data.total > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(data.total / PAGE_SIZE)}
              value={search.page ?? 1}
              onChange={(page) => void navigate({ to: '/children', search: compact({ ...search, page }) })}
              getItemProps={(page) => ({ 'aria-label': t('list.page', { n: f.number(page) }) })}
              size="sm"
            />
          )}
        </Stack>
      )}
    </>
  );
}

function ChildTable({ items, full, villageName }: { items: ChildSummary[]; full: boolean; villageName: (id: string | null) => string }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover data-testid="children-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('child.name')}</Table.Th>
            <Table.Th scope="col">{t('child.sex')}</Table.Th>
            <Table.Th scope="col">{t('child.ageColumn')}</Table.Th>
            <Table.Th scope="col">{t('child.village')}</Table.Th>
            {full && <Table.Th scope="col">{t('child.careStatus')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/children/${c.id}`}>
                  <PersonName name={c.name} nameLocal={c.nameLocal} />
                  <InitialsOnly show={c.initialsOnly} />
                </Anchor>
              </Table.Td>
              <Table.Td>{vocab('sex', c.sex)}</Table.Td>
              <Table.Td>
                <Age age={c.age} estimated={c.dobEstimated} />
              </Table.Td>
              <Table.Td data-testid="village-cell">{villageName(c.villageId)}</Table.Td>
              {full && <Table.Td>{vocab('careStatus', c.careStatus)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
