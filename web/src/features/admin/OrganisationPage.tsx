import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../src/access/roles';
import { useReason } from '../../forms/errors';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { api } from '../../api/client';
import { refusal, useAdminWrite, useKinds, useMembers, useOrganisation, type Organisation } from './api';

/** One organisation: its place and legal basis, an edit form, its users and a form to add one. */
export default function OrganisationPage() {
  const { orgId } = useParams({ strict: false }) as { orgId: string };
  const { t } = useTranslation();
  const q = useOrganisation(orgId);
  const kinds = useKinds();
  return (
    <QueryState query={q}>
      {(o) => (
        <>
          <PageHeader
            title={o.name}
            subtitle={
              <Group gap="xs">
                <Badge variant="light">{t(`admin.kind.${o.kind}`, { defaultValue: o.kind })}</Badge>
                <Text size="sm">
                  {o.placeName ?? '—'} ({t(`admin.level.${o.level}`)})
                </Text>
                <Badge variant="light" color={o.active ? 'green' : 'gray'}>
                  {o.active ? t('admin.active') : t('admin.inactive')}
                </Badge>
              </Group>
            }
          />
          {kinds.data && (
            <Text size="xs" c="dimmed" mb="sm">
              {t('admin.basis')}: {kinds.data.find((k) => k.kind === o.kind)?.basis ?? '—'}
            </Text>
          )}
          <EditForm org={o} />
          <Members org={o} />
        </>
      )}
    </QueryState>
  );
}

function EditForm({ org }: { org: Organisation }) {
  const { t, i18n } = useTranslation();
  const reason = useReason();
  const [name, setName] = useState(org.name);
  const [nameLocal, setNameLocal] = useState(org.nameLocal ?? '');
  const [registration, setRegistration] = useState(org.registration ?? '');
  const [active, setActive] = useState(org.active);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // A reload (after a save or a conflict) shows the record as it now is.
  useEffect(() => {
    setName(org.name);
    setNameLocal(org.nameLocal ?? '');
    setRegistration(org.registration ?? '');
    setActive(org.active);
  }, [org]);
  const save = useAdminWrite((body: Record<string, unknown>) => api.patch<Organisation>(`/admin/organisations/${org.id}`, body));
  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    save.mutate(
      { version: org.version, name, nameLocal: nameLocal || null, registration: registration || null, active },
      {
        onSuccess: () => {
          setErrors({});
          setGeneral(null);
          setSaved(true);
        },
        onError: (err) => {
          const r = refusal(err, t, (k) => i18n.exists(k), reason as (m: string) => string);
          setErrors(r.fields);
          setGeneral(r.general);
        },
      },
    );
  }
  return (
    <Card withBorder mb="md" component="form" onSubmit={submit} aria-label={t('admin.edit')}>
      <Title order={2} size="h4" mb="xs">
        {t('admin.edit')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('admin.field.name')}
          name="name"
          required
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          label={t('admin.field.nameLocal')}
          name="nameLocal"
          value={nameLocal}
          error={errors.nameLocal}
          onChange={(e) => setNameLocal(e.currentTarget.value)}
        />
        <TextInput
          label={t('admin.field.registration')}
          name="registration"
          value={registration}
          error={errors.registration}
          onChange={(e) => setRegistration(e.currentTarget.value)}
        />
      </SimpleGrid>
      <Checkbox
        mt="sm"
        label={t('admin.field.active')}
        name="active"
        checked={active}
        error={errors.active}
        onChange={(e) => setActive(e.currentTarget.checked)}
      />
      {general && (
        <Alert color="red" role="alert" mt="sm">
          {general}
        </Alert>
      )}
      {saved && (
        <Text c="green" size="sm" mt="sm" role="status">
          {t('admin.saved')}
        </Text>
      )}
      <Button type="submit" mt="sm" loading={save.isPending}>
        {t('admin.save')}
      </Button>
    </Card>
  );
}

function Members({ org }: { org: Organisation }) {
  const { t, i18n } = useTranslation();
  const reason = useReason();
  const q = useMembers(org.id);
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    password: '',
    role: org.level === 'state' && org.kind === 'SCPS' ? 'scps_officer' : 'frontline_worker',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const save = useAdminWrite((body: Record<string, unknown>) => api.post<{ username: string }>('/users', body));
  function submit(e: FormEvent) {
    e.preventDefault();
    setCreated(null);
    // A member works in the organisation's area: its place is the user's jurisdiction.
    save.mutate(
      { ...form, organisationId: org.id, jurisdictionId: org.placeId },
      {
        onSuccess: (u) => {
          setCreated(u.username);
          setErrors({});
          setGeneral(null);
          setForm((f) => ({ ...f, username: '', displayName: '', password: '' }));
        },
        onError: (err) => {
          const r = refusal(err, t, (k) => i18n.exists(k), reason as (m: string) => string);
          setErrors(r.fields);
          setGeneral(r.general ?? (r.fields.jurisdictionId || r.fields.organisationId) ?? null);
        },
      },
    );
  }
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => {
    const v = e.currentTarget.value;
    setForm((f) => ({ ...f, [k]: v }));
  };
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('admin.membersTitle')}
      </Title>
      <QueryState query={q}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('admin.noMembers')}</Text>
          ) : (
            <Table striped aria-label={t('admin.membersTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.username')}</Table.Th>
                  <Table.Th>{t('admin.displayName')}</Table.Th>
                  <Table.Th>{t('admin.role')}</Table.Th>
                  <Table.Th>{t('admin.jurisdiction')}</Table.Th>
                  <Table.Th>{t('admin.col.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{m.username}</Table.Td>
                    <Table.Td>{m.displayName}</Table.Td>
                    <Table.Td>{t(`vocab.role.${m.role}`, { defaultValue: m.role })}</Table.Td>
                    <Table.Td>{m.jurisdictionName ?? '—'}</Table.Td>
                    <Table.Td>{m.active ? t('admin.active') : t('admin.inactive')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      <Card withBorder component="form" onSubmit={submit} aria-label={t('admin.newUser')}>
        <Title order={3} size="h5" mb="xs">
          {t('admin.newUser')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.username')}
            name="username"
            required
            value={form.username}
            error={errors.username}
            onChange={set('username')}
          />
          <TextInput
            label={t('admin.displayName')}
            name="displayName"
            required
            value={form.displayName}
            error={errors.displayName}
            onChange={set('displayName')}
          />
          <PasswordInput
            label={t('admin.password')}
            name="password"
            required
            value={form.password}
            error={errors.password}
            onChange={set('password')}
          />
          <NativeSelect
            label={t('admin.role')}
            name="role"
            value={form.role}
            error={errors.role}
            onChange={set('role')}
            data={ROLES.map((r) => ({ value: r, label: t(`vocab.role.${r}`) }))}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="xs">
          {t('admin.jurisdiction')}: {org.placeName ?? '—'}
        </Text>
        {general && (
          <Alert color="red" role="alert" mt="sm">
            {general}
          </Alert>
        )}
        {created && (
          <Text c="green" size="sm" mt="sm" role="status">
            {t('admin.userCreated', { username: created })}
          </Text>
        )}
        <Button type="submit" mt="sm" loading={save.isPending}>
          {t('admin.create')}
        </Button>
      </Card>
    </Stack>
  );
}
