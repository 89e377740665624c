import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, ConflictError } from '../../api/client';
import type { Place } from '../../api/types';
import { useMe } from '../../auth/session';
import { describeError, fieldKey, translateReason } from '../../forms/errors';
import { DEPARTMENT_KINDS } from '../../../../src/convergence/domain/types';
import { addMember, createGroup, patchGroup, patchMember, raiseAction, useConvergenceWrite } from './api';
import { useLabels } from './shared';
import type { GroupSummary, Member } from './types';
import { todayIst } from '../../app/clock';

/**
 * Creating and editing a convergence group and its members. The server decides (chair rules,
 * one group per area, one seat per person and department); its refusals land on the field
 * they are about, in the screen's language when the refusal's code is known.
 */

type Errors = Record<string, string>;

/** Server issues → this form's fields (`members[0].roles` → `members.roles`, then `rename`). */
function useServerErrors(rename: (key: string) => string = (k) => k) {
  const { t, i18n } = useTranslation();
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const capture = useCallback(
    (err: unknown, fields: readonly string[]) => {
      const out: Errors = {};
      let other: string | null = null;
      if (err instanceof ApiError && !(err instanceof ConflictError) && err.issues.length) {
        const coded = i18n.exists(`convergence.errors.${err.code}`) ? t(`convergence.errors.${err.code}`) : null;
        for (const issue of err.issues) {
          const key = rename(fieldKey(String(issue.field ?? '').replace(/\[\d+\]/g, '')));
          const message = coded ?? translateReason(t, issue.message);
          if (fields.includes(key)) out[key] ??= message;
          else other ??= message;
        }
      } else if (err instanceof ApiError && i18n.exists(`convergence.errors.${err.code}`)) {
        other = t(`convergence.errors.${err.code}`);
      } else other = describeError(t, err);
      setErrors(out);
      setGeneral(other);
    },
    [t, i18n, rename],
  );
  const clear = useCallback((key?: string) => {
    if (!key) {
      setErrors({});
      setGeneral(null);
    } else setErrors((e) => (key in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)) : e));
  }, []);
  return { errors, setErrors, general, capture, clear };
}

/** A department chosen from a list (all kinds, or those given), '—' while none is. */
function DepartmentSelect({
  name,
  label,
  value,
  onChange,
  error,
  departments = DEPARTMENT_KINDS,
  disabled,
}: {
  name: string;
  label: string;
  value: string | null;
  onChange: (department: string | null) => void;
  error?: string;
  departments?: readonly string[];
  disabled?: boolean;
}) {
  const { dept } = useLabels();
  return (
    <NativeSelect
      label={label}
      data={[{ value: '', label: '—' }, ...departments.map((d) => ({ value: d, label: dept(d) }))]}
      name={name}
      value={value ?? ''}
      disabled={disabled}
      onChange={(e) => onChange(e.currentTarget.value || null)}
      error={error}
      required
    />
  );
}

/** The end of each form: what the server refused that no field shows, then submit and cancel. */
function FormFooter({
  general,
  saving,
  submitLabel,
  onCancel,
  children,
}: {
  general: string | null;
  saving: boolean;
  submitLabel?: string;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {general && (
        <Alert color="red" role="alert" mt="sm">
          {general}
        </Alert>
      )}
      {children}
      <Group mt="sm">
        <Button type="submit" loading={saving}>
          {submitLabel ?? t('convergence.common.save')}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('convergence.common.cancel')}
        </Button>
      </Group>
    </>
  );
}

const FREQUENCIES = ['monthly', 'bimonthly', 'quarterly'] as const;

function usePlaces(level: 'district' | 'block', districtCode: number | null, stateCode: number | null | undefined) {
  return useQuery({
    queryKey: ['convergence', 'places', level, districtCode, stateCode],
    staleTime: Infinity,
    enabled: level === 'district' || !!districtCode,
    queryFn: async () =>
      (
        await api.get<{ items: Place[] }>(
          '/locations',
          level === 'district' ? { level } : { level, districtCode: districtCode ?? undefined },
        )
      ).items.filter((p) => stateCode == null || p.stateCode === stateCode),
  });
}

interface GroupValues {
  level: 'district' | 'block';
  district: string | null;
  block: string | null;
  name: string;
  nameLocal: string;
  meetingFrequency: string;
  meetingDay: number | string;
  anchorDepartments: string[];
  chairDepartment: string | null;
  chairName: string;
  chairDesignation: string;
}

const GROUP_FIELDS = [
  'level',
  'district',
  'block',
  'name',
  'nameLocal',
  'meetingFrequency',
  'meetingDay',
  'anchorDepartments',
  'chairDepartment',
  'chairName',
  'chairDesignation',
] as const;

