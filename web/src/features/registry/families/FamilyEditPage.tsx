import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, ConflictError } from '../../../api/client';
import { useMe } from '../../../auth/session';
import { PersonName } from '../../../components/PersonName';
import { QueryState } from '../../../components/Status';
import { ConflictPanel } from '../../../forms/ConflictPanel';
import { DraftNotice } from '../../../forms/DraftNotice';
import { draftStorageKey } from '../../../forms/drafts';
import { useVersionedEdit } from '../../../forms/useVersionedEdit';
import { keys, useFamily } from '../api';
import { useFieldDisplay } from '../shared/display';
import { PageHeader } from '../shared/PageHeader';
import type { FamilyRecord } from '../types';
import { FamilyForm } from './FamilyForm';
import { FAMILY_EDIT_FIELDS, familyToForm } from './familyForm.model';
import { useDuplicateGate } from '../duplicates/DuplicateGate';

export default function FamilyEditPage() {
  const { familyId } = useParams({ strict: false }) as { familyId: string };
  const family = useFamily(familyId);
  return <QueryState query={family}>{(f) => <EditFamily key={f.id} record={f} />}</QueryState>;
}

function EditFamily({ record }: { record: FamilyRecord }) {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const display = useFieldDisplay();
  const edit = useVersionedEdit({
    draftKey: draftStorageKey(me.id, `family.edit.${record.id}`),
    record,
    toForm: familyToForm,
    fields: FAMILY_EDIT_FIELDS,
  });
  const back = () => void navigate({ to: `/families/${record.id}` });

  async function save(data: Record<string, unknown>) {
    try {
      await api.patch<FamilyRecord>(`/families/${record.id}`, data);
    } catch (err) {
      if (err instanceof ConflictError) return edit.conflict(err.current as FamilyRecord);
      throw err;
    }
    edit.saved();
    await qc.invalidateQueries({ queryKey: keys.all });
    back();
  }

  const door = useDuplicateGate('family', save);

  return (
    <>
      <PageHeader title={t('families.edit')} subtitle={<PersonName name={record.headName} nameLocal={record.headNameLocal} />} />
      {edit.restoredAt && !edit.theirs && <DraftNotice savedAt={edit.restoredAt} onDiscard={edit.discard} />}
      {edit.theirs && (
        <ConflictPanel
          rows={edit.rows}
          theirVersion={edit.theirs.version}
          label={(f) => t(f === 'vulnerabilityFactors' ? 'family.factors' : `family.${f}`)}
          display={display}
          onReapply={edit.reapply}
          onTakeTheirs={edit.takeTheirs}
        />
      )}
      {door.gate}
      <FamilyForm
        key={edit.formKey}
        mode="edit"
        initial={edit.values}
        base={edit.baseForm}
        version={edit.base.version}
        onValuesChange={edit.setValues}
        onSubmit={door.submit}
        onCancel={back}
      />
    </>
  );
}
