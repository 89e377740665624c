import { Anchor, Button, Card, Pagination, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CAREGIVER_TYPES, VULNERABILITY_FACTORS } from '../../../../../src/registry/vocabulary';
import { useCan } from '../../../auth/session';
import { PersonName, placeLabel } from '../../../components/PersonName';
import { InitialsOnly } from '../../../components/Withheld';
import { ErrorMessage, Loading } from '../../../components/Status';
import { useFormat } from '../../../i18n/format';
import { PAGE_SIZE, useFamilies, useVillageIndex } from '../api';
import { compact, parseFamilySearch, type FamilySearch } from '../search';
import { FilterGrid, SearchBox } from '../shared/ListFilters';
import { PageHeader } from '../shared/PageHeader';
import { VillageSelect } from '../shared/VillageSelect';
import { FactorBadges, useVocab, VocabSelect } from '../shared/vocab';

export default function FamiliesListPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const vocab = useVocab();
  const can = useCan();
  const phone = useMediaQuery('(max-width: 48em)');
  const search = parseFamilySearch(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const list = useFamilies(search);
  const villages = useVillageIndex();
  const update = (patch: Partial<FamilySearch>) =>
    void navigate({ to: '/families', search: compact({ ...search, page: undefined, ...patch }), replace: true });
  const villageName = (id: string | null) => (id ? placeLabel(villages.get(id), i18n.language) : '—');
  const data = list.data;

  return (
    <>
      <PageHeader
        title={t('families.title')}
        actions={
          can('registry.write') && (
            <Button component={Link} to="/families/new">
              {t('families.new')}
            </Button>
          )
        }
      />
      <SearchBox label={t('filters.headNameSearch')} value={search.q} onChange={(q) => update({ q })} />
      <FilterGrid
        active={Object.keys(search).some((k) => k !== 'page')}
        onClear={() => void navigate({ to: '/families', search: {}, replace: true })}
      >
        <VillageSelect
          label={t('filters.village')}
          emptyLabel={t('filters.any')}
          value={search.villageId ?? ''}
          onChange={(villageId) => update({ villageId: villageId || undefined })}
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
          label={t('family.caregiverType')}
          kind="caregiverType"
          values={CAREGIVER_TYPES}
          emptyLabel={t('filters.any')}
          value={search.caregiverType ?? ''}
          onChange={(v) => update({ caregiverType: v || undefined })}
        />
      </FilterGrid>
      {list.error && <ErrorMessage error={list.error} />}
      {!data && !list.error && <Loading />}
      {data && (
        <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} aria-busy={list.isFetching}>
          <Text size="sm" role="status">
            {t('families.count', { count: data.total, n: f.number(data.total) })}
          </Text>
          {data.items.length === 0 ? (
            <Text c="dimmed">{t('list.none')}</Text>
          ) : phone ? (
            <Stack gap="xs">
              {data.items.map((fam) => (
                <Card key={fam.id} withBorder padding="sm">
                  <Anchor component={Link} to={`/families/${fam.id}`} fw={600}>
                    <PersonName name={fam.headName} nameLocal={fam.headNameLocal} />
                    <InitialsOnly show={fam.initialsOnly} />
                  </Anchor>
                  <Text size="sm">
                    {villageName(fam.villageId)}
                    {fam.caregiverType && ` · ${vocab('caregiverType', fam.caregiverType)}`}
                  </Text>
                  <FactorBadges factors={fam.vulnerabilityFactors} max={3} />
                </Card>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover data-testid="families-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('family.headName')}</Table.Th>
                    <Table.Th scope="col">{t('child.village')}</Table.Th>
                    <Table.Th scope="col">{t('family.caregiverType')}</Table.Th>
                    <Table.Th scope="col">{t('family.factors')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((fam) => (
                    <Table.Tr key={fam.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/families/${fam.id}`}>
                          <PersonName name={fam.headName} nameLocal={fam.headNameLocal} />
                          <InitialsOnly show={fam.initialsOnly} />
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{villageName(fam.villageId)}</Table.Td>
                      <Table.Td>{vocab('caregiverType', fam.caregiverType)}</Table.Td>
                      <Table.Td>
                        <FactorBadges factors={fam.vulnerabilityFactors} max={3} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {data.total > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(data.total / PAGE_SIZE)}
              value={search.page ?? 1}
              onChange={(page) => void navigate({ to: '/families', search: compact({ ...search, page }) })}
              getItemProps={(page) => ({ 'aria-label': t('list.page', { n: f.number(page) }) })}
              size="sm"
            />
          )}
        </Stack>
      )}
    </>
  );
}
