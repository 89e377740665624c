import '../app/all-styles';
import { Box, Button, Center, Group, Paper, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../components/LanguageSelect';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ME_KEY, useMe, useSession } from './session';

/**
 * After an administrator's reset the one-time password opens only this screen (the server
 * refuses everything else with 403 password_change_required) until a new password is chosen.
 */
export function PasswordDuePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const qc = useQueryClient();
  return (
    <Center mih="100dvh" p="md" component="main">
      <Paper withBorder shadow="sm" p="lg" radius="md" w="100%" maw={460}>
        <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
          <Box>
            <Title order={1} size="h2">
              {t('password.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {me.displayName}
            </Text>
          </Box>
          <LanguageSelect compact />
        </Group>
        <Text mb="md">{t('password.due')}</Text>
        <ChangePasswordForm oneTime onChanged={() => void qc.invalidateQueries({ queryKey: ME_KEY })} />
        <Button variant="subtle" mt="md" onClick={() => void signOut()}>
          {t('app.signOut')}
        </Button>
      </Paper>
    </Center>
  );
}
