import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../registry/shared/PageHeader';
import { useCatalogue } from './api';
import { BenefitText, useSchemeName } from './shared';

export default function CataloguePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const name = useSchemeName();
  const q = useCatalogue();
  return (
    <>
      <PageHeader title={t('schemes.catalogue.title')} subtitle={<Text size="sm">{t('schemes.catalogue.intro')}</Text>} />
      <QueryState query={q}>
        {(data) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid="catalogue-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('schemes.common.scheme')}</Table.Th>
                  <Table.Th scope="col">{t('schemes.family.for')}</Table.Th>
                  <Table.Th scope="col">{t('schemes.catalogue.inForce')}</Table.Th>
                  <Table.Th scope="col">{t('schemes.catalogue.versions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/schemes/${s.id}`}>
                        {name(s.name)}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        <Badge size="xs" variant="outline" mr={4}>
                          {t(`schemes.catalogue.level.${s.level}`)}
                          {s.stateName ? ` · ${s.stateName}` : ''}
                        </Badge>
                        {s.department}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`schemes.subject.${s.subject}`)}</Table.Td>
                    <Table.Td>
                      {s.inForce ? (
                        <>
                          <BenefitText benefit={s.inForce.benefit} />
                          <Text size="xs" c="dimmed">
                            {t('schemes.catalogue.from')} {f.date(s.inForce.validFrom)}
                          </Text>
                        </>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      {f.number(s.versions.length)} · {t('schemes.catalogue.revision', { n: f.number(s.revision) })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </>
  );
}