/** A new group (with its chair), or the editable part of an existing one (`group`). */
export function GroupForm({ group, onDone }: { group?: GroupSummary & { meetingDay?: number | null }; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { dept } = useLabels();
  const editing = !!group;
  const ownDistrict = me.scope.districtCode ?? null;
  const [v, setV] = useState<GroupValues>({
    level: group?.level ?? 'district',
    district: ownDistrict ? `di:${ownDistrict}` : null,
    block: null,
    name: group?.name ?? '',
    nameLocal: group?.nameLocal ?? '',
    meetingFrequency: group?.meetingFrequency ?? 'monthly',
    meetingDay: group?.meetingDay ?? '',
    anchorDepartments: group?.anchorDepartments ?? [],
    chairDepartment: null,
    chairName: '',
    chairDesignation: '',
  });
  const rename = useCallback(
    (k: string) =>
      k === 'locationId'
        ? v.level === 'block'
          ? 'block'
          : 'district'
        : k === 'members' || k === 'members.roles' || k === 'members.department'
          ? 'chairDepartment'
          : k === 'members.name'
            ? 'chairName'
            : k === 'members.designation'
              ? 'chairDesignation'
              : k,
    [v.level],
  );
  const { errors, setErrors, general, capture, clear } = useServerErrors(rename);
  const set = <K extends keyof GroupValues>(k: K, value: GroupValues[K]) => {
    setV((prev) => ({ ...prev, [k]: value }));
    clear(k);
  };
  const districtCode = v.district ? Number(v.district.split(':')[1]) : null;
  const districts = usePlaces('district', null, me.scope.stateCode);
  const blocks = usePlaces('block', districtCode, me.scope.stateCode);
  const districtOptions = (districts.data ?? [])
    .filter((d) => !ownDistrict || d.districtCode === ownDistrict)
    .map((d) => ({ value: d.id, label: d.name }));
  const save = useConvergenceWrite(async (body: Record<string, unknown>) => (editing ? patchGroup(group!.id, body) : createGroup(body)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Errors = {};
    const day = v.meetingDay === '' ? undefined : Number(v.meetingDay);
    if (!v.name.trim()) local.name = t('convergence.form.required');
    if (!editing) {
      if (!v.district) local.district = t('convergence.form.required');
      if (v.level === 'block' && !v.block) local.block = t('convergence.form.required');
      if (!v.chairName.trim()) local.chairName = t('convergence.errors.chair_required');
      if (!v.chairDepartment) local.chairDepartment = t('convergence.errors.chair_required');
    }
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    const common = {
      name: v.name.trim(),
      nameLocal: v.nameLocal.trim() || (editing ? null : undefined),
      meetingFrequency: v.meetingFrequency,
      meetingDay: day ?? (editing ? null : undefined),
      anchorDepartments: v.anchorDepartments,
    };
    const body = editing
      ? { ...common, version: group!.version }
      : {
          ...common,
          level: v.level,
          locationId: v.level === 'block' ? v.block : v.district,
          members: [
            {
              department: v.chairDepartment,
              name: v.chairName.trim(),
              designation: v.chairDesignation.trim() || undefined,
              roles: ['chair'],
            },
          ],
        };
    try {
      const saved = (await save.mutateAsync(body)) as { id: string };
      clear();
      onDone(saved.id);
    } catch (err) {
      capture(err, GROUP_FIELDS);
    }
  }

  return (
    <Card withBorder mb="md" component="form" onSubmit={submit} noValidate aria-labelledby="group-form-title">
      <Title order={2} size="h4" mb="xs" id="group-form-title">
        {editing ? t('convergence.form.editGroup') : t('convergence.form.newGroup')}
      </Title>
      <Stack gap="sm">
        {!editing && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t('convergence.form.level')}
              data={[
                { value: 'district', label: t('convergence.level.district') },
                { value: 'block', label: t('convergence.level.block') },
              ]}
              value={v.level}
              name="level"
              onChange={(e) => set('level', e.currentTarget.value as 'district' | 'block')}
              error={errors.level}
            />
            <NativeSelect
              label={t('convergence.form.district')}
              data={[{ value: '', label: '—' }, ...districtOptions]}
              name="district"
              value={v.district ?? ''}
              onChange={(e) => set('district', e.currentTarget.value || null)}
              error={errors.district}
              required
            />
            {v.level === 'block' && (
              <NativeSelect
                label={t('convergence.form.block')}
                data={[{ value: '', label: '—' }, ...(blocks.data ?? []).map((b) => ({ value: b.id, label: b.name }))]}
                name="block"
                value={v.block ?? ''}
                onChange={(e) => set('block', e.currentTarget.value || null)}
                error={errors.block}
                required
              />
            )}
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            name="name"
            label={t('convergence.form.name')}
            value={v.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
            required
          />
          <TextInput
            name="nameLocal"
            label={t('convergence.form.nameLocal')}
            value={v.nameLocal}
            onChange={(e) => set('nameLocal', e.currentTarget.value)}
            error={errors.nameLocal}
          />
          <NativeSelect
            label={t('convergence.groups.frequency')}
            data={FREQUENCIES.map((f) => ({ value: f, label: t(`convergence.groups.frequencyValue.${f}`) }))}
            value={v.meetingFrequency}
            name="meetingFrequency"
            onChange={(e) => set('meetingFrequency', e.currentTarget.value)}
            error={errors.meetingFrequency}
          />
          <NumberInput
            name="meetingDay"
            label={t('convergence.form.meetingDay')}
            min={1}
            max={31}
            value={v.meetingDay}
            onChange={(x) => set('meetingDay', x)}
            error={errors.meetingDay}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('convergence.groups.anchors')}
          value={v.anchorDepartments}
          onChange={(x) => set('anchorDepartments', x)}
          error={errors.anchorDepartments}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt={4} spacing={4}>
            {DEPARTMENT_KINDS.map((d) => (
              <Checkbox key={d} value={d} label={dept(d)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {!editing && (
          <>
            <Title order={3} size="h5">
              {t('convergence.common.chair')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <DepartmentSelect
                name="chairDepartment"
                label={t('convergence.form.chairDepartment')}
                value={v.chairDepartment}
                onChange={(d) => set('chairDepartment', d)}
                error={errors.chairDepartment}
              />
              <TextInput
                name="chairName"
                label={t('convergence.form.chairName')}
                value={v.chairName}
                onChange={(e) => set('chairName', e.currentTarget.value)}
                error={errors.chairName}
                required
              />
              <TextInput
                name="chairDesignation"
                label={t('convergence.group.designation')}
                value={v.chairDesignation}
                onChange={(e) => set('chairDesignation', e.currentTarget.value)}
                error={errors.chairDesignation}
              />
            </SimpleGrid>
          </>
        )}
      </Stack>
      <FormFooter general={general} saving={save.isPending} onCancel={() => onDone(group?.id ?? '')} />
    </Card>
  );
}

interface MemberValues {
  department: string | null;
  name: string;
  designation: string;
  role: string;
  email: string;
  phone: string;
}

const MEMBER_FIELDS = ['department', 'name', 'designation', 'role', 'email', 'phone'] as const;

/** Adds a member (department or NGO representative) or edits one (`member`). */
export function MemberForm({ groupId, member, onDone }: { groupId: string; member?: Member; onDone: () => void }) {
  const { t } = useTranslation();
  const editing = !!member;
  const [v, setV] = useState<MemberValues>({
    department: member?.department ?? null,
    name: member?.name ?? '',
    designation: member?.designation ?? '',
    role: member?.roles.find((r) => r !== 'member') ?? 'member',
    email: member?.email ?? '',
    phone: member?.phone ?? '',
  });
  const rename = useCallback((k: string) => (k === 'roles' ? 'role' : k), []);
  const { errors, setErrors, general, capture, clear } = useServerErrors(rename);
  const set = <K extends keyof MemberValues>(k: K, value: MemberValues[K]) => {
    setV((prev) => ({ ...prev, [k]: value }));
    clear(k);
  };
  const save = useConvergenceWrite(async (body: Record<string, unknown>) =>
    editing ? patchMember(groupId, member!.id, body) : addMember(groupId, body),
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Errors = {};
    if (!v.department) local.department = t('convergence.form.required');
    if (!v.name.trim()) local.name = t('convergence.form.required');
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    const roles = [v.role];
    const body = editing
      ? {
          name: v.name.trim(),
          designation: v.designation.trim() || null,
          roles,
          email: v.email.trim() || null,
          phone: v.phone.trim() || null,
        }
      : {
          department: v.department,
          name: v.name.trim(),
          designation: v.designation.trim() || undefined,
          roles,
          email: v.email.trim() || undefined,
          phone: v.phone.trim() || undefined,
        };
    try {
      await save.mutateAsync(body);
      clear();
      onDone();
    } catch (err) {
      capture(err, MEMBER_FIELDS);
    }
  }

  return (
    <Card
      withBorder
      my="sm"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={editing ? t('convergence.form.editMember') : t('convergence.form.addMember')}
    >
      <Title order={3} size="h5" mb="xs">
        {editing ? t('convergence.form.editMember') : t('convergence.form.addMember')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DepartmentSelect
          name="department"
          label={t('convergence.common.department')}
          value={v.department}
          onChange={(d) => set('department', d)}
          error={errors.department}
          disabled={editing}
        />
        <TextInput
          name="name"
          label={t('convergence.form.memberName')}
          value={v.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          required
        />
        <TextInput
          name="designation"
          label={t('convergence.group.designation')}
          value={v.designation}
          onChange={(e) => set('designation', e.currentTarget.value)}
          error={errors.designation}
        />
        <NativeSelect
          label={t('convergence.form.role')}
          data={(['member', 'secretary', 'chair'] as const).map((r) => ({ value: r, label: t(`convergence.role.${r}`) }))}
          value={v.role}
          name="role"
          onChange={(e) => set('role', e.currentTarget.value)}
          error={errors.role}
        />
        <TextInput
          name="email"
          label={t('convergence.form.email')}
          type="email"
          value={v.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={errors.email}
        />
        <TextInput
          name="phone"
          label={t('convergence.form.phone')}
          type="tel"
          value={v.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          error={errors.phone}
        />
      </SimpleGrid>
      <FormFooter general={general} saving={save.isPending} onCancel={onDone} />
    </Card>
  );
}

/** Ends a member's seat today (the record of their past attendance stays). */
export function useRemoveMember(groupId: string) {
  return useConvergenceWrite((memberId: string) => patchMember(groupId, memberId, { until: todayIst() }));
}

interface RaiseValues {
  department: string | null;
  description: string;
  dueDate: string;
  officer: string;
}

const RAISE_FIELDS = ['department', 'description', 'dueDate', 'officer'] as const;

/**
 * Raises an action item between meetings (POST /convergence/groups/:id/actions): assigned
 * today to a department that sits in the group, due today or later; the server's refusals
 * (department_not_represented, due_date_past, …) land on their field.
 */
export function RaiseActionForm({ groupId, departments, onDone }: { groupId: string; departments: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<RaiseValues>({ department: null, description: '', dueDate: '', officer: '' });
  const [raised, setRaised] = useState(false);
  const { errors, setErrors, general, capture, clear } = useServerErrors();
  const set = <K extends keyof RaiseValues>(k: K, value: RaiseValues[K]) => {
    setV((prev) => ({ ...prev, [k]: value }));
    setRaised(false);
    clear(k);
  };
  const save = useConvergenceWrite((body: Record<string, unknown>) => raiseAction(groupId, body));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Errors = {};
    if (!v.department) local.department = t('convergence.form.required');
    if (!v.description.trim()) local.description = t('convergence.form.required');
    if (!v.dueDate) local.dueDate = t('convergence.form.required');
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    try {
      await save.mutateAsync({
        department: v.department,
        description: v.description.trim(),
        dueDate: v.dueDate,
        ...(v.officer.trim() ? { officer: v.officer.trim() } : {}),
      });
      clear();
      setV({ department: null, description: '', dueDate: '', officer: '' });
      setRaised(true);
    } catch (err) {
      capture(err, RAISE_FIELDS);
    }
  }

  return (
    <Card withBorder my="sm" component="form" onSubmit={submit} noValidate aria-label={t('convergence.raise.title')}>
      <Title order={3} size="h5">
        {t('convergence.raise.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('convergence.raise.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DepartmentSelect
          name="department"
          label={t('convergence.common.department')}
          value={v.department}
          onChange={(d) => set('department', d)}
          error={errors.department}
          departments={departments}
        />
        <TextInput
          type="date"
          name="dueDate"
          label={t('convergence.common.dueDate')}
          min={todayIst()}
          value={v.dueDate}
          onChange={(e) => set('dueDate', e.currentTarget.value)}
          error={errors.dueDate}
          required
        />
      </SimpleGrid>
      <Textarea
        name="description"
        label={t('convergence.raise.description')}
        autosize
        minRows={2}
        value={v.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        error={errors.description}
        required
        mt="xs"
      />
      <TextInput
        name="officer"
        label={t('convergence.raise.officer')}
        value={v.officer}
        onChange={(e) => set('officer', e.currentTarget.value)}
        error={errors.officer}
        mt="xs"
      />
      <FormFooter general={general} saving={save.isPending} submitLabel={t('convergence.raise.submit')} onCancel={onDone}>
        {raised && (
          <Alert color="green" role="status" mt="sm">
            {t('convergence.raise.raised')}
          </Alert>
        )}
      </FormFooter>
    </Card>
  );
}
