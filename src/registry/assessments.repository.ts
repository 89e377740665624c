import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { assessment } from './registry.schema';

export function assessmentsOf(db: Db, familyId: string) {
  return db
    .select()
    .from(assessment)
    .where(eq(assessment.familyId, familyId))
    .orderBy(asc(assessment.assessedOn), asc(assessment.createdAt));
}

export async function insertAssessment(db: Db, values: typeof assessment.$inferInsert) {
  const [row] = await db.insert(assessment).values(values).returning();
  return row;
}
