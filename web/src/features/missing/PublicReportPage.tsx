import './public-styles.css';
import { useState } from 'react';
import { Alert, Anchor, Box, Button, Container, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '../../../../src/missing/domain/vocabulary';
import { ApiError } from '../../api/client';
import { LanguageSelect } from '../../components/LanguageSelect';
import { PhoneText } from '../../components/PhoneText';
import { CHALLENGE_RETRY, submitPublic } from './api';
import { solvedChallenge } from './pow';
import { ChildReportForm } from './ChildReportForm';
import { MISSING_TRANSLATIONS } from './i18n';
import { addTranslations } from '../../i18n';

// Opened without signing in, so without the shell that brings every feature's strings
// (i18n/features.ts): this page brings its own feature's.
addTranslations(MISSING_TRANSLATIONS);

/**
 * The public page (Khoya-Paaya's role): a citizen reports a missing child or a child seen or
 * found, without an account. The answer is a reference number only; nothing is read back.
 * Needs no session: the frame shows it without sign-in (see module.ts, publicPages). Each post
 * carries a solved proof-of-work challenge instead of a CAPTCHA (no third-party service).
 */
export default function PublicReportPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<RecordKind>('missing');
  const [reference, setReference] = useState<string | null>(null);
  const [limited, setLimited] = useState<'rate_limited' | 'daily_limit_reached' | null>(null);
  const [checking, setChecking] = useState(false);

  /**
   * Each post carries a solved challenge (pow.ts): "checking…" while the browser works it out
   * (well under a second on a phone); a challenge that expired or was used is asked for again once.
   */
  async function send(k: RecordKind, body: Record<string, unknown>, photo: File | null) {
    setLimited(null);
    try {
      for (let attempt = 0; ; attempt++) {
        setChecking(true);
        let pow;
        try {
          pow = await solvedChallenge();
        } finally {
          setChecking(false);
        }
        try {
          return await submitPublic(k, body, photo, pow);
        } catch (err) {
          if (attempt === 0 && err instanceof ApiError && CHALLENGE_RETRY.has(err.code)) continue;
          throw err;
        }
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 429)
        setLimited(err.code === 'daily_limit_reached' ? 'daily_limit_reached' : 'rate_limited');
      throw err;
    }
  }

  return (
    <Container size="md" py="md" component="main">
      <Paper withBorder p="lg" radius="md">
        {/* On a phone the language selector goes under the title rather than shrinking to one letter. */}
        <Group justify="space-between" align="flex-start" mb="md" wrap="wrap" gap="sm">
          <Box>
            <Title order={1} size="h2">
              {t('missing.public.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('missing.public.intro')}
            </Text>
          </Box>
          <LanguageSelect compact />
        </Group>
        <Alert color="red" variant="light" mb="md">
          <PhoneText text={t('missing.public.emergency')} />
        </Alert>
        {reference ? (
          <Stack gap="sm" align="flex-start">
            <Alert color="green" role="status" data-testid="public-reference">
              {t('missing.public.thanks', { reference })}
            </Alert>
            <Button variant="default" onClick={() => setReference(null)}>
              {t('missing.public.another')}
            </Button>
          </Stack>
        ) : (
          <Stack gap="md">
            <SegmentedControl
              aria-label={t('missing.field.kind')}
              fullWidth
              // A tab's text wraps on a narrow phone instead of being cut off.
              styles={{ label: { whiteSpace: 'normal', lineHeight: 1.3, overflow: 'visible', textOverflow: 'clip' } }}
              value={kind}
              onChange={(v) => setKind(v as RecordKind)}
              data={[
                { value: 'missing', label: t('missing.public.missingTab') },
                { value: 'found', label: t('missing.public.sightingTab') },
              ]}
            />
            {limited && (
              <Alert color="orange" role="alert">
                <PhoneText text={t(limited === 'daily_limit_reached' ? 'missing.public.dailyLimit' : 'missing.public.rateLimited')} />
              </Alert>
            )}
            {checking && (
              <Alert color="blue" variant="light" role="status" data-testid="public-checking" icon={<Loader size="xs" />}>
                {t('missing.public.checking')}
              </Alert>
            )}
            <ChildReportForm
              key={kind}
              kind={kind}
              official={false}
              send={send}
              onSaved={(r) => setReference((r as { reference: string }).reference)}
            />
          </Stack>
        )}
        <Anchor href="/" size="sm" mt="md" display="block">
          {t('missing.public.signIn')}
        </Anchor>
      </Paper>
    </Container>
  );
}
