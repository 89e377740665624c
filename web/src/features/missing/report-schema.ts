import type { z } from 'zod';
import type { RecordKind } from '../../../../src/missing/domain/vocabulary';
import { foundChildInput, missingReportInput, publicMissingReportInput, publicSightingInput } from '../../../../src/missing/missing.model';

/** The server's schema for each form (the same words and limits on the page as on the server). */
export function schemaOf(kind: RecordKind, official: boolean): z.ZodType {
  if (official) return kind === 'missing' ? missingReportInput : foundChildInput;
  return kind === 'missing' ? publicMissingReportInput : publicSightingInput;
}
