import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../http/context';
import { HttpError, badRequest } from '../../http/errors';
import { can, type Actor } from '../../access/policy';
import { audit } from '../../audit/audit.service';
import { catalogueLang, issueText } from '../../i18n/catalogue';
import { importCsv } from './import.service';
import type { ImportResultOut } from './import.model';
import { registryImportCommit } from './import.schema';

const isUniqueViolation = (e: unknown) => {
  const x = e as { code?: string; cause?: { code?: string } } | null;
  return x?.code === '23505' || x?.cause?.code === '23505';
};

/** The file as read (BOM and line endings aside): the same rows give the same digest. */
export const importDigest = (text: string) => createHash('sha256').update(text.replace(/\r\n?/g, '\n').trimEnd()).digest('hex');

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
    const digest = importDigest(text);
    result = await ctx.db.transaction(async (tx) => {
      // First, so that a second commit of the same file waits on this key and is then refused:
      // each transaction's duplicate check cannot see the other's rows until it commits.
      try {
        await tx.insert(registryImportCommit).values({
          digest,
          state: 'running',
          importedBy: actor.userId,
          stateCode: actor.scope.stateCode ?? null,
          districtCode: actor.scope.districtCode ?? null,
          startedAt: ctx.now(),
        });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new HttpError(409, 'import_already_committed', 'file: this file has already been imported: nothing was written', [
            { field: 'file', message: 'has already been imported' },
          ]);
        throw e;
      }
      const r = await run(tx);
      if (opts.expectChildren != null && r.created.children !== opts.expectChildren)
        throw new HttpError(
          409,
          'import_changed',
          `the file would now create ${r.created.children} children, not ${opts.expectChildren}: nothing was written; check it again`,
        );
      await audit(tx, actor, 'import', 'child', null, place, details(r), subjects(r));
      const written = r.created.children + r.created.families + r.created.villages + r.duplicates;
      // A file that wrote nothing (every row refused) may be corrected and loaded later.
      if (written === 0) await tx.delete(registryImportCommit).where(eq(registryImportCommit.digest, digest));
      else
        await tx
          .update(registryImportCommit)
          .set({ state: 'committed', children: r.created.children, families: r.created.families })
          .where(and(eq(registryImportCommit.digest, digest), eq(registryImportCommit.state, 'running')));
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
