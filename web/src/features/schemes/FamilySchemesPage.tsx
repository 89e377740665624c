import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { PersonName } from '../../components/PersonName';
import { QueryState } from '../../components/Status';
import { describeError } from '../../forms/errors';
import { useFormat } from '../../i18n/format';
import { startApplication, useSchemesWrite, useSuggestions } from './api';
import { ApplicationBadge, BenefitText, EligibilityBadge, useDocLabel, useSchemeName } from './shared';
import type { FamilySuggestions, Suggestion } from './types';
import { shownReasons } from './reasons';
import { todayIst } from '../../app/clock';

/** A family's "Schemes" page: eligible, maybe, not eligible, each with reasons and the documents still to get. */
export default function FamilySchemesPage() {
  const { familyId } = useParams({ strict: false }) as { familyId: string };
  const q = useSuggestions(familyId);
  return <QueryState query={q}>{(data) => <SchemesView data={data} />}</QueryState>;
}

function SchemesView({ data }: { data: FamilySuggestions }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [showNot, setShowNot] = useState(false);
  const head = data.subjects.find((s) => s.kind === 'family');
  const open = data.suggestions.filter((s) => s.status !== 'not_eligible');
  const not = data.suggestions.filter((s) => s.status === 'not_eligible');
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {t('schemes.family.title')}: {head && <PersonName name={head.name} nameLocal={head.nameLocal} />}
          </Title>
          <Text size="sm" c="dimmed">
            {t('schemes.family.subtitle', { date: f.date(data.asOf) })}
          </Text>
        </Stack>
        <Button component={Link} to={`/families/${data.familyId}`} variant="default">
          {t('schemes.family.openFamily')}
        </Button>
      </Group>
      <Group gap="xs">
        <EligibilityBadge status="eligible" /> <Text size="sm">{f.number(data.counts.eligible)}</Text>
        <EligibilityBadge status="maybe" /> <Text size="sm">{f.number(data.counts.maybe)}</Text>
        <EligibilityBadge status="not_eligible" /> <Text size="sm">{f.number(data.counts.not_eligible)}</Text>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {open.map((s) => (
          <SuggestionCard key={`${s.schemeId}|${s.subjectId}`} s={s} familyId={data.familyId} />
        ))}
      </SimpleGrid>
      {not.length > 0 && (
        <Button variant="subtle" onClick={() => setShowNot((x) => !x)} aria-expanded={showNot} style={{ alignSelf: 'flex-start' }}>
          {showNot ? t('schemes.family.hideNot') : t('schemes.family.showNot', { n: f.number(not.length) })}
        </Button>
      )}
      {showNot && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {not.map((s) => (
            <SuggestionCard key={`${s.schemeId}|${s.subjectId}`} s={s} familyId={data.familyId} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function SuggestionCard({ s, familyId }: { s: Suggestion; familyId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const name = useSchemeName();
  const docLabel = useDocLabel();
  const navigate = useNavigate();
  const start = useSchemesWrite(startApplication);
  const begin = () =>
    start.mutate(
      { schemeId: s.schemeId, familyId, childId: s.subject === 'child' ? s.subjectId : null, on: todayIst() },
      { onSuccess: (a) => void navigate({ to: `/scheme-applications/${a.id}` }) },
    );
  return (
    <Card withBorder padding="md" data-testid={`suggestion-${s.schemeId}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600}>{name(s.schemeName)}</Text>
          <div style={{ flexShrink: 0 }}>
            <EligibilityBadge status={s.status} />
          </div>
        </Group>
        <Group gap="xs">
          <Badge variant="outline" size="sm">
            {t(`schemes.subject.${s.subject}`)}
          </Badge>
          {s.subjectName && <Text size="sm">{s.subjectName}</Text>}
          <Text size="sm" c="dimmed">
            · <BenefitText benefit={s.benefit} />
          </Text>
        </Group>
        <Text size="sm" fw={500}>
          {t('schemes.family.why')}
        </Text>
        <List size="sm" spacing={2}>
          {shownReasons(s).map((r) => (
            <List.Item key={r}>{r}</List.Item>
          ))}
        </List>
        <RuleSource suggestion={s} />
        {s.status === 'maybe' && s.missingFacts.length > 0 && (
          <Text size="sm" c="orange.8">
            {t('schemes.family.decide', { facts: s.missingFacts.map((m) => m.label).join(', ') })}
          </Text>
        )}
        {s.status !== 'not_eligible' && (
          <Text size="sm">
            <b>{t('schemes.family.missingDocs')}:</b>{' '}
            {s.missingDocuments.length ? s.missingDocuments.map((m) => docLabel(m.doc)).join(', ') : t('schemes.family.allDocs')}
          </Text>
        )}
        {s.status !== 'not_eligible' && (
          <Text size="xs" c="dimmed">
            {t('schemes.family.where')}: {s.channel.where}
          </Text>
        )}
        {start.error && (
          <Alert color="red" role="alert">
            {describeError(t, start.error)}
          </Alert>
        )}
        <Group gap="xs">
          {s.application ? (
            <>
              <ApplicationBadge status={s.application.status} />
              <Anchor component={Link} to={`/scheme-applications/${s.application.id}`} size="sm">
                {t('schemes.family.open')}
              </Anchor>
            </>
          ) : (
            s.status !== 'not_eligible' &&
            can('schemes.write') && (
              <Button size="xs" onClick={begin} loading={start.isPending}>
                {t('schemes.family.start')}
              </Button>
            )
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** The rule's source under the reasons: the order or guideline, the clauses cited, and how far it was checked (issue #18). */
function RuleSource({ suggestion: s }: { suggestion: Suggestion }) {
  const { t } = useTranslation();
  if (!s.source) return null;
  const clauses = [...new Set((s.reasonDetails ?? []).map((r) => r.source).filter((x): x is string => !!x))];
  const checked = s.source.verification ?? 'unverified';
  return (
    <Text size="xs" c={checked === 'unverified' ? 'orange.8' : 'dimmed'} data-testid="rule-source">
      {t('schemes.family.source')}: {s.source.citation ?? s.source.title}
      {s.source.reference ? ` (${s.source.reference})` : ''}
      {clauses.length > 0 && ` · ${clauses.join('; ')}`}
      {' · '}
      {t(`schemes.family.verification.${checked}`)}
    </Text>
  );
}
