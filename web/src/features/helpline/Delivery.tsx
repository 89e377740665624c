import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A partner message's delivery (src/helpline/partner.repository.ts): 'acknowledged', 'failed' (the
 * outbox gave up on it: the operator must hand over by phone), else on its way ('pending', 'sending').
 * A failed message read "pending" before, as if it might still arrive.
 */
export function DeliveryBadge({ delivery, lastError }: { delivery: string; lastError?: string | null }) {
  const { t } = useTranslation();
  const state = delivery === 'acknowledged' || delivery === 'failed' ? delivery : 'pending';
  const color = { acknowledged: 'green', failed: 'red', pending: 'orange' }[state];
  return (
    <>
      <Badge color={color} data-delivery={state}>
        {t(`helpline.call.${state}`)}
      </Badge>
      {state !== 'acknowledged' && lastError && (
        <Text size="xs" c="dimmed">
          {lastError}
        </Text>
      )}
    </>
  );
}
