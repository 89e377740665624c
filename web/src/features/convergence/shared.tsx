import { useCallback } from 'react';
import { Alert, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { describeError } from '../../forms/errors';
import { departmentLabel, domainLabel, type Lang } from '../../../../src/convergence/domain/labels';
import {
  CONVERGENCE_DOMAINS,
  DEPARTMENT_KINDS,
  type ConvergenceDomain,
  type DepartmentKind,
} from '../../../../src/convergence/domain/types';
import type { ActionStatus } from './types';

const langOf = (l: string): Lang => (l === 'hi' || l === 'mr' ? l : 'en');

/** Department and domain names as the printed notes have them, in the screen's language. */
export function useLabels() {
  const { i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const dept = useCallback(
    (d: string) => ((DEPARTMENT_KINDS as readonly string[]).includes(d) ? departmentLabel(lang, d as DepartmentKind) : d),
    [lang],
  );
  const domain = useCallback(
    (d: string | null | undefined) =>
      !d ? '—' : (CONVERGENCE_DOMAINS as readonly string[]).includes(d) ? domainLabel(lang, d as ConvergenceDomain) : d,
    [lang],
  );
  return { dept, domain, lang };
}

const STATUS_COLOUR: Record<ActionStatus, string> = { open: 'blue', done: 'green', blocked: 'orange', reopened: 'grape' };

export function ActionStatusBadge({ status, overdue }: { status: ActionStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge color={STATUS_COLOUR[status]} variant="light" mr={4}>
        {t(`convergence.actionStatus.${status}`)}
      </Badge>
      {overdue && (
        <Badge color="red" variant="filled">
          {t('convergence.common.overdue')}
        </Badge>
      )}
    </>
  );
}

/** A refusal in the user's language when its code is known, else the shared wording. */
export function useConvergenceError() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (err: unknown): string => {
      if (err instanceof ApiError && i18n.exists(`convergence.errors.${err.code}`)) {
        const where = err.issues.length ? ` (${err.issues.map((i) => i.field).join(', ')})` : '';
        return t(`convergence.errors.${err.code}`) + where;
      }
      return describeError(t, err);
    },
    [t, i18n],
  );
}

export function ErrorLine({ error }: { error: unknown }) {
  const describe = useConvergenceError();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" my="xs">
      {describe(error)}
    </Alert>
  );
}

export const percent = (x: number | null | undefined) => (x == null ? '—' : `${Math.round(x * 100)}%`);
