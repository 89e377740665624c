import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { ApplicationStatus, Benefit, EligibilityStatus, FollowUpStatus, LocalisedName } from './types';

const STATUS_COLOR: Record<EligibilityStatus, string> = { eligible: 'green', maybe: 'yellow', not_eligible: 'gray' };
const APP_COLOR: Record<ApplicationStatus, string> = {
  identified: 'gray',
  documents_gathering: 'yellow',
  applied: 'blue',
  sanctioned: 'teal',
  rejected: 'red',
  receiving: 'green',
  stopped: 'dark',
};

/** How a document request's follow-up stands ("Convergence action item: open", or the case task's), in the screen's language. */
export function useFollowUpText() {
  const { t } = useTranslation();
  return (s: FollowUpStatus) => {
    const status = t(`schemes.app.followUpState.${s.status}`, { defaultValue: s.status });
    if (s.kind === 'convergence_action') return t('schemes.app.actionStatus', { status });
    // No case reference for a reader who may not see the case.
    return s.caseRef ? t('schemes.app.taskStatus', { caseRef: s.caseRef, status }) : t('schemes.app.taskStatusNoRef', { status });
  };
}

export function EligibilityBadge({ status }: { status: EligibilityStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`schemes.status.${status}`)}
    </Badge>
  );
}

export function ApplicationBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={APP_COLOR[status]} variant="light">
      {t(`schemes.appStatus.${status}`)}
    </Badge>
  );
}

/** The scheme's name in the reader's language (the catalogue carries en/hi/mr). */
export function useSchemeName() {
  const { i18n } = useTranslation();
  return (name: LocalisedName | null | undefined) => (name ? (name[i18n.language as keyof LocalisedName] ?? name.en) : '—');
}

export function useDocLabel() {
  const { t } = useTranslation();
  return (doc: string) => t(`schemes.doc.${doc}`, { defaultValue: doc });
}

export function BenefitText({ benefit }: { benefit: Benefit | null | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!benefit) return <>—</>;
  if (benefit.kind === 'cash') return <>{t(`schemes.benefit.${benefit.period}`, { amount: f.money(benefit.amount) })}</>;
  return (
    <>
      {t('schemes.benefit.inKind')}
      {benefit.valueInr ? ` (${f.money(benefit.valueInr)})` : ''}
    </>
  );
}
