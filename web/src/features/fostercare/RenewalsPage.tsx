import { Fragment, useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { useApprovalsDue, type ApprovalDue } from './api';
import { ReassessmentForm, RenewalDecisionForm } from './RenewalForms';
import { HistoryButton, RenewalHistory } from '../care/RenewalHistory';

/**
 * Renewal of foster families' approval for the DCPU (JJ Model Rules 2016 r.23): the families whose
 * committee approval ends within the notice or has ended, a child still placed with a family
 * whose approval no longer holds first (an alert: the placement runs on until the CWC's order),
 * the re-assessment and the committee's decision.
 */
export default function RenewalsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [withinDays, setWithinDays] = useState<number | null>(null);
  const due = useApprovalsDue(withinDays);
  const [acting, setActing] = useState<ApprovalDue | null>(null);
  // The families whose renewal history is shown (GET /care/foster-carers/:id/renewals).
  const [history, setHistory] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setHistory((h) => {
      const next = new Set(h);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <>
      <PageHeader title={t('fostering.renewal.title')} subtitle={<Text size="sm">{t('fostering.renewal.intro')}</Text>} />
      <QueryState query={due}>
        {(data) => (
          <>
            <Group align="end" mb="sm">
              <NumberInput
                name="withinDays"
                label={t('fostering.renewal.withinDays')}
                min={1}
                max={365}
                value={withinDays ?? data.withinDays}
                onChange={(v) => setWithinDays(typeof v === 'number' && v >= 1 && v <= 365 ? v : null)}
                w={220}
              />
              <Text size="xs" c="dimmed" title={data.rules.basis}>
                {t('fostering.renewal.rules', { days: data.rules.dueWithinDays, verification: data.rules.verification })}
              </Text>
            </Group>
            {data.items.some((i) => i.alert) && (
              <Alert color="red" mb="sm" role="alert">
                {t('fostering.renewal.alertIntro', { count: data.items.filter((i) => i.alert).length })}
              </Alert>
            )}
            {data.items.length ? (
              <Table striped aria-label={t('fostering.renewal.title')} mb="lg">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fostering.col.family')}</Table.Th>
                    <Table.Th>{t('fostering.renewal.ends')}</Table.Th>
                    <Table.Th>{t('fostering.renewal.placed')}</Table.Th>
                    <Table.Th>{t('fostering.renewal.stage')}</Table.Th>
                    {can('care.read') && <Table.Th>{t('fostering.col.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((i) => (
                    <Fragment key={i.carer.id}>
                      <Table.Tr data-testid={`approval-${i.carer.id}`}>
                        <Table.Td>
                          {i.carer.name}
                          {i.carer.kind === 'group_foster' && (
                            <Badge ml="xs" variant="outline">
                              {t('fostering.kind.group_foster')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs">
                            <span title={i.dueItem.citation}>{i.validUntil ?? '—'}</span>
                            <Badge color={i.state === 'due' ? 'yellow' : 'red'}>
                              {t(`fostering.renewal.state.${i.state}`, { count: Math.abs(i.daysLeft ?? 0) })}
                            </Badge>
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          {i.childrenPlaced}
                          {i.alert && (
                            <Badge ml="xs" color="red">
                              {t('fostering.renewal.alert')}
                            </Badge>
                          )}
                          {i.actionProblem && (
                            <Text size="xs" c="red" data-testid="action-problem">
                              {t('fostering.renewal.actionProblem', {
                                why:
                                  i.actionProblem === 'no_district_group'
                                    ? t('fostering.renewal.actionProblems.no_district_group')
                                    : t('fostering.renewal.actionProblems.other', { code: i.actionProblem }),
                              })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {i.openReassessment
                            ? t('fostering.renewal.reassessed', {
                                on: i.openReassessment.reassessedOn,
                                recommendation: t(`fostering.renewal.recommend.${i.openReassessment.reassessment.recommendation}`),
                              })
                            : '—'}
                          <HistoryButton open={history.has(i.carer.id)} onToggle={() => toggle(i.carer.id)} />
                        </Table.Td>
                        {can('care.read') && (
                          <Table.Td>
                            {i.state !== 'refused' &&
                              (i.openReassessment ? (
                                can('care.write') && (
                                  <Button size="xs" variant="light" onClick={() => setActing(i)}>
                                    {t('fostering.renewal.decide')}
                                  </Button>
                                )
                              ) : (
                                <Button size="xs" variant="light" onClick={() => setActing(i)}>
                                  {t('fostering.renewal.reassess')}
                                </Button>
                              ))}
                          </Table.Td>
                        )}
                      </Table.Tr>
                      {history.has(i.carer.id) && (
                        <Table.Tr data-testid={`approval-history-${i.carer.id}`}>
                          <Table.Td colSpan={can('care.read') ? 5 : 4}>
                            <RenewalHistory path={`/care/foster-carers/${i.carer.id}/renewals`} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text mb="lg">{t('fostering.renewal.none')}</Text>
            )}
          </>
        )}
      </QueryState>
      {acting &&
        (acting.openReassessment ? (
          <RenewalDecisionForm key={acting.carer.id} due={acting} onDone={() => setActing(null)} />
        ) : (
          <ReassessmentForm key={acting.carer.id} due={acting} onDone={() => setActing(null)} />
        ))}
    </>
  );
}
