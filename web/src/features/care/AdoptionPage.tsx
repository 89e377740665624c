import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readSetName } from '../../../../src/access/fields/load';
import { useSession } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { caringsHref, useAdoptionHandoffs, type AdoptionHandoff } from './api';

/**
 * Children the CWC declared legally free for adoption (JJ Act 2015 s.38) handed to a Specialised
 * Adoption Agency, with the file CARINGS registers the child from. The file names the child, so
 * the links are offered only to roles that read the child's full record (the server refuses others).
 */
export default function AdoptionPage() {
  const { t } = useTranslation();
  const handoffs = useAdoptionHandoffs();
  return (
    <>
      <PageHeader title={t('care.adoption.title')} subtitle={<Text size="sm">{t('care.adoption.intro')}</Text>} />
      <QueryState query={handoffs}>{(data) => <HandoffTable handoffs={data.items} />}</QueryState>
    </>
  );
}

export function HandoffTable({ handoffs }: { handoffs: AdoptionHandoff[] }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const mayDownload = !!me && readSetName(me.role, 'child') === 'full' && readSetName(me.role, 'careAdoption') === 'full';
  if (!handoffs.length) return <Text>{t('care.adoption.none')}</Text>;
  return (
    <Table striped aria-label={t('care.adoption.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('care.adoption.declaredFreeOn')}</Table.Th>
          <Table.Th>{t('care.adoption.handedOverOn')}</Table.Th>
          <Table.Th>{t('care.adoption.caringsRef')}</Table.Th>
          <Table.Th>{t('care.adoption.status')}</Table.Th>
          {mayDownload && <Table.Th>{t('care.adoption.carings')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {handoffs.map((h) => (
          <Table.Tr key={h.id}>
            <Table.Td>{h.declaredFreeOn}</Table.Td>
            <Table.Td>{h.handedOverOn}</Table.Td>
            <Table.Td>{h.caringsRef ?? '—'}</Table.Td>
            <Table.Td>{h.status}</Table.Td>
            {mayDownload && (
              <Table.Td>
                <Group gap="xs">
                  <Anchor href={caringsHref(h.id, 'csv')} download>
                    {t('care.adoption.csv')}
                  </Anchor>
                  <Anchor href={caringsHref(h.id, 'xlsx')} download>
                    {t('care.adoption.xlsx')}
                  </Anchor>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
