import i18next from 'i18next';
import { ApiError } from '../../../api/client';

export interface ImportRowResult {
  line: number;
  status: 'created' | 'possible_duplicate' | 'invalid';
  field: string | null;
  reason: string | null;
  /** The reason in the reader's language (the server's catalogue). */
  text: string | null;
  childId: string | null;
  existingChildId: string | null;
}
export interface ImportResult {
  dryRun: boolean;
  counts: { rows: number; children: number; families: number; villages: number; duplicates: number; invalid: number };
  results: ImportRowResult[];
}

export const templateUrl = '/api/v1/registry/imports/template';

/**
 * The CSV to `POST /registry/imports` (multipart; the JSON client does not send files). A dry run
 * writes nothing; a commit sends the count the dry run showed, so a changed registry is a 409.
 */
export async function sendImport(file: File, opts: { dryRun: boolean; expectChildren?: number }): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file);
  const q = new URLSearchParams({ dryRun: String(opts.dryRun) });
  if (opts.expectChildren != null) q.set('expectChildren', String(opts.expectChildren));
  const res = await fetch(`/api/v1/registry/imports?${q}`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'accept-language': i18next.language || 'en' },
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, body.code ?? 'error', body.message ?? `${res.status}`, body.issues ?? [], body);
  return body as ImportResult;
}
