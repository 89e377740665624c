import { useMemo, useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import { useReason } from '../../forms/errors';
import { QueryState } from '../../components/Status';
import { PageHeader } from '../registry/shared/PageHeader';
import { api } from '../../api/client';
import { refusal, useAdminWrite, useKinds, useOrganisations, usePlaces, type Organisation } from './api';

const LEVELS = ['state', 'district', 'subdistrict', 'block', 'village'] as const;

/** The organisations of the administrator's jurisdiction, by level, and the form to add one. */
export default function OrganisationsPage() {
  const { t } = useTranslation();
  const [level, setLevel] = useState<string>('all');
  const [creating, setCreating] = useState(false);
  const q = useOrganisations(level === 'all' ? {} : { level });
  return (
    <>
      <PageHeader
        title={t('admin.title')}
        subtitle={<Text size="sm">{t('admin.intro')}</Text>}
        actions={!creating ? <Button onClick={() => setCreating(true)}>{t('admin.newOrg')}</Button> : undefined}
      />
      {creating && <NewOrganisationForm onDone={() => setCreating(false)} />}
      <SegmentedControl
        mb="sm"
        aria-label={t('admin.field.level')}
        value={level}
        onChange={setLevel}
        data={['all', ...LEVELS].map((l) => ({ value: l, label: t(`admin.level.${l}`) }))}
      />
      <QueryState query={q}>{(data) => <OrganisationTable items={data.items} />}</QueryState>
    </>
  );
}

function OrganisationTable({ items }: { items: Organisation[] }) {
  const { t } = useTranslation();
  if (!items.length) return <Text>{t('admin.none')}</Text>;
  return (
    <Table striped aria-label={t('admin.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('admin.col.name')}</Table.Th>
          <Table.Th>{t('admin.col.kind')}</Table.Th>
          <Table.Th>{t('admin.col.place')}</Table.Th>
          <Table.Th>{t('admin.col.members')}</Table.Th>
          <Table.Th>{t('admin.col.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((o) => (
          <Table.Tr key={o.id}>
            <Table.Td>
              <Anchor component={Link} to={`/admin/organisations/${o.id}`}>
                {o.name}
              </Anchor>
              {o.nameLocal && (
                <Text size="xs" c="dimmed">
                  {o.nameLocal}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{t(`admin.kind.${o.kind}`, { defaultValue: o.kind })}</Table.Td>
            <Table.Td>
              {o.placeName ?? '—'}{' '}
              <Text span size="xs" c="dimmed">
                ({t(`admin.level.${o.level}`)})
              </Text>
            </Table.Td>
            <Table.Td>{o.memberCount}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={o.active ? 'green' : 'gray'}>
                {o.active ? t('admin.active') : t('admin.inactive')}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Kind → the levels it fits → the place. The district list shows the whole state: the server
 * decides what lies in the administrator's jurisdiction and says so on the place.
 */
function NewOrganisationForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const reason = useReason();
  const { i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const kinds = useKinds();
  const [kind, setKind] = useState('');
  const [level, setLevel] = useState('');
  const [district, setDistrict] = useState(me.scope.districtCode ? String(me.scope.districtCode) : '');
  const [placeId, setPlaceId] = useState('');
  const [name, setName] = useState('');
  const [nameLocal, setNameLocal] = useState('');
  const [registration, setRegistration] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const spec = kinds.data?.find((k) => k.kind === kind);
  const stateCode = me.scope.stateCode ?? 27;
  const districts = usePlaces({ level: 'district', parentId: `st:${stateCode}` });
  const needsDistrict = level !== '' && level !== 'state';
  const places = usePlaces({ level, districtCode: district }, needsDistrict && level !== 'district' && !!district);
  const placeOptions = useMemo(() => {
    if (level === 'state') return [{ value: `st:${stateCode}`, label: me.jurisdiction.name }];
    if (level === 'district')
      return (districts.data?.items ?? []).filter((d) => String(d.districtCode) === district).map((d) => ({ value: d.id, label: d.name }));
    return (places.data?.items ?? []).map((p) => ({
      value: p.id,
      label: p.nameLocal && i18n.language !== 'en' ? `${p.nameLocal} (${p.name})` : p.name,
    }));
  }, [level, district, districts.data, places.data, stateCode, me.jurisdiction.name, i18n.language]);
  const save = useAdminWrite((body: Record<string, unknown>) => api.post<Organisation>('/admin/organisations', body));

  function submit(e: FormEvent) {
    e.preventDefault();
    const body = {
      kind,
      name,
      placeId: placeId || (placeOptions.length === 1 ? placeOptions[0].value : ''),
      ...(nameLocal ? { nameLocal } : {}),
      ...(registration ? { registration } : {}),
    };
    save.mutate(body, {
      onSuccess: (o) => {
        onDone();
        void navigate({ to: `/admin/organisations/${o.id}` });
      },
      onError: (err) => {
        const r = refusal(err, t, (k) => i18n.exists(k), reason as (m: string) => string);
        setErrors(r.fields);
        setGeneral(r.general);
      },
    });
  }
  const err = (f: string) => errors[f];
  return (
    <Card withBorder mb="md" component="form" onSubmit={submit} aria-label={t('admin.newOrg')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('admin.field.kind')}
            name="kind"
            required
            value={kind}
            error={err('kind')}
            onChange={(e) => {
              const k = e.currentTarget.value;
              setKind(k);
              const levels = kinds.data?.find((x) => x.kind === k)?.levels ?? [];
              setLevel(levels[0] ?? '');
              setPlaceId('');
            }}
            data={[
              { value: '', label: '—' },
              ...(kinds.data ?? []).map((k) => ({
                value: k.kind,
                label: `${t(`admin.kind.${k.kind}`, { defaultValue: k.kind })} (${k.kind})`,
              })),
            ]}
          />
          <NativeSelect
            label={t('admin.field.level')}
            name="level"
            value={level}
            disabled={!spec}
            onChange={(e) => {
              setLevel(e.currentTarget.value);
              setPlaceId('');
            }}
            data={(spec?.levels ?? []).map((l) => ({ value: l, label: t(`admin.level.${l}`) }))}
          />
          {needsDistrict && (
            <NativeSelect
              label={t('admin.field.district')}
              name="district"
              value={district}
              onChange={(e) => {
                setDistrict(e.currentTarget.value);
                setPlaceId('');
              }}
              data={[
                { value: '', label: '—' },
                ...(districts.data?.items ?? []).map((d) => ({ value: String(d.districtCode), label: d.name })),
              ]}
            />
          )}
          <NativeSelect
            label={t('admin.field.placeId')}
            name="placeId"
            required
            value={placeId}
            error={err('placeId')}
            onChange={(e) => setPlaceId(e.currentTarget.value)}
            data={[{ value: '', label: '—' }, ...placeOptions]}
          />
          <TextInput
            label={t('admin.field.name')}
            name="name"
            required
            value={name}
            error={err('name')}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <TextInput
            label={t('admin.field.nameLocal')}
            name="nameLocal"
            value={nameLocal}
            error={err('nameLocal')}
            onChange={(e) => setNameLocal(e.currentTarget.value)}
          />
          {spec?.registrationRequired && (
            <TextInput
              label={t('admin.field.registration')}
              name="registration"
              required
              value={registration}
              error={err('registration')}
              onChange={(e) => setRegistration(e.currentTarget.value)}
            />
          )}
        </SimpleGrid>
        {spec && (
          <Text size="xs" c="dimmed">
            {t('admin.basis')}: {spec.basis}
          </Text>
        )}
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('admin.create')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('admin.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
