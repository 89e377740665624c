import { useState } from 'react';
import { Anchor, Badge, Select, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PersonName } from '../../components/PersonName';
import { InitialsOnly } from '../../components/Withheld';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { useCaseReferrals } from './api';

/** Services referred to the user's organisation: a department's inbox of referrals. */
export default function ReferralsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [status, setStatus] = useState<string | null>('pending');
  const q = useCaseReferrals({ status: status ?? undefined });
  return (
    <>
      <PageHeader title={t('cases.referrals.title')} subtitle={<Text size="sm">{t('cases.referrals.intro')}</Text>} />
      <Select
        label={t('cases.referrals.status')}
        clearable
        w={220}
        mb="md"
        value={status}
        onChange={setStatus}
        placeholder={t('cases.list.any')}
        data={['pending', 'accepted', 'declined', 'done', 'cancelled'].map((s) => ({ value: s, label: t(`cases.referralStatus.${s}`) }))}
      />
      <QueryState query={q}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('cases.referrals.none')}</Text>
          ) : (
            <Table striped data-testid="referrals-table">
              <Table.Tbody>
                {data.items.map((r) => (
                  <Table.Tr key={`${r.caseId}-${r.referralId}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/cases/${r.caseId}`}>
                        #{f.number(r.caseNumber)}
                      </Anchor>{' '}
                      <PersonName name={r.childName} nameLocal={r.childNameLocal} />
                      <InitialsOnly show={r.initialsOnly} />
                    </Table.Td>
                    <Table.Td>
                      {t(`cases.domain.${r.domain}`)}: {r.need}
                    </Table.Td>
                    <Table.Td>{f.date(r.referredAt.slice(0, 10))}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" tt="none">
                        {t(`cases.referralStatus.${r.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </>
  );
}
