import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { QueryState } from '../../components/Status';
import { useSession } from '../../auth/session';
import { PageHeader } from '../registry/shared/PageHeader';
import type { RulesOut } from '../../../../src/law/law.model';
import { thisMonthIst } from '../../app/clock';

/** The financial-year quarter (Q1 = April–June) of today in IST, as the reports name it. */
function thisQuarterIst(): string {
  const [y, m] = thisMonthIst().split('-').map(Number);
  return m >= 4 ? `${y}-Q${Math.floor((m - 4) / 3) + 1}` : `${y - 1}-Q4`;
}

const useRules = () => useQuery({ queryKey: ['rules'], queryFn: ({ signal }) => api.get<RulesOut>('/rules', undefined, signal) });

/** Every rule the app applies, with its source and how far its text was checked (issue #18). */
export default function RulesPage() {
  const { t, i18n } = useTranslation();
  const q = useRules();
  const district = useSession().me?.scope.districtCode ?? null;
  const quarter = thisQuarterIst();
  const lang = (['en', 'hi', 'mr'].includes(i18n.language) ? i18n.language : 'en') as 'en' | 'hi' | 'mr';
  const checked = (v: string) => (
    <Badge size="xs" variant="light" color={v === 'official_text' ? 'green' : v === 'unverified' ? 'orange' : 'gray'} tt="none">
      {t(`rules.verification.${v}`)}
    </Badge>
  );
  return (
    <>
      <PageHeader title={t('rules.title')} subtitle={<Text size="sm">{t('rules.intro')}</Text>} />
      <QueryState query={q}>
        {(data) => (
          <Stack gap="lg">
            <Title order={3}>{t('rules.timelines')}</Title>
            <Table.ScrollContainer minWidth={800}>
              <Table striped data-testid="rules-timelines">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('rules.rule')}</Table.Th>
                    <Table.Th scope="col">{t('rules.within')}</Table.Th>
                    <Table.Th scope="col">{t('rules.source')}</Table.Th>
                    <Table.Th scope="col">{t('rules.setBy')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.timelines.map((x) => (
                    <Table.Tr key={x.key}>
                      <Table.Td>
                        <Text size="sm">{x.appliesTo}</Text>
                        <Badge size="xs" variant="light" color={x.statutory ? 'grape' : 'gray'} tt="none">
                          {x.statutory ? t('rules.statutory') : t('rules.policy')}
                        </Badge>
                        {!x.trackedOnCases && (
                          <Text span size="xs" c="dimmed" ml={6}>
                            {x.trackedBy ? t(`rules.trackedBy.${x.trackedBy}`) : t('rules.notTracked')}
                          </Text>
                        )}
                        {x.key === 'cwcQuarterlyReport' && district !== null && (
                          <Group gap={6} mt={4}>
                            <Text size="xs">{t('rules.quarterly', { quarter })}:</Text>
                            {(['pdf', 'csv'] as const).map((format) => (
                              <Anchor
                                key={format}
                                size="xs"
                                href={`/api/v1/reports/cwc-quarterly?district=${district}&quarter=${quarter}&format=${format}&lang=${lang}`}
                              >
                                {format.toUpperCase()}
                              </Anchor>
                            ))}
                          </Group>
                        )}
                      </Table.Td>
                      <Table.Td>{x.within}</Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {x.source.url ? (
                            <Anchor href={x.source.url} target="_blank" rel="noreferrer">
                              {x.source.citation}
                            </Anchor>
                          ) : (
                            x.source.citation
                          )}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {x.basis}
                        </Text>
                        {checked(x.source.verification)}
                      </Table.Td>
                      <Table.Td>
                        {x.setBy === 'state' ? t('rules.byState') : t('rules.byDefault')}
                        {x.decidedBy && (
                          <Text size="xs" c="dimmed">
                            {x.decidedBy}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>

            <Title order={3}>{t('rules.orderForms')}</Title>
            <Table striped data-testid="rules-order-forms">
              <Table.Tbody>
                {data.orderForms.map((f) => (
                  <Table.Tr key={f.form}>
                    <Table.Td>{f.form.replace('form', 'Form ')}</Table.Td>
                    <Table.Td>
                      {f.title}
                      {!f.isOrder && (
                        <Badge ml={6} size="xs" color="orange" variant="light" tt="none">
                          {t('rules.notAnOrder')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{f.citation}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>

            <Title order={3}>{t('rules.schemes')}</Title>
            <Table.ScrollContainer minWidth={800}>
              <Table striped data-testid="rules-schemes">
                <Table.Tbody>
                  {data.schemes.flatMap((s) =>
                    s.versions.map((v) => (
                      <Table.Tr key={`${s.id}-${v.validFrom}`}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {s.name[lang]}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {v.validFrom} – {v.validTo ?? '…'} · {v.inForce ? t('rules.inForce') : t('rules.notInForce')} · r{s.revision} (
                            {s.change})
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {v.source && (
                            <>
                              <Text size="sm">
                                {v.source.url ? (
                                  <Anchor href={v.source.url} target="_blank" rel="noreferrer">
                                    {v.source.citation ?? v.source.title}
                                  </Anchor>
                                ) : (
                                  (v.source.citation ?? v.source.title)
                                )}
                                {v.source.reference ? ` (${v.source.reference})` : ''}
                              </Text>
                              {checked(v.source.verification)}
                            </>
                          )}
                          {v.clauses.map((c) => (
                            <Text key={c} size="xs" c="dimmed">
                              {c}
                            </Text>
                          ))}
                          {v.note && (
                            <Text size="xs" c="orange.8">
                              {v.note}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
