import { useState } from 'react';
import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { placeLabel } from '../../components/PersonName';
import { useCan } from '../../auth/session';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { useVillages } from '../registry/api';
import { PageHeader } from '../registry/shared/PageHeader';
import { escalateIssue, raiseIssue, resolveIssue, useConvergenceWrite, useIssues } from './api';
import { ActionStatusBadge, ErrorLine, useLabels } from './shared';
import type { Issue } from './types';
import { todayIst } from '../../app/clock';

const CATEGORIES = [
  'out_of_school',
  'family_in_distress',
  'child_labour',
  'child_marriage',
  'violence_or_abuse',
  'health_or_nutrition',
  'village_problem',
  'other',
] as const;
const STATUS_COLOUR: Record<Issue['status'], string> = { with_vcpc: 'blue', escalated: 'orange', on_agenda: 'grape', resolved: 'green' };

/** A children's council's issues: record one, and see what became of each. */
export default function BalPanchayatPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [status, setStatus] = useState<string | null>(null);
  const q = useIssues({ status: status ?? undefined, pageSize: 100 });
  const writer = can(['balpanchayat.write', 'convergence.manage']);
  return (
    <>
      <PageHeader title={t('convergence.bp.title')} subtitle={<Text size="sm">{t('convergence.bp.intro')}</Text>} />
      <SimpleGrid cols={{ base: 1, lg: writer ? 2 : 1 }} spacing="md">
        {writer && <IssueForm />}
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              {t('convergence.bp.list')}
            </Title>
            <Select
              aria-label={t('convergence.common.status')}
              placeholder={t('convergence.common.all')}
              data={(['with_vcpc', 'escalated', 'on_agenda', 'resolved'] as const).map((s) => ({
                value: s,
                label: t(`convergence.issueStatus.${s}`),
              }))}
              value={status}
              onChange={setStatus}
              clearable
              w={240}
            />
          </Group>
          <QueryState query={q}>
            {(data) =>
              data.items.length === 0 ? (
                <Text size="sm">{t('convergence.bp.noIssues')}</Text>
              ) : (
                <Stack gap="sm">
                  {data.items.map((i) => (
                    <IssueCard key={i.id} i={i} writer={writer} />
                  ))}
                </Stack>
              )
            }
          </QueryState>
        </Card>
      </SimpleGrid>
    </>
  );
}

function IssueForm() {
  const { t, i18n } = useTranslation();
  const villages = useVillages();
  const [villageId, setVillageId] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [raisedOn, setRaisedOn] = useState(todayIst());
  const save = useConvergenceWrite(() => raiseIssue({ villageId, category, summary, raisedOn }));
  return (
    <Card
      withBorder
      component="form"
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        save.mutate(undefined, { onSuccess: () => setSummary('') });
      }}
    >
      <Title order={2} size="h4" mb="xs">
        {t('convergence.bp.raise')}
      </Title>
      <Select
        label={t('convergence.bp.village')}
        data={(villages.data ?? []).map((v) => ({ value: v.id, label: placeLabel(v, i18n.language) }))}
        value={villageId}
        onChange={setVillageId}
        searchable
        required
      />
      <Select
        label={t('convergence.bp.category')}
        data={CATEGORIES.map((c) => ({ value: c, label: t(`convergence.category.${c}`) }))}
        value={category}
        onChange={setCategory}
        required
        mt="xs"
      />
      <Textarea
        label={t('convergence.bp.summary')}
        description={t('convergence.bp.summaryHint')}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        required
        autosize
        minRows={3}
        mt="xs"
      />
      <TextInput
        type="date"
        label={t('convergence.bp.raisedOn')}
        value={raisedOn}
        max={todayIst()}
        onChange={(e) => setRaisedOn(e.currentTarget.value)}
        mt="xs"
        w={180}
      />
      <Button type="submit" mt="sm" loading={save.isPending} disabled={!villageId || !category || !summary.trim()}>
        {t('convergence.bp.submit')}
      </Button>
      <ErrorLine error={save.error} />
    </Card>
  );
}

function IssueCard({ i, writer }: { i: Issue; writer: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { dept } = useLabels();
  const [text, setText] = useState('');
  const escalate = useConvergenceWrite(() => escalateIssue(i.id, text));
  const resolve = useConvergenceWrite(() => resolveIssue(i.id, text));
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600}>
          {i.village.name} · {t(`convergence.category.${i.category}`)}
        </Text>
        <Badge color={STATUS_COLOUR[i.status]} variant="light">
          {t(`convergence.issueStatus.${i.status}`)}
        </Badge>
      </Group>
      <Text size="sm">{i.summary}</Text>
      <Text size="xs" c="dimmed">
        {t('convergence.bp.raisedOn')}: {f.date(i.raisedOn)}
        {i.daysOpen != null ? ` · ${t('convergence.bp.daysOpen', { n: i.daysOpen })}` : ''}
        {i.toGroupOn && i.status === 'with_vcpc' ? ` · ${t('convergence.bp.toGroupOn', { date: f.date(i.toGroupOn) })}` : ''}
        {i.childLinked ? ` · ${t('convergence.bp.childLinked')}` : ''}
      </Text>
      {(i.discussions.length > 0 || i.actions.length > 0 || i.outcome) && (
        <Stack gap={2} mt={4}>
          <Text size="xs" fw={600}>
            {t('convergence.bp.whatBecame')}
          </Text>
          {i.discussions.map((d, k) => (
            <Text size="xs" key={k}>
              {f.date(d.meetingDate)}, {d.group}: {d.decision}
            </Text>
          ))}
          {i.actions.map((a, k) => (
            <Text size="xs" key={k}>
              {dept(a.department)} — {t('convergence.common.dueDate')} {f.date(a.dueDate)}{' '}
              <ActionStatusBadge status={a.status} overdue={a.overdue} />
            </Text>
          ))}
          {i.outcome && (
            <Text size="xs">
              {i.resolvedBy ? `${t(`convergence.bp.resolvedBy.${i.resolvedBy}`)}: ` : ''}
              {i.outcome}
            </Text>
          )}
        </Stack>
      )}
      {writer && i.status !== 'resolved' && (
        <Group mt="xs" align="flex-end" gap="xs">
          <TextInput
            size="xs"
            label={
              i.status === 'with_vcpc'
                ? `${t('convergence.bp.escalateReason')} / ${t('convergence.bp.outcome')}`
                : t('convergence.bp.outcome')
            }
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={320}
          />
          {i.status === 'with_vcpc' && (
            <Button
              size="xs"
              variant="light"
              color="orange"
              disabled={!text.trim()}
              loading={escalate.isPending}
              onClick={() => escalate.mutate(undefined)}
            >
              {t('convergence.bp.escalate')}
            </Button>
          )}
          <Button
            size="xs"
            variant="light"
            color="green"
            disabled={!text.trim()}
            loading={resolve.isPending}
            onClick={() => resolve.mutate(undefined)}
          >
            {t('convergence.bp.resolve')}
          </Button>
        </Group>
      )}
      <ErrorLine error={escalate.error ?? resolve.error} />
    </Card>
  );
}
