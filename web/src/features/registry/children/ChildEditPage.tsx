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
import { keys, useChild } from '../api';
import { useFieldDisplay } from '../shared/display';
import { PageHeader } from '../shared/PageHeader';
import type { ChildRecord } from '../types';
import { ChildForm } from './ChildForm';
import { CHILD_EDIT_FIELDS, childToForm } from './childForm.model';
import { useDuplicateGate } from '../duplicates/DuplicateGate';

export default function ChildEditPage() {
  const { childId } = useParams({ strict: false }) as { childId: string };
  const child = useChild(childId);
  return <QueryState query={child}>{(c) => <EditChild key={c.id} record={c} />}</QueryState>;
}

function EditChild({ record }: { record: ChildRecord }) {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const display = useFieldDisplay();
  const edit = useVersionedEdit({
    draftKey: draftStorageKey(me.id, `child.edit.${record.id}`),
    record,
    toForm: childToForm,
    fields: CHILD_EDIT_FIELDS,
  });
  const back = () => void navigate({ to: `/children/${record.id}` });

  async function save(data: Record<string, unknown>) {
    try {
      await api.patch<ChildRecord>(`/children/${record.id}`, data);
    } catch (err) {
      if (err instanceof ConflictError) return edit.conflict(err.current as ChildRecord);
      throw err;
    }
    edit.saved();
    await qc.invalidateQueries({ queryKey: keys.all });
    back();
  }
  const door = useDuplicateGate('child', save);

  return (
    <>
      <PageHeader title={t('children.edit')} subtitle={<PersonName name={record.name} nameLocal={record.nameLocal} />} />
      {edit.restoredAt && !edit.theirs && <DraftNotice savedAt={edit.restoredAt} onDiscard={edit.discard} />}
      {edit.theirs && (
        <ConflictPanel
          rows={edit.rows}
          theirVersion={edit.theirs.version}
          label={(f) => t(`child.${f}`)}
          display={display}
          onReapply={edit.reapply}
          onTakeTheirs={edit.takeTheirs}
        />
      )}
      {door.gate}
      <ChildForm
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
