import { useState } from 'react';
import { Group, NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { useAuditEvents } from './api';
import { AuditTable } from './AuditTable';

const ACTIONS = ['read', 'list', 'search', 'export', 'create', 'update'] as const;
const ENTITIES = ['child', 'family', 'case', 'meeting'] as const;

/** The audit log of the reader's jurisdiction, newest first, filtered by action and record kind. */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const [action, setAction] = useState('');
  const [entityType, setEntityType] = useState('');
  const q = useAuditEvents({ action: action || undefined, entityType: entityType || undefined });
  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={<Text size="sm">{t('audit.intro')}</Text>} />
      <Group gap="sm" mb="md" align="flex-end">
        <NativeSelect
          label={t('audit.what')}
          value={action}
          onChange={(e) => setAction(e.currentTarget.value)}
          data={[{ value: '', label: t('audit.all') }, ...ACTIONS.map((a) => ({ value: a, label: t(`audit.action.${a}`) }))]}
        />
        <NativeSelect
          label={t('audit.on')}
          value={entityType}
          onChange={(e) => setEntityType(e.currentTarget.value)}
          data={[{ value: '', label: t('audit.all') }, ...ENTITIES.map((a) => ({ value: a, label: t(`audit.entity.${a}`) }))]}
        />
      </Group>
      <QueryState query={q}>
        {(data) => (
          <AuditTable
            entries={data.pages.flatMap((p) => p.items)}
            total={data.pages[0]?.total ?? 0}
            more={q.hasNextPage}
            loadingMore={q.isFetchingNextPage}
            onMore={() => void q.fetchNextPage()}
          />
        )}
      </QueryState>
    </>
  );
}
