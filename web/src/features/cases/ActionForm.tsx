import { useState } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CARE_DOMAINS,
  CARE_OPTIONS,
  CLOSURE_REASONS,
  ADOPTION_INQUIRY_CATEGORIES,
  AGE_EVIDENCE,
  AGE_TESTS,
  ESCORT_BY,
  ESCORT_PURPOSES,
  CWC_ORDER_FORMS,
  CWC_ORDER_KINDS,
  CWC_ORDER_TYPES,
  LEVELS,
  REVIEW_OUTCOMES,
  RISK_LEVELS,
  SIR_DOMAINS,
  levelRank,
  type CaseActionType,
  type CaseState,
} from '../../../../src/cases/domain';
import { ApiError } from '../../api/client';
import { describeError, splitServerIssues, translateReason, useReason, type FieldErrors } from '../../forms/errors';
import { recordAction, useCasesWrite, useDistricts, useOrganisations } from './api';
import { todayIst as today } from '../../app/clock';

/**
 * The form of one action. Each action type is described by its fields and how they make
 * the request body (the domain's action without at/by/unit, which the server fills in).
 */
type Values = Record<string, unknown>;
type Pair = { domain: string; text: string };
type PlanRow = { domain: string; goals: string; services: string; provider: string; targetDate: string };

type FieldSpec =
  | { name: string; kind: 'text' | 'textarea' | 'date'; label: string; required?: boolean }
  | { name: string; kind: 'select'; label: string; options: readonly string[]; labelOf: string; required?: boolean }
  | { name: string; kind: 'checkbox'; label: string }
  | { name: string; kind: 'org'; label: string; required?: boolean }
  | { name: string; kind: 'district'; label: string; required?: boolean }
  | { name: string; kind: 'referral'; label: string; statuses: string[] }
  | { name: string; kind: 'pairs'; label: string; domains: readonly string[]; textLabel: string }
  | { name: string; kind: 'plan'; label: string };

