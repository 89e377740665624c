import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useMe } from '../../../auth/session';
import { DraftNotice } from '../../../forms/DraftNotice';
import { draftStorageKey, useDraft } from '../../../forms/drafts';
import { keys } from '../api';
import { PageHeader } from '../shared/PageHeader';
import type { FamilyRecord } from '../types';
import { FamilyForm } from './FamilyForm';
import { emptyFamily } from './familyForm.model';
import { useDuplicateGate } from '../duplicates/DuplicateGate';

export default function FamilyNewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  // A village worker's families are all in her village: chosen for her.
  const fresh = () => emptyFamily({ locationId: me.scope.level === 'village' ? (me.scope.villageId ?? '') : '' });
  const draft = useDraft(draftStorageKey(me.id, 'family.new'), fresh);
  const [formKey, setFormKey] = useState(0);

  async function save(data: Record<string, unknown>) {
    const created = await api.post<FamilyRecord>('/families', data);
    draft.reset(fresh());
    await qc.invalidateQueries({ queryKey: keys.all });
    void navigate({ to: `/families/${created.id}` });
  }
  const door = useDuplicateGate('family', save);

  return (
    <>
      <PageHeader title={t('families.new')} />
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
      <FamilyForm
        key={formKey}
        mode="create"
        initial={draft.value}
        onValuesChange={draft.set}
        onSubmit={door.submit}
        onCancel={() => window.history.back()}
      />
    </>
  );
}
