import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useMe } from '../../../auth/session';
import { PersonName } from '../../../components/PersonName';
import { DraftNotice } from '../../../forms/DraftNotice';
import { draftStorageKey, useDraft } from '../../../forms/drafts';
import { keys, useFamily } from '../api';
import { PageHeader } from '../shared/PageHeader';
import type { ChildRecord } from '../types';
import { ChildForm } from './ChildForm';
import { emptyChild } from './childForm.model';
import { useDuplicateGate } from '../duplicates/DuplicateGate';

export default function ChildNewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { familyId } = useSearch({ strict: false }) as { familyId?: string };
  const family = useFamily(familyId ?? '');
  const fresh = () => emptyChild({ familyId: familyId ?? '' });
  const draft = useDraft(draftStorageKey(me.id, `child.new.${familyId ?? 'none'}`), fresh);
  const [formKey, setFormKey] = useState(0);

  async function save(data: Record<string, unknown>) {
    const created = await api.post<ChildRecord>('/children', data);
    draft.reset(fresh());
    await qc.invalidateQueries({ queryKey: keys.all });
    void navigate({ to: `/children/${created.id}` });
  }
  const door = useDuplicateGate('child', save);

  return (
    <>
      <PageHeader title={t('children.new')} />
      {draft.restoredAt && (
        <DraftNotice
          savedAt={draft.restoredAt}
          onDiscard={() => {
            draft.reset(fresh());
            setFormKey((k) => k + 1);
          }}
        />
      )}
      {door.gate}
      <ChildForm
        key={formKey}
        mode="create"
        initial={draft.value}
        onValuesChange={draft.set}
        onSubmit={door.submit}
        onCancel={() => window.history.back()}
        familyLabel={family.data ? <PersonName name={family.data.headName} nameLocal={family.data.headNameLocal} /> : familyId}
      />
    </>
  );
}