const lines = (s: unknown) =>
  String(s ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
const opt = (v: unknown) => (v === '' || v === undefined || v === null ? undefined : v);

interface Spec {
  fields: (s: CaseState) => FieldSpec[];
  body: (v: Values, s: CaseState) => Values;
  initial?: (s: CaseState) => Values;
}

export const SPECS: Partial<Record<CaseActionType, Spec>> = {
  note: { fields: () => [{ name: 'text', kind: 'textarea', label: 'note', required: true }], body: (v) => ({ text: v.text }) },
  assessment: {
    initial: (s) => ({ risk: s.risk, needs: s.needs.map((n) => ({ domain: n.domain, text: n.need })) }),
    fields: () => [
      { name: 'risk', kind: 'select', label: 'risk', options: RISK_LEVELS, labelOf: 'risk', required: true },
      { name: 'needs', kind: 'pairs', label: 'needs', domains: CARE_DOMAINS, textLabel: 'need' },
      { name: 'cwcProductionRequired', kind: 'checkbox', label: 'productionNeeded' },
    ],
    body: (v) => ({
      risk: v.risk,
      needs: ((v.needs as Pair[]) ?? []).filter((p) => p.text).map((p) => ({ domain: p.domain, need: p.text })),
      cwcProductionRequired: !!v.cwcProductionRequired || undefined,
    }),
  },
  produced_before_cwc: {
    // JJ Act 2015 s.38: an orphaned, abandoned or surrendered child's inquiry ends in a declaration
    // that the child is legally free for adoption, on the s.38 clock (s.35(3) for a surrender).
    fields: () => [
      { name: 'form17Ref', kind: 'text', label: 'formRef' },
      {
        name: 'adoptionCategory',
        kind: 'select',
        label: 'adoptionCategory',
        options: ADOPTION_INQUIRY_CATEGORIES,
        labelOf: 'adoptionCategory',
      },
      { name: 'upToTwoYears', kind: 'checkbox', label: 'upToTwoYears' },
      { name: 'surrenderedOn', kind: 'date', label: 'surrenderedOn' },
      { name: 'form23Ref', kind: 'text', label: 'form23Ref' },
    ],
    body: (v) => ({
      form17Ref: opt(v.form17Ref),
      adoptionInquiry: v.adoptionCategory
        ? {
            category: v.adoptionCategory,
            // Unticked: the server takes the age from the child's record (registry or the CWC's determination).
            upToTwoYears: v.upToTwoYears ? true : undefined,
            surrenderedOn: opt(v.surrenderedOn),
            form23Ref: opt(v.form23Ref),
          }
        : undefined,
    }),
  },
  journey_recorded: {
    fields: () => [
      { name: 'minutes', kind: 'text', label: 'journeyMinutes', required: true },
      { name: 'from', kind: 'text', label: 'journeyFrom' },
    ],
    body: (v) => ({ minutes: Number(v.minutes), from: opt(v.from) }),
  },
  age_test_ordered: {
    initial: () => ({ orderedOn: today(), test: 'ossification' }),
    fields: () => [
      { name: 'test', kind: 'select', label: 'ageTest', options: AGE_TESTS, labelOf: 'ageTest', required: true },
      { name: 'orderedOn', kind: 'date', label: 'orderedOn', required: true },
      { name: 'orderRef', kind: 'text', label: 'orderRef' },
    ],
    body: (v) => ({ test: v.test, orderedOn: v.orderedOn, orderRef: opt(v.orderRef) }),
  },
  age_determined: {
    initial: () => ({ determinedOn: today() }),
    fields: () => [
      { name: 'basis', kind: 'select', label: 'ageBasis', options: AGE_EVIDENCE, labelOf: 'ageEvidence', required: true },
      { name: 'dateOfBirth', kind: 'date', label: 'dateOfBirth', required: true },
      { name: 'determinedOn', kind: 'date', label: 'determinedOn', required: true },
      { name: 'documentRef', kind: 'text', label: 'documentRef' },
    ],
    body: (v) => ({ basis: v.basis, dateOfBirth: v.dateOfBirth, determinedOn: v.determinedOn, documentRef: opt(v.documentRef) }),
  },
  escort_ordered: {
    initial: () => ({ orderedOn: today(), purpose: 'transfer', escortBy: 'sjpu' }),
    fields: () => [
      { name: 'purpose', kind: 'select', label: 'escortPurpose', options: ESCORT_PURPOSES, labelOf: 'escortPurpose', required: true },
      { name: 'toDistrictCode', kind: 'district', label: 'toDistrict', required: true },
      { name: 'escortBy', kind: 'select', label: 'escortBy', options: ESCORT_BY, labelOf: 'escortBy', required: true },
      { name: 'womanEscort', kind: 'checkbox', label: 'womanEscort' },
      { name: 'orderedOn', kind: 'date', label: 'orderedOn', required: true },
      { name: 'orderRef', kind: 'text', label: 'orderRef' },
    ],
    body: (v) => ({
      purpose: v.purpose,
      toDistrictCode: v.toDistrictCode,
      escortBy: v.escortBy,
      womanEscort: v.womanEscort ? true : undefined,
      orderedOn: v.orderedOn,
      orderRef: opt(v.orderRef),
    }),
  },
  sir_ordered: { fields: () => [{ name: 'form21Ref', kind: 'text', label: 'formRef' }], body: (v) => ({ form21Ref: opt(v.form21Ref) }) },
  sir_submitted: {
    initial: () => ({ findings: [{ domain: 'family_background', text: '' }] }),
    fields: () => [
      { name: 'findings', kind: 'pairs', label: 'findings', domains: SIR_DOMAINS, textLabel: 'finding' },
      { name: 'recommendation', kind: 'textarea', label: 'recommendation', required: true },
      { name: 'recommendedCareOption', kind: 'select', label: 'recommendedCareOption', options: CARE_OPTIONS, labelOf: 'careOption' },
      { name: 'form22Ref', kind: 'text', label: 'formRef' },
    ],
    body: (v) => ({
      findings: ((v.findings as Pair[]) ?? []).filter((p) => p.text).map((p) => ({ domain: p.domain, finding: p.text })),
      recommendation: v.recommendation,
      recommendedCareOption: opt(v.recommendedCareOption),
      form22Ref: opt(v.form22Ref),
    }),
  },
  cwc_order: {
    initial: () => ({ kind: 'interim', orderedOn: today() }),
    fields: () => [
      { name: 'kind', kind: 'select', label: 'kind', options: CWC_ORDER_KINDS, labelOf: 'orderKind', required: true },
      { name: 'orderType', kind: 'select', label: 'orderType', options: CWC_ORDER_TYPES, labelOf: 'orderType', required: true },
      { name: 'form', kind: 'select', label: 'formRef', options: CWC_ORDER_FORMS, labelOf: 'orderForm' },
      { name: 'orderRef', kind: 'text', label: 'orderRef' },
      { name: 'orderedOn', kind: 'date', label: 'orderedOn', required: true },
    ],
    body: (v) => ({ kind: v.kind, orderType: v.orderType, form: opt(v.form), orderRef: opt(v.orderRef), orderedOn: v.orderedOn }),
  },
  care_plan: {
    initial: (s) => ({
      careOption: 'own_family',
      domains: s.needs.map((n) => ({ domain: n.domain, goals: n.need, services: '', provider: '', targetDate: '' })),
    }),
    fields: () => [
      { name: 'careOption', kind: 'select', label: 'careOption', options: CARE_OPTIONS, labelOf: 'careOption', required: true },
      { name: 'careOptionReason', kind: 'textarea', label: 'careOptionReason' },
      { name: 'domains', kind: 'plan', label: 'needs' },
    ],
    body: (v) => ({
      careOption: v.careOption,
      careOptionReason: opt(v.careOptionReason),
      domains: ((v.domains as PlanRow[]) ?? []).map((d) => ({
        domain: d.domain,
        goals: lines(d.goals),
        services: lines(d.services),
        providers: d.provider ? [{ kind: 'department', orgId: d.provider }] : [],
        targetDate: d.targetDate,
      })),
    }),
  },
  referral: {
    fields: () => [
      { name: 'domain', kind: 'select', label: 'domain', options: CARE_DOMAINS, labelOf: 'domain', required: true },
      { name: 'need', kind: 'textarea', label: 'need', required: true },
      { name: 'to', kind: 'org', label: 'to', required: true },
      { name: 'dueDate', kind: 'date', label: 'dueDate' },
    ],
    body: (v) => ({ domain: v.domain, need: v.need, to: { orgId: v.to }, dueDate: opt(v.dueDate) }),
  },
  referral_accepted: {
    fields: () => [{ name: 'referralId', kind: 'referral', label: 'referral', statuses: ['pending'] }],
    body: (v) => ({ referralId: v.referralId }),
  },
  referral_declined: {
    fields: () => [
      { name: 'referralId', kind: 'referral', label: 'referral', statuses: ['pending'] },
      { name: 'reason', kind: 'textarea', label: 'reason', required: true },
    ],
    body: (v) => ({ referralId: v.referralId, reason: v.reason }),
  },
  referral_done: {
    fields: () => [
      { name: 'referralId', kind: 'referral', label: 'referral', statuses: ['accepted'] },
      { name: 'outcome', kind: 'textarea', label: 'outcome', required: true },
    ],
    body: (v) => ({ referralId: v.referralId, outcome: v.outcome }),
  },
  review: {
    initial: () => ({ outcome: 'continue' }),
    fields: () => [
      { name: 'outcome', kind: 'select', label: 'outcome', options: REVIEW_OUTCOMES, labelOf: 'reviewOutcome', required: true },
      { name: 'notes', kind: 'textarea', label: 'notes' },
      { name: 'nextReviewDate', kind: 'date', label: 'nextReviewDate' },
    ],
    body: (v) => ({ outcome: v.outcome, notes: opt(v.notes), nextReviewDate: opt(v.nextReviewDate) }),
  },
  follow_up_visit: {
    initial: () => ({ visitedOn: today(), childSafe: true }),
    fields: () => [
      { name: 'visitedOn', kind: 'date', label: 'visitedOn', required: true },
      { name: 'findings', kind: 'textarea', label: 'findings', required: true },
      { name: 'childSafe', kind: 'checkbox', label: 'childSafe' },
      { name: 'nextVisitDate', kind: 'date', label: 'nextVisitDate' },
    ],
    body: (v) => ({ visitedOn: v.visitedOn, findings: v.findings, childSafe: !!v.childSafe, nextVisitDate: opt(v.nextVisitDate) }),
  },
  escalation: {
    fields: (s) => [
      {
        name: 'toLevel',
        kind: 'select',
        label: 'toLevel',
        options: LEVELS.filter((l) => levelRank(l) > levelRank(s.level)),
        labelOf: 'level',
        required: true,
      },
      { name: 'reason', kind: 'textarea', label: 'reason', required: true },
      { name: 'tried', kind: 'textarea', label: 'tried', required: true },
    ],
    initial: (s) => ({ toLevel: LEVELS[levelRank(s.level) + 1] }),
    body: (v) => ({ toLevel: v.toLevel, reason: v.reason, tried: v.tried }),
  },
  returned_down: {
    fields: () => [{ name: 'instructions', kind: 'textarea', label: 'instructions', required: true }],
    body: (v) => ({ instructions: v.instructions }),
  },
  flagged_for_convergence: {
    fields: () => [{ name: 'reason', kind: 'textarea', label: 'reason', required: true }],
    body: (v) => ({ reason: v.reason }),
  },
  transfer_requested: {
    fields: () => [
      { name: 'toDistrictCode', kind: 'district', label: 'toDistrict', required: true },
      { name: 'reason', kind: 'textarea', label: 'reason', required: true },
    ],
    body: (v) => ({ toDistrictCode: v.toDistrictCode, reason: v.reason }),
  },
  transfer_accepted: { fields: () => [], body: () => ({}) },
  transfer_rejected: {
    fields: () => [{ name: 'reason', kind: 'textarea', label: 'reason', required: true }],
    body: (v) => ({ reason: v.reason }),
  },
  transfer_cancelled: { fields: () => [{ name: 'reason', kind: 'textarea', label: 'reason' }], body: (v) => ({ reason: opt(v.reason) }) },
  closure: {
    fields: () => [
      { name: 'reason', kind: 'select', label: 'reason', options: CLOSURE_REASONS, labelOf: 'closureReason', required: true },
      { name: 'note', kind: 'textarea', label: 'note' },
    ],
    body: (v) => ({ reason: v.reason, note: opt(v.note) }),
  },
  reopening: { fields: () => [{ name: 'reason', kind: 'textarea', label: 'reason', required: true }], body: (v) => ({ reason: v.reason }) },
};

export function ActionForm({
  caseId,
  version,
  type,
  state,
  onDone,
  preset,
}: {
  caseId: string;
  version: number;
  type: CaseActionType;
  state: CaseState;
  onDone: () => void;
  preset?: Values;
}) {
  const { t } = useTranslation();
  const reason = useReason();
  const spec = SPECS[type]!;
  const fields = spec.fields(state);
  const [values, setValues] = useState<Values>(() => ({ ...(spec.initial?.(state) ?? {}), ...preset }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const orgs = useOrganisations();
  const districts = useDistricts(Number(state.location.stateCode));
  const write = useCasesWrite((body: Values) => recordAction(caseId, body));
  const set = (name: string, v: unknown) => setValues((x) => ({ ...x, [name]: v }));
  const label = (key: string) => t(`cases.field.${key}`);
  const orgOptions = (orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }));

  const submit = async () => {
    setErrors({});
    setOther([]);
    try {
      await write.mutateAsync({ type, version, ...spec.body(values, state) });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        const split = splitServerIssues(
          err,
          fields.map((f) => f.name).concat(['domains', 'findings', 'needs', 'to', 'careOptionReason', 'referralId', 'note']),
        );
        setErrors(split.fields);
        setOther(split.other.map((m) => translateReason(t, m)));
      } else if (err instanceof ApiError && err.status === 409 && err.code === 'invalid_transition') {
        // The domain's code, in the reader's language from the shared catalogue (never the English message).
        const reason = (err.body as { reason?: string } | null)?.reason;
        setOther([reason ? t(`refusal.${reason}`, { defaultValue: t('validation.invalid') }) : t('validation.invalid')]);
      } else {
        setOther([describeError(t, err)]);
      }
    }
  };

  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={t(`cases.action.${type}`)}
    >
      {other.length > 0 && (
        <Alert color="red" role="alert" title={t('cases.page.refused')}>
          {other.map((o) => (
            <Text key={o} size="sm">
              {o}
            </Text>
          ))}
        </Alert>
      )}
      {fields.map((f) => {
        const err = reason(errors[f.name]);
        switch (f.kind) {
          case 'text':
            return (
              <TextInput
                key={f.name}
                name={f.name}
                label={label(f.label)}
                required={f.required}
                value={String(values[f.name] ?? '')}
                onChange={(e) => set(f.name, e.currentTarget.value)}
                error={err}
              />
            );
          case 'textarea':
            return (
              <Textarea
                key={f.name}
                name={f.name}
                label={label(f.label)}
                required={f.required}
                autosize
                minRows={2}
                value={String(values[f.name] ?? '')}
                onChange={(e) => set(f.name, e.currentTarget.value)}
                error={err}
              />
            );
          case 'date':
            return (
              <TextInput
                key={f.name}
                type="date"
                name={f.name}
                label={label(f.label)}
                required={f.required}
                value={String(values[f.name] ?? '')}
                onChange={(e) => set(f.name, e.currentTarget.value)}
                error={err}
              />
            );
          case 'checkbox':
            return (
              <Checkbox
                key={f.name}
                name={f.name}
                label={label(f.label)}
                checked={!!values[f.name]}
                onChange={(e) => set(f.name, e.currentTarget.checked)}
              />
            );
          case 'select':
            return (
              <Select
                key={f.name}
                name={f.name}
                label={label(f.label)}
                required={f.required}
                error={err}
                clearable={!f.required}
                data={f.options.map((o) => ({ value: o, label: f.labelOf ? t(`cases.${f.labelOf}.${o}`) : o }))}
                value={(values[f.name] as string) ?? null}
                onChange={(v) => set(f.name, v ?? undefined)}
              />
            );
          case 'org':
            return (
              <Select
                key={f.name}
                name={f.name}
                label={label(f.label)}
                required={f.required}
                error={err}
                searchable
                data={orgOptions}
                value={(values[f.name] as string) ?? null}
                onChange={(v) => set(f.name, v ?? undefined)}
              />
            );
          case 'district':
            return (
              <Select
                key={f.name}
                name={f.name}
                label={label(f.label)}
                required={f.required}
                error={err}
                searchable
                data={(districts.data ?? [])
                  .filter((d) => String(d.lgdCode) !== state.location.districtCode)
                  .map((d) => ({ value: String(d.lgdCode), label: d.name }))}
                value={(values[f.name] as string) ?? null}
                onChange={(v) => set(f.name, v ?? undefined)}
              />
            );
          case 'referral':
            return (
              <Select
                key={f.name}
                name={f.name}
                label={label(f.label)}
                required
                error={err}
                data={state.referrals
                  .filter((r) => f.statuses.includes(r.status))
                  .map((r) => ({ value: r.referralId, label: `${t(`cases.domain.${r.domain}`)}: ${r.need}` }))}
                value={(values[f.name] as string) ?? null}
                onChange={(v) => set(f.name, v ?? undefined)}
              />
            );
          case 'pairs': {
            const rows = (values[f.name] as Pair[]) ?? [];
            const put = (i: number, p: Partial<Pair>) =>
              set(
                f.name,
                rows.map((r, j) => (j === i ? { ...r, ...p } : r)),
              );
            return (
              <Stack key={f.name} gap={4}>
                <Text size="sm" fw={500}>
                  {label(f.label)}
                </Text>
                {err && (
                  <Text size="xs" c="red">
                    {err}
                  </Text>
                )}
                {rows.map((r, i) => (
                  <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                    <Select
                      aria-label={label('domain')}
                      data={f.domains.map((d) => ({ value: d, label: t(`cases.domain.${d}`) }))}
                      value={r.domain}
                      onChange={(v) => put(i, { domain: v ?? r.domain })}
                      w={220}
                    />
                    <TextInput
                      aria-label={label(f.textLabel)}
                      value={r.text}
                      onChange={(e) => put(i, { text: e.currentTarget.value })}
                      style={{ flex: 1 }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={label('removeRow')}
                      onClick={() =>
                        set(
                          f.name,
                          rows.filter((_, j) => j !== i),
                        )
                      }
                    >
                      ×
                    </ActionIcon>
                  </Group>
                ))}
                <Button
                  variant="subtle"
                  size="xs"
                  w="fit-content"
                  onClick={() => set(f.name, [...rows, { domain: f.domains[0], text: '' }])}
                >
                  {label('addRow')}
                </Button>
              </Stack>
            );
          }
          case 'plan': {
            const rows = (values[f.name] as PlanRow[]) ?? [];
            const put = (i: number, p: Partial<PlanRow>) =>
              set(
                f.name,
                rows.map((r, j) => (j === i ? { ...r, ...p } : r)),
              );
            return (
              <Stack key={f.name} gap="xs">
                {errors.domains && (
                  <Text size="xs" c="red">
                    {reason(errors.domains)}
                  </Text>
                )}
                {rows.map((r, i) => (
                  <Stack key={i} gap={4} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
                    <Group gap="xs" grow>
                      <Select
                        label={label('domain')}
                        data={CARE_DOMAINS.map((d) => ({ value: d, label: t(`cases.domain.${d}`) }))}
                        value={r.domain}
                        onChange={(v) => put(i, { domain: v ?? r.domain })}
                      />
                      <TextInput
                        type="date"
                        label={label('targetDate')}
                        value={r.targetDate}
                        onChange={(e) => put(i, { targetDate: e.currentTarget.value })}
                        required
                      />
                    </Group>
                    <Textarea
                      label={label('goals')}
                      value={r.goals}
                      onChange={(e) => put(i, { goals: e.currentTarget.value })}
                      autosize
                      required
                    />
                    <Textarea
                      label={label('services')}
                      value={r.services}
                      onChange={(e) => put(i, { services: e.currentTarget.value })}
                      autosize
                    />
                    <Select
                      label={label('provider')}
                      data={orgOptions}
                      value={r.provider || null}
                      onChange={(v) => put(i, { provider: v ?? '' })}
                      clearable
                      searchable
                    />
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      w="fit-content"
                      onClick={() =>
                        set(
                          f.name,
                          rows.filter((_, j) => j !== i),
                        )
                      }
                    >
                      {label('removeRow')}
                    </Button>
                  </Stack>
                ))}
                <Button
                  variant="subtle"
                  size="xs"
                  w="fit-content"
                  onClick={() =>
                    set(f.name, [...rows, { domain: 'education_training', goals: '', services: '', provider: '', targetDate: '' }])
                  }
                >
                  {label('addRow')}
                </Button>
              </Stack>
            );
          }
        }
      })}
      <Group>
        <Button type="submit" loading={write.isPending}>
          {t('cases.common.save')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('cases.common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
