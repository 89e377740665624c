import { and, asc, eq, ne, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { caseAttachment } from './cases.schema';
import { placeholderAs, preparedOnce } from '../db/prepared';

/** Attachment metadata. Callers check that the actor sees the whole case first. */
export const attachmentPublic = {
  id: caseAttachment.id,
  kind: caseAttachment.kind,
  contentType: caseAttachment.contentType,
  originalName: caseAttachment.originalName,
  description: caseAttachment.description,
  sizeBytes: caseAttachment.sizeBytes,
  sha256: caseAttachment.sha256,
  uploadedBy: caseAttachment.uploadedBy,
  uploadedAt: caseAttachment.uploadedAt,
};

/** Built once per database handle (src/db/prepared.ts): every case read asks it. */
export function attachmentsOf(db: Db, caseId: string) {
  return preparedOnce(db, 'case.attachments', () =>
    db
      .select(attachmentPublic)
      .from(caseAttachment)
      .where(eq(caseAttachment.caseId, placeholderAs('caseId', caseAttachment.caseId)))
      .orderBy(asc(caseAttachment.uploadedAt), asc(caseAttachment.id)),
  ).execute({ caseId });
}

export async function insertAttachment(db: Db, values: typeof caseAttachment.$inferInsert) {
  const [row] = await db.insert(caseAttachment).values(values).returning(attachmentPublic);
  return row;
}

export async function getAttachment(db: Db, caseId: string, id: string) {
  const [row] = await db
    .select()
    .from(caseAttachment)
    .where(and(eq(caseAttachment.caseId, caseId), eq(caseAttachment.id, id)));
  return row ?? null;
}

/**
 * An accepted transfer to another place: the case's attachments (its file) go with it, in the
 * transaction that records the acceptance (JJ Act 2015 s.95; the partition key is the state).
 */
export async function moveAttachmentsWithCase(db: Db, caseId: string, to: { stateCode: number; districtCode: number }): Promise<number> {
  const moved = await db
    .update(caseAttachment)
    .set({ stateCode: to.stateCode, districtCode: to.districtCode })
    .where(
      and(
        eq(caseAttachment.caseId, caseId),
        or(ne(caseAttachment.stateCode, to.stateCode), ne(caseAttachment.districtCode, to.districtCode)),
      ),
    )
    .returning({ id: caseAttachment.id });
  return moved.length;
}
