import { useState } from 'react';
import { Alert, Anchor, Button, Card, Checkbox, Grid, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { describeError } from '../../forms/errors';
import { QueryState } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { decide, photoUrl, useMatch, useMissingWrite } from './api';
import { RecordFacts } from './RecordFacts';
import { ExplanationBars, explanationText, Header, levelText, likelihoodText, SideBySide, SideSummary, StatusBadge } from './shared';
import { isRedacted, type Match } from './types';
import { band } from '../../../../src/linkage/calibration';
import { confirmNoteGiven } from '../../../../src/missing/missing.model';

/** One match side by side: the two records, the engine's per-field reasons, and the decision. */
export default function MatchPage() {
  const { matchId } = useParams({ strict: false }) as { matchId: string };
  const query = useMatch(matchId);
  return <QueryState query={query}>{(m) => <MatchView m={m} />}</QueryState>;
}

function MatchView({ m }: { m: Match }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const write = useMissingWrite((body: { decision: 'confirm' | 'reject'; note?: string }) => decide(m.id, { ...body, version: m.version }));
  // Across districts each side's reviewer agrees (or the CWC of the report's district confirms alone).
  const sides = ['missing', 'found'] as const;
  const mine = (side: (typeof sides)[number]) => {
    const r = m[side];
    return !isRedacted(r) && r.access === 'own';
  };
  const other = sides.find((s) => !mine(s));
  const otherDistrict = other ? m[other].districtName : '';
  const waiting = m.status === 'proposed' && m.agreement.crossDistrict && m.agreement.waitingFor.length > 0;
  const weAgreed = waiting && sides.filter(mine).every((s) => m.agreement[s]);
  const theyAgreed = waiting && !!other && !!m.agreement[other];
  const cwcConfirmsAlone = can('cases.cwc') && mine('missing');

  // Confirming opens a restoration: it needs a note saying how it was checked, and a second look
  // at the details that differ (issue #17: one click confirmed, with no note and no confirmation).
  const [secondLook, setSecondLook] = useState(false);
  const [checked, setChecked] = useState(false);
  const differing = m.fields.filter((fw) => fw.weight < 0);

  function askConfirm() {
    setError(null);
    // The server's rule (missing.model.ts): a few characters saying how it was checked.
    if (!confirmNoteGiven(note)) return setNoteError(t('missing.review.confirmNoteRequired'));
    setNoteError(null);
    setChecked(false);
    setSecondLook(true);
  }

  async function send(decision: 'confirm' | 'reject') {
    setError(null);
    setSecondLook(false);
    if (decision === 'reject' && !note.trim()) return setNoteError(t('missing.review.noteRequired'));
    if (decision === 'confirm' && !confirmNoteGiven(note)) return setNoteError(t('missing.review.confirmNoteRequired'));
    setNoteError(null);
    try {
      const out = await write.mutateAsync({ decision, note: note.trim() || undefined });
      if (decision === 'reject') setDone(t('missing.review.rejectedDone'));
      else if (out.status === 'proposed') setDone(t('missing.review.agreedWaiting', { district: otherDistrict }));
      else
        setDone(
          out.restoration?.status === 'case_opened'
            ? t('missing.review.confirmedCase')
            : t('missing.review.confirmedWaiting', { note: out.restoration?.note ?? '' }),
        );
    } catch (err) {
      setError(describeError(t, err));
    }
  }

  return (
    <>
      <Header
        title={`${t(`missing.review.band.${band(m.probability)}`)} · ${likelihoodText(t, f, m.probability)}`}
        intro={
          <>
            {/* The model's version is for the audit, not the officer's decision (issue #17): kept as the hover title. */}
            <span title={t('missing.review.model', { version: m.modelVersion })}>{explanationText(t, f, m.fields)}</span>
          </>
        }
        actions={<StatusBadge status={m.status} kind="matchStatus" />}
      />
      <Stack gap="md">
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('missing.review.evidence')}
          </Title>
          <ExplanationBars fields={m.fields} />
        </Card>
        {m.comparison && <SideBySide left={m.comparison.left} right={m.comparison.right} fields={m.fields} />}
        <Grid>
          {(['missing', 'found'] as const).map((side) => {
            const r = m[side];
            return (
              <Grid.Col key={side} span={{ base: 12, md: 6 }}>
                <Card withBorder h="100%">
                  <Title order={2} size="h4" mb="xs">
                    {t(side === 'missing' ? 'missing.review.missingSide' : 'missing.review.foundSide')}
                  </Title>
                  {isRedacted(r) ? (
                    <SideSummary r={r} />
                  ) : (
                    <>
                      <Anchor component={Link} to={`/missing/records/${r.id}`} fw={600}>
                        {r.reference}
                      </Anchor>
                      {r.hasPhoto && (
                        // A fixed height, so the decision buttons below do not move when the photo arrives
                        // (on a slow line a click meant for one lands on another).
                        <img
                          src={photoUrl(r.id)}
                          alt={t('missing.photo.alt')}
                          data-testid={`match-photo-${side}`}
                          style={{
                            display: 'block',
                            width: '100%',
                            height: 260,
                            objectFit: 'contain',
                            objectPosition: 'left',
                            borderRadius: 4,
                            margin: '8px 0',
                          }}
                        />
                      )}
                      <RecordFacts r={r} />
                    </>
                  )}
                </Card>
              </Grid.Col>
            );
          })}
        </Grid>
        {m.restoration && (
          <Alert color={m.restoration.status === 'case_opened' ? 'green' : 'orange'}>
            <StatusBadge status={m.restoration.status} kind="restorationStatus" /> {m.restoration.note}
            {m.restoration.caseId && (
              <Anchor component={Link} to={`/cases/${m.restoration.caseId}`} ml="sm">
                {t('missing.restorations.viewCase')}
              </Anchor>
            )}
          </Alert>
        )}
        {m.status !== 'proposed' && m.note && (
          <Text>
            {t('missing.review.decided', { date: f.date(m.decidedAt) })}: {m.note}
          </Text>
        )}
        {waiting && !done && (
          <Alert color="blue" variant="light" data-testid="agreement">
            {weAgreed
              ? t('missing.review.waitingOther', { district: otherDistrict })
              : theyAgreed
                ? t('missing.review.otherAgreed', { district: otherDistrict })
                : t('missing.review.bothSides', { district: otherDistrict })}
          </Alert>
        )}
        {done && (
          <Alert color="green" role="status">
            {done}
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {m.status === 'proposed' && can('missing.review') && !done && (
          <Card withBorder>
            <Stack gap="sm">
              <Textarea
                label={t('missing.review.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                maxLength={2000}
                autosize
                minRows={2}
                error={noteError}
              />
              <Group>
                {!(weAgreed && !cwcConfirmsAlone) && (
                  <Button color="green" onClick={askConfirm} loading={write.isPending} data-testid="confirm">
                    {t(waiting && !theyAgreed && !cwcConfirmsAlone ? 'missing.review.agree' : 'missing.review.confirm')}
                  </Button>
                )}
                <Button color="red" variant="light" onClick={() => send('reject')} loading={write.isPending} data-testid="reject">
                  {t('missing.review.reject')}
                </Button>
              </Group>
            </Stack>
            <Modal opened={secondLook} onClose={() => setSecondLook(false)} title={t('missing.review.secondLookTitle')} centered>
              <Stack gap="sm" data-testid="second-look">
                <Text size="sm">{differing.length ? t('missing.review.secondLookIntro') : t('missing.review.secondLookNone')}</Text>
                {differing.length > 0 && (
                  <List size="sm">
                    {differing.map((fw) => (
                      <List.Item key={fw.id}>
                        {t(`missing.cmp.${fw.id}`, { defaultValue: fw.label })}: {levelText(t, fw)}
                      </List.Item>
                    ))}
                  </List>
                )}
                <Checkbox
                  label={t('missing.review.secondLookChecked')}
                  checked={checked}
                  onChange={(e) => setChecked(e.currentTarget.checked)}
                  data-testid="second-look-checked"
                />
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setSecondLook(false)}>
                    {t('missing.review.secondLookBack')}
                  </Button>
                  <Button color="green" disabled={!checked} onClick={() => void send('confirm')} data-testid="confirm-final">
                    {t('missing.review.secondLookConfirm')}
                  </Button>
                </Group>
              </Stack>
            </Modal>
          </Card>
        )}
      </Stack>
    </>
  );
}
