import { Anchor, Badge, Card, Group, Progress, SimpleGrid, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { useInstitutions, useOccupancy, type Institution } from './api';

/** Child care institutions in the user's jurisdiction: occupancy against sanctioned capacity, registration (JJ Act 2015 s.41). */
export default function InstitutionsPage() {
  const { t } = useTranslation();
  const list = useInstitutions();
  const occ = useOccupancy();
  return (
    <>
      <PageHeader title={t('care.title')} subtitle={<Text size="sm">{t('care.intro')}</Text>} />
      <QueryState query={occ}>
        {(data) => (
          <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
            {data.items.map((o) => (
              <Card key={`${o.level}:${o.code}`} withBorder>
                <Text size="sm" c="dimmed">
                  {t(`care.level.${o.level}`)} {o.code}
                </Text>
                <Text fw={600}>{t('care.occupancyOf', { inCare: o.inCare, sanctioned: o.sanctioned, institutions: o.institutions })}</Text>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </QueryState>
      <QueryState query={list}>{(data) => <InstitutionTable items={data.items} />}</QueryState>
    </>
  );
}

function InstitutionTable({ items }: { items: Institution[] }) {
  const { t } = useTranslation();
  if (!items.length) return <Text>{t('care.none')}</Text>;
  return (
    <Table striped aria-label={t('care.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('care.col.name')}</Table.Th>
          <Table.Th>{t('care.col.type')}</Table.Th>
          <Table.Th>{t('care.col.registration')}</Table.Th>
          <Table.Th>{t('care.col.occupancy')}</Table.Th>
          <Table.Th>{t('care.col.staff')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>
              <Anchor component={Link} to={`/care/institutions/${i.id}`}>
                {i.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t(`care.management.${i.management}`)}
              </Text>
            </Table.Td>
            <Table.Td>{t(`care.type.${i.type}`)}</Table.Td>
            <Table.Td>
              <Badge
                variant="light"
                color={i.registrationStatus === 'valid' ? 'green' : i.registrationStatus === 'renewal_due' ? 'yellow' : 'red'}
              >
                {t(`care.registration.${i.registrationStatus}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {i.registrationNo} · {i.validUntil}
              </Text>
            </Table.Td>
            <Table.Td miw={160}>
              <Group gap="xs" justify="space-between">
                <Text size="sm">
                  {i.inCare} / {i.sanctioned}
                </Text>
                {i.overCapacity && (
                  <Badge color="red" size="xs">
                    {t('care.overCapacity')}
                  </Badge>
                )}
              </Group>
              <Progress
                value={i.sanctioned ? Math.min(100, (i.inCare / i.sanctioned) * 100) : 100}
                color={i.overCapacity ? 'red' : 'blue'}
              />
            </Table.Td>
            <Table.Td>
              {i.staffInPost} / {i.staffSanctioned}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
