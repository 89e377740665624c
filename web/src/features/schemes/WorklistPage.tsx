import { Anchor, Button, Group, Pagination, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { PersonName, placeLabel } from '../../components/PersonName';
import { ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { useVillages } from '../registry/api';
import { PageHeader } from '../registry/shared/PageHeader';
import { exportUrl, useCatalogue, useWorklist, WORKLIST_PAGE } from './api';
import { compact, parseWorklistSearch, type WorklistSearch } from './filters';
import { useDocLabel, useSchemeName } from './shared';

/** The district's worklist: families eligible for a scheme they are not enrolled in. */
export default function WorklistPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const name = useSchemeName();
  const docLabel = useDocLabel();
  const search = parseWorklistSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const update = (patch: Partial<WorklistSearch>) =>
    void navigate({ to: '/scheme-worklist', search: compact({ ...search, page: undefined, ...patch }) as never, replace: true });
  const catalogue = useCatalogue();
  const villages = useVillages();
  const list = useWorklist({ ...search });
  const q = { schemeId: search.schemeId, locationId: search.locationId, status: search.status };
  const data = list.data;
  return (
    <>
      <PageHeader
        title={t('schemes.worklist.title')}
        subtitle={<Text size="sm">{t('schemes.worklist.intro')}</Text>}
        actions={
          can('registry.export') && (
            <>
              <Button component="a" href={exportUrl('/scheme-worklist/export', q, 'csv')} variant="default" size="xs">
                {t('schemes.worklist.export')} {t('schemes.common.csv')}
              </Button>
              <Button component="a" href={exportUrl('/scheme-worklist/export', q, 'xlsx')} variant="default" size="xs">
                {t('schemes.worklist.export')} {t('schemes.common.excel')}
              </Button>
            </>
          )
        }
      />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t('schemes.common.scheme')}
          placeholder={t('schemes.worklist.anyScheme')}
          data={(catalogue.data?.items ?? []).map((s) => ({ value: s.id, label: name(s.name) }))}
          value={search.schemeId ?? null}
          onChange={(v) => update({ schemeId: v ?? undefined })}
          clearable
          searchable
          w={320}
        />
        <Select
          label={t('schemes.common.place')}
          placeholder={t('schemes.common.all')}
          data={(villages.data ?? []).map((v) => ({ value: v.id, label: placeLabel(v, i18n.language) }))}
          value={search.locationId ?? null}
          onChange={(v) => update({ locationId: v ?? undefined })}
          clearable
          searchable
          w={220}
        />
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('schemes.worklist.status')}
          </Text>
          <SegmentedControl
            value={search.status ?? 'eligible'}
            onChange={(v) => update({ status: v === 'maybe' ? 'maybe' : undefined })}
            data={[
              { value: 'eligible', label: t('schemes.status.eligible') },
              { value: 'maybe', label: t('schemes.status.maybe') },
            ]}
          />
        </Stack>
      </Group>
      {list.error && <ErrorMessage error={list.error} />}
      {!data && !list.error && <Loading />}
      {data && (
        <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} aria-busy={list.isFetching}>
          <Text size="sm" role="status">
            {t('schemes.worklist.count', { n: f.number(data.total) })}
          </Text>
          {data.items.length === 0 ? (
            <Text c="dimmed">{t('schemes.worklist.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped data-testid="worklist-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('schemes.app.family')}</Table.Th>
                    <Table.Th scope="col">{t('schemes.common.place')}</Table.Th>
                    <Table.Th scope="col">{t('schemes.common.scheme')}</Table.Th>
                    <Table.Th scope="col">{t('schemes.worklist.who')}</Table.Th>
                    <Table.Th scope="col">{t('schemes.worklist.missing')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.flatMap((i) =>
                    i.schemes.map((s, k) => (
                      <Table.Tr key={`${i.familyId}-${s.schemeId}`}>
                        <Table.Td>
                          {k === 0 && (
                            <Anchor component={Link} to={`/families/${i.familyId}/schemes`}>
                              <PersonName name={i.headName} nameLocal={i.headNameLocal} />
                            </Anchor>
                          )}
                        </Table.Td>
                        <Table.Td>{k === 0 ? (i.villageName ?? '—') : ''}</Table.Td>
                        <Table.Td>{name(s.schemeName)}</Table.Td>
                        <Table.Td>{s.subjects.map((x) => (x.age != null ? `${x.name} (${f.number(x.age)})` : x.name)).join(', ')}</Table.Td>
                        <Table.Td>{s.missingDocuments.map(docLabel).join(', ') || t('schemes.common.none')}</Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {data.total > WORKLIST_PAGE && (
            <Pagination
              total={Math.ceil(data.total / WORKLIST_PAGE)}
              value={search.page ?? 1}
              onChange={(page) => void navigate({ to: '/scheme-worklist', search: compact({ ...search, page }) as never })}
              size="sm"
            />
          )}
        </Stack>
      )}
    </>
  );
}
