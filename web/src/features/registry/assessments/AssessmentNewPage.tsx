import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useMe } from '../../../auth/session';
import { PersonName } from '../../../components/PersonName';
import { QueryState } from '../../../components/Status';
import { DraftNotice } from '../../../forms/DraftNotice';
import { draftStorageKey, useDraft } from '../../../forms/drafts';
import { keys, useFamily, useInstrument } from '../api';
import { PageHeader } from '../shared/PageHeader';
import type { FamilyRecord, Instrument } from '../types';
import { AssessmentForm } from './AssessmentForm';
import { emptyAssessment } from './assessmentForm.model';

export default function AssessmentNewPage() {
  const { familyId } = useParams({ strict: false }) as { familyId: string };
  const family = useFamily(familyId);
  const instrument = useInstrument();
  return (
    <QueryState query={family}>
      {(fam) => <QueryState query={instrument}>{(inst) => <NewAssessment family={fam} instrument={inst} />}</QueryState>}
    </QueryState>
  );
}

function NewAssessment({ family, instrument }: { family: FamilyRecord; instrument: Instrument }) {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const draft = useDraft(draftStorageKey(me.id, `assessment.new.${family.id}`), emptyAssessment);
  const [formKey, setFormKey] = useState(0);
  const back = () => void navigate({ to: `/families/${family.id}` });

  async function save(data: Record<string, unknown>) {
    await api.post(`/families/${family.id}/assessments`, data);
    draft.reset(emptyAssessment());
    await qc.invalidateQueries({ queryKey: keys.all });
    back();
  }

  return (
    <>
      <PageHeader title={t('assessment.new')} subtitle={<PersonName name={family.headName} nameLocal={family.headNameLocal} />} />
      {draft.restoredAt && (
        <DraftNotice
          savedAt={draft.restoredAt}
          onDiscard={() => {
            draft.reset(emptyAssessment());
            setFormKey((k) => k + 1);
          }}
        />
      )}
      <AssessmentForm
        key={formKey}
        instrument={instrument}
        childOptions={(family.children ?? []).map((c) => ({
          value: c.id,
          label: c.nameLocal && c.nameLocal !== c.name ? `${c.name} (${c.nameLocal})` : c.name,
        }))}
        initial={draft.value}
        onValuesChange={draft.set}
        onSubmit={save}
        onCancel={back}
      />
    </>
  );
}
