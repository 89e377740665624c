import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { describeError } from '../forms/errors';
import { LanguageSelect } from '../components/LanguageSelect';
import { useSession } from './session';

/**
 * Shown in place of any screen when nobody is signed in. The address is kept, so after
 * signing in the same screen comes back (with its form draft, see forms/drafts.ts).
 */
export function SignInPage({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const { signIn, ended } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!username.trim() || !password) return setError(t('signIn.missing'));
    setBusy(true);
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        const seconds = Number((err.body as { retryAfterSeconds?: number } | null)?.retryAfterSeconds ?? 900);
        setError(t('signIn.tooMany', { minutes: Math.max(1, Math.ceil(seconds / 60)) }));
      } else setError(err instanceof ApiError && err.status === 401 ? t('signIn.wrong') : describeError(t, err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100dvh" p="md" pb="xl" component="main">
      <Stack w="100%" maw={400} gap="lg">
        <Paper withBorder shadow="sm" p="lg" radius="md" w="100%">
          <Group justify="space-between" align="flex-start" mb="md" wrap="wrap" gap="sm">
            <Box>
              <Title order={1} size="h2">
                {t('app.name')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('app.tagline')}
              </Text>
            </Box>
            <LanguageSelect compact />
          </Group>
          {ended && (
            <Alert color="yellow" mb="md" role="status" data-testid="session-ended">
              {t('signIn.ended')}
            </Alert>
          )}
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              <TextInput
                label={t('signIn.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('signIn.password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              {error && (
                <Alert color="red" role="alert">
                  {error}
                </Alert>
              )}
              <Button type="submit" loading={busy}>
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        {children}
      </Stack>
    </Center>
  );
}
