import { Anchor, Text } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { useAccessLog } from './api';
import { AuditTable } from './AuditTable';

/** Who looked at one child's or family's record: every read, list, search and export that disclosed it. */
function AccessLog({ kind }: { kind: 'children' | 'families' }) {
  const { t } = useTranslation();
  const { recordId } = useParams({ strict: false }) as { recordId: string };
  const q = useAccessLog(kind, recordId);
  return (
    <>
      <PageHeader
        title={t('audit.accessTitle')}
        subtitle={
          <Text size="sm">
            {t('audit.accessIntro')}{' '}
            <Anchor component={Link} to={`/${kind}/${recordId}`}>
              {t(kind === 'children' ? 'audit.backToChild' : 'audit.backToFamily')}
            </Anchor>
          </Text>
        }
      />
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

export function ChildAccessLogPage() {
  return <AccessLog kind="children" />;
}

export function FamilyAccessLogPage() {
  return <AccessLog kind="families" />;
}
