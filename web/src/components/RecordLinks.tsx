import { Button } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MODULES, recordLinksFor } from '../app/modules';
import { useMe } from '../auth/session';

/** What other features offer for this record (module-api RecordLink), as buttons. */
export function RecordLinks({ kind, id }: { kind: 'family' | 'child'; id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      {recordLinksFor(MODULES, kind, me.permissions).map((l) => (
        <Button key={l.labelKey} component={Link} to={l.to(id)} variant="default">
          {t(l.labelKey)}
        </Button>
      ))}
    </>
  );
}
