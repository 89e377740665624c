import { useState } from 'react';
import { Alert, Anchor, Badge, Card, Group, Select, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CONVERGENCE_DOMAINS } from '../../../../src/convergence/domain/types';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { useCoverage, useCoverageFamilies } from './api';
import { useLabels } from './shared';

/** How many families have an unmet need in each domain, by area; and which families. */
export default function CoveragePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { domain, dept } = useLabels();
  const [level, setLevel] = useState<string>('block');
  const [gapDomain, setGapDomain] = useState<string | null>(null);
  const q = useCoverage({ level });
  const fam = useCoverageFamilies({ domain: gapDomain ?? undefined, gapsOnly: true, pageSize: 50 });
  return (
    <>
      <PageHeader title={t('convergence.cov.title')} subtitle={<Text size="sm">{t('convergence.cov.intro')}</Text>} />
      <Group mb="md">
        <Select
          label={t('convergence.cov.level')}
          data={(['district', 'block', 'village'] as const).map((l) => ({ value: l, label: t(`convergence.level.${l}`) }))}
          value={level}
          onChange={(v) => setLevel(v ?? 'block')}
          w={180}
        />
      </Group>
      <QueryState query={q}>
        {(c) => (
          <Card withBorder mb="md">
            {!c.sources.schemes && (
              <Alert color="gray" mb="xs">
                {t('convergence.cov.schemesMissing')}
              </Alert>
            )}
            <Table.ScrollContainer minWidth={900}>
              <Table striped fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('convergence.cov.area')}</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      {t('convergence.cov.families')}
                    </Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      {t('convergence.cov.anyGap')}
                    </Table.Th>
                    {CONVERGENCE_DOMAINS.map((d) => (
                      <Table.Th scope="col" key={d} style={{ textAlign: 'right' }}>
                        {domain(d)}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      {t('convergence.cov.multi')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...c.areas, ...(c.totals && c.areas.length > 1 ? [{ ...c.totals, name: t('convergence.cov.total') }] : [])].map((a) => (
                    <Table.Tr key={a.area}>
                      <Table.Td>{a.name ?? a.area}</Table.Td>
                      <Table.Td align="right">{f.number(a.families)}</Table.Td>
                      <Table.Td align="right">{f.number(a.familiesWithAnyGap)}</Table.Td>
                      {CONVERGENCE_DOMAINS.map((d) => (
                        <Table.Td
                          key={d}
                          align="right"
                          c={a.familiesWithGap[d] ? 'red' : 'dimmed'}
                          title={`${a.familiesWithNeed[d]} / ${a.familiesWithGap[d]}`}
                        >
                          {f.number(a.familiesWithGap[d])}
                        </Table.Td>
                      ))}
                      <Table.Td align="right">{f.number(a.multiDepartmentFamilies)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
      </QueryState>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            {t('convergence.cov.familyList')}
          </Title>
          <Select
            aria-label={t('convergence.common.domain')}
            placeholder={t('convergence.common.all')}
            data={CONVERGENCE_DOMAINS.map((d) => ({ value: d, label: domain(d) }))}
            value={gapDomain}
            onChange={setGapDomain}
            clearable
            w={240}
          />
        </Group>
        <QueryState query={fam}>
          {(list) => (
            <Table fz="sm" striped>
              <Table.Tbody>
                {list.items.map((x) => (
                  <Table.Tr key={x.familyId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/families/${x.familyId}`}>
                        {x.headName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {x.village?.name ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {x.gaps.map((g) => (
                        <Badge key={g} color="red" variant="light" mr={4} mb={2}>
                          {domain(g)}
                        </Badge>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{x.departments.map(dept).join(', ')}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      </Card>
    </>
  );
}
