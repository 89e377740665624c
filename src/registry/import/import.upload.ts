import type { AppContext } from '../../http/context';
import { HttpError, badRequest } from '../../http/errors';
import { can, type Actor } from '../../access/policy';
import { audit } from '../../audit/audit.service';
import { catalogueLang, issueText } from '../../i18n/catalogue';
import { importCsv } from './import.service';
import type { ImportResultOut } from './import.model';

/** The web import (`POST /registry/imports`): at most this many bytes and rows per file; larger loads use `samanvay import`. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export const importTooLarge = () =>
  new HttpError(413, 'file_too_large', `file: is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB (split it, or use samanvay import)`, [
    { field: 'file', message: `is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB (split it, or use samanvay import)` },
  ]);

/**
 * One uploaded CSV through the same import as the CLI (`importCsv`). A dry run checks every row
 * and writes nothing (not even a new village). A commit runs the whole file in ONE transaction:
 * all valid rows and the audit entry, or nothing; with `expectChildren` (what the dry run showed),
 * a different count (the registry changed meanwhile) is a 409 and nothing is written.
 * Audited with ids and counts only, never a name or the file's name.
 */
export async function importUpload(
  ctx: AppContext,
  actor: Actor,
  bytes: Buffer,
  opts: { dryRun: boolean; expectChildren?: number; acceptLanguage?: string },
): Promise<ImportResultOut> {
  if (!can(actor, 'registry.import')) throw new HttpError(403, 'forbidden', `role ${actor.role} may not import`);
  if (bytes.length > MAX_IMPORT_BYTES) throw importTooLarge();
  if (bytes.length === 0) throw badRequest('file', 'is empty');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw badRequest('file', 'is not valid UTF-8 (save the CSV as UTF-8)');
  }
  const run = (db: AppContext['db']) =>
    importCsv(db, actor, {
      text,
      source: 'web',
      dryRun: opts.dryRun,
      inTransaction: !opts.dryRun,
      maxRows: MAX_IMPORT_ROWS,
      now: ctx.now(),
    });
  const place = { stateCode: actor.scope.stateCode ?? undefined, districtCode: actor.scope.districtCode ?? undefined };
  const details = (r: Awaited<ReturnType<typeof run>>) => ({
    dryRun: opts.dryRun,
    rows: r.rows,
    created: r.created,
    duplicates: r.duplicates,
    invalid: new Set(r.invalid.map((i) => i.line)).size,
  });
  const subjects = (r: Awaited<ReturnType<typeof run>>) => ({
    children: r.outcomes.flatMap((o) => [o.childId, o.existingChildId]).filter((id): id is string => !!id),
  });
  let result: Awaited<ReturnType<typeof run>>;
  if (opts.dryRun) {
    result = await run(ctx.db);
    // A dry run discloses which registered children the file's rows look like: audited as a read.
    await audit(ctx.db, actor, 'import_check', 'child', null, place, details(result), subjects(result));
  } else {
    result = await ctx.db.transaction(async (tx) => {
      const r = await run(tx);
      if (opts.expectChildren != null && r.created.children !== opts.expectChildren)
        throw new HttpError(
          409,
          'import_changed',
          `the file would now create ${r.created.children} children, not ${opts.expectChildren}: nothing was written; check it again`,
        );
      await audit(tx, actor, 'import', 'child', null, place, details(r), subjects(r));
      return r;
    });
  }
  const lang = catalogueLang(opts.acceptLanguage);
  return {
    dryRun: opts.dryRun,
    counts: {
      rows: result.rows,
      children: result.created.children,
      families: result.created.families,
      villages: result.created.villages,
      duplicates: result.duplicates,
      invalid: new Set(result.invalid.map((i) => i.line)).size,
    },
    results: result.outcomes.map((o) => ({
      line: o.line,
      status: o.status,
      field: o.field,
      reason: o.message,
      text: o.message ? issueText(lang, o.field ?? '', o.message) : null,
      childId: o.childId,
      existingChildId: o.existingChildId,
    })),
  };
}
