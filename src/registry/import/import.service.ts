import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client';
import { can, covers, type Actor, type Placement } from '../../access/policy';
import { findUserByUsername, toActor } from '../../users/users.repository';
import { location } from '../../locations/locations.schema';
import { insertVillage } from '../../locations/locations.repository';
import { child, family, possibleDuplicate } from '../registry.schema';
import { indexKeys } from '../name-index';
import { dobFromAge } from '../age';
import { audit } from '../../audit/audit.service';
import { HttpError } from '../../http/errors';
import { csvText } from '../../exports/csv';
import { IMPORT_COLUMNS, REQUIRED_COLUMNS, importRow, type ImportRow } from './import.row';
import { DuplicateFinder, loadRegistryCandidates, placeNamesFor, type LikelyDuplicate, type RegistryCandidate } from '../duplicates.finder';

export interface ImportIssue {
  line: number;
  field: string;
  message: string;
}
export interface ImportResult {
  rows: number;
  created: { children: number; families: number; villages: number };
  invalid: ImportIssue[];
  duplicates: number;
  /** Every row, in file order. */
  outcomes: ImportOutcome[];
}

const CHUNK = 500;
/** Rows whose duplicate check is scored by one engine (building an engine costs more than scoring a batch). */
const RESOLVE_BATCH = 5000;

/** One row's outcome, for the CLI's report file and the web app's table (ids only, never names). */
export interface ImportOutcome {
  line: number;
  status: 'created' | 'possible_duplicate' | 'invalid';
  field: string | null;
  message: string | null;
  /** The child created (absent on a dry run). */
  childId: string | null;
  /** A possible duplicate: the registered child it looks like (null: an earlier row of this file). */
  existingChildId: string | null;
  score: number | null;
}

/** Reads and validates the whole file first; only valid rows are written, chunk by chunk. */
export async function runImport(
  database: Database,
  opts: {
    file: string;
    asUser: string;
    dryRun?: boolean;
    reportFile?: string;
    onProgress?: (done: number, total: number) => void;
    now?: Date;
  },
): Promise<ImportResult> {
  const found = await findUserByUsername(database.db, opts.asUser);
  if (!found) throw new HttpError(400, 'validation_failed', `--as: no user "${opts.asUser}"`);
  const actor = toActor(found.user, found.orgKind, 'cli');
  if (!can(actor, 'registry.import')) throw new HttpError(403, 'forbidden', `--as: role ${actor.role} may not import`);
  const source = opts.file.split('/').pop() ?? 'file';
  const result = await importCsv(database.db, actor, { ...opts, text: decodeUtf8(readFileSync(opts.file)), source });
  if (!opts.dryRun)
    await audit(database.db, actor, 'import', 'child', null, null, {
      file: source,
      created: result.created,
      duplicates: result.duplicates,
      invalid: result.invalid.length,
    });
  if (opts.reportFile)
    writeFileSync(
      opts.reportFile,
      csvText(
        ['line', 'status', 'field', 'message'],
        result.outcomes.map((o) => [
          String(o.line),
          o.status,
          o.field ?? '',
          o.status === 'created'
            ? (o.childId ?? '')
            : o.status === 'possible_duplicate'
              ? `looks like ${o.existingChildId ? `existing child ${o.existingChildId}` : 'an earlier row of this file'} (score ${o.score!.toFixed(2)})`
              : (o.message ?? ''),
        ]),
      ),
    );
  return result;
}

/**
 * The one import: the CLI (`runImport`) and the web app (`POST /registry/imports`) both come
 * here. `actor` must hold `registry.import` (checked by the caller); every row's place must be
 * inside the actor's jurisdiction (`covers`, the one policy). With `inTransaction` the caller
 * has opened one transaction around the whole file (all or nothing); otherwise each chunk of
 * rows is its own transaction (large CLI loads). Auditing is the caller's.
 */
export async function importCsv(
  db: Db,
  actor: Actor,
  opts: {
    text: string;
    /** Where the rows came from, kept on held duplicates ("import:<source>"). */
    source: string;
    dryRun?: boolean;
    inTransaction?: boolean;
    /** More rows than this: 400 naming `file` before anything is checked. */
    maxRows?: number;
    onProgress?: (done: number, total: number) => void;
    now?: Date;
  },
): Promise<ImportResult> {
  if (!can(actor, 'registry.import')) throw new HttpError(403, 'forbidden', `role ${actor.role} may not import`);
  const parsed = Papa.parse<Record<string, string>>(opts.text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const header = parsed.meta.fields ?? [];
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    throw new HttpError(
      400,
      'validation_failed',
      `header (line 1): missing column(s) ${missing.join(', ')}`,
      missing.map((c) => ({ field: `file.${c}`, message: `column "${c}" is missing from the header (line 1)` })),
    );
  const unknown = header.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h));
  if (unknown.length)
    throw new HttpError(
      400,
      'validation_failed',
      `header (line 1): unknown column(s) ${unknown.join(', ')}; expected ${IMPORT_COLUMNS.join(',')}`,
      unknown.map((c) => ({ field: `file.${c}`, message: `column "${c}" is not one of ${IMPORT_COLUMNS.join(', ')}` })),
    );
  if (opts.maxRows != null && parsed.data.length > opts.maxRows)
    throw new HttpError(
      400,
      'validation_failed',
      `file: has ${parsed.data.length} rows; at most ${opts.maxRows} at a time here (split the file, or use samanvay import)`,
      [{ field: 'file', message: `has ${parsed.data.length} rows; at most ${opts.maxRows} at a time (split the file)` }],
    );

  const invalid: ImportIssue[] = [];
  for (const e of parsed.errors) if (e.row != null) invalid.push({ line: e.row + 2, field: '(row)', message: e.message });
  const badLines = new Set(invalid.map((i) => i.line));
  const places = new PlaceResolver(db, actor, !!opts.dryRun);
  const valid: { line: number; row: ImportRow; place: Placement }[] = [];
  for (const [i, raw] of parsed.data.entries()) {
    const line = i + 2;
    if (badLines.has(line)) continue;
    const r = importRow.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) invalid.push({ line, field: issue.path.join('.') || '(row)', message: issue.message });
      continue;
    }
    const place = await places.resolve(r.data);
    if ('error' in place) {
      invalid.push({ line, ...place.error });
      continue;
    }
    valid.push({ line, row: r.data, place });
  }

  const total = parsed.data.length;
  const outcomes: ImportOutcome[] = invalid.map((i) => ({
    line: i.line,
    status: 'invalid',
    field: i.field,
    message: i.message,
    childId: null,
    existingChildId: null,
    score: null,
  }));
  const result: ImportResult = { rows: total, created: { children: 0, families: 0, villages: 0 }, invalid, duplicates: 0, outcomes };
  const families = new Map<string, string>();
  const now = opts.now ?? new Date();
  opts.onProgress?.(total - valid.length, total);
  // Everyone already registered (and seen by the importer) in the districts this file touches,
  // indexed by phonetic key once: re-querying per chunk made large imports quadratic. Duplicates
  // are judged by the linkage engine (src/registry/duplicates.finder.ts), as everywhere else.
  const districts = [...new Set(valid.map((v) => v.place.districtCode))];
  const existing = await loadRegistryCandidates(db, actor, districts);
  const placeNames = await placeNamesFor(db, [...existing, ...valid.map((v) => v.place)]);
  const index = new DuplicateFinder(placeNames, { now });
  for (const c of existing) index.add(c);
  // Each row is compared with the registry and with the file's earlier rows (held duplicates
  // excepted), in file order; the pairs of RESOLVE_BATCH rows are scored by one engine.
  const prepared = valid.map((v) => {
    const nameKeys = [indexKeys(v.row.child_name), indexKeys(v.row.child_name_local)];
    const keys = [...new Set(nameKeys.flat())];
    const dob = v.row.dob ?? dobFromAge(Math.round(v.row.age!), now);
    const id = crypto.randomUUID();
    const incoming: RegistryCandidate = {
      id: opts.dryRun ? '' : id,
      name: v.row.child_name,
      nameLocal: v.row.child_name_local ?? null,
      otherNames: [],
      sex: v.row.sex,
      dob,
      stateCode: v.place.stateCode,
      districtCode: v.place.districtCode,
      village: v.row.village,
      father: null,
      mother: null,
      keys,
    };
    return { v, id, keys, dob, incoming, names: nameKeys };
  });
  const verdicts: (LikelyDuplicate | null)[] = [];
  for (let b = 0; b < prepared.length; b += RESOLVE_BATCH) {
    verdicts.push(...(await index.resolve(prepared.slice(b, b + RESOLVE_BATCH).map((p) => ({ child: p.incoming, names: p.names })))));
  }
  for (let c = 0; c < valid.length; c += CHUNK) {
    const write = async (tx: Db) => {
      const newFamilies: (typeof family.$inferInsert)[] = [];
      const newChildren: (typeof child.$inferInsert)[] = [];
      const newDuplicates: (typeof possibleDuplicate.$inferInsert)[] = [];
      for (let k = c; k < Math.min(c + CHUNK, valid.length); k++) {
        const { v, id, keys, dob } = prepared[k];
        const best = verdicts[k];
        if (best) {
          const score = Math.round(best.probability * 10_000) / 10_000;
          result.duplicates++;
          outcomes.push({
            line: v.line,
            status: 'possible_duplicate',
            field: 'child_name',
            message: `looks like ${best.childId ? 'a child already registered' : 'an earlier row of this file'}`,
            childId: null,
            existingChildId: best.childId || null,
            score,
          });
          newDuplicates.push({
            stateCode: v.place.stateCode,
            districtCode: v.place.districtCode,
            source: `import:${opts.source}`,
            sourceLine: v.line,
            incoming: { ...v.row, dob, place: v.place } as Record<string, unknown>,
            existingChildId: best.childId || null,
            score,
          });
          continue;
        }
        const famKey = v.row.family_ref ? `${v.place.districtCode}:${v.row.family_ref}` : null;
        let familyId = famKey ? families.get(famKey) : undefined;
        if (!familyId) {
          familyId = crypto.randomUUID();
          newFamilies.push({
            id: familyId,
            ...v.place,
            headName: v.row.head_name,
            headNameLocal: v.row.head_name_local ?? null,
            nameKeys: indexKeys(v.row.head_name, v.row.head_name_local),
            caregiverType: v.row.caregiver_type,
            annualIncome: v.row.annual_income ?? null,
            vulnerabilityFactors: [...new Set(v.row.vulnerability_factors)],
            createdBy: actor.userId,
          });
          if (famKey) families.set(famKey, familyId);
        }
        newChildren.push({
          id,
          ...v.place,
          familyId,
          name: v.row.child_name,
          nameLocal: v.row.child_name_local ?? null,
          nameKeys: keys,
          sex: v.row.sex,
          dob,
          dobEstimated: !v.row.dob,
          careStatus: v.row.care_status,
          schoolStatus: v.row.school_status ?? null,
          createdBy: actor.userId,
        });
        outcomes.push({
          line: v.line,
          status: 'created',
          field: null,
          message: null,
          childId: opts.dryRun ? null : id,
          existingChildId: null,
          score: null,
        });
      }
      result.created.families += newFamilies.length;
      result.created.children += newChildren.length;
      // One INSERT per table per chunk: row-by-row round trips made imports 100× slower.
      if (!opts.dryRun && newFamilies.length) await tx.insert(family).values(newFamilies);
      if (!opts.dryRun && newChildren.length) await tx.insert(child).values(newChildren);
      if (!opts.dryRun && newDuplicates.length) await tx.insert(possibleDuplicate).values(newDuplicates);
    };
    if (opts.dryRun || opts.inTransaction) await write(db);
    else await db.transaction(write);
    opts.onProgress?.(total - valid.length + Math.min(c + CHUNK, valid.length), total);
  }
  result.created.villages = places.createdVillages;
  outcomes.sort((a, b) => a.line - b.line);
  return result;
}

export function decodeUtf8(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw new HttpError(400, 'validation_failed', 'file: is not valid UTF-8 (save the CSV as UTF-8)');
  }
}

/** District, taluka and village names → LGD codes, cached; unknown villages are added under their taluka. */
class PlaceResolver {
  createdVillages = 0;
  private cache = new Map<string, Placement | { error: { field: string; message: string } }>();
  constructor(
    private db: Db,
    private actor: Actor,
    private dryRun: boolean,
  ) {}

  async resolve(r: ImportRow) {
    const key = `${r.district}|${r.taluka ?? ''}|${r.village}`.toLowerCase();
    if (!this.cache.has(key)) this.cache.set(key, await this.lookup(r));
    return this.cache.get(key)!;
  }

  private async lookup(r: ImportRow) {
    const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
    const districts = await this.db
      .select()
      .from(location)
      .where(and(eq(location.level, 'district'), sql`regexp_replace(lower(${location.name}), '[^a-z]', '', 'g') = ${norm(r.district)}`));
    const inScope = districts.filter(
      (d) =>
        covers(this.actor.scope, { stateCode: d.stateCode, districtCode: d.districtCode! }) ||
        (this.actor.scope.level !== 'state' && this.actor.scope.level !== 'national' && d.districtCode === this.actor.scope.districtCode),
    );
    if (!districts.length) return { error: { field: 'district', message: `no district named "${r.district}"` } };
    const d = inScope[0] ?? (this.actor.scope.level === 'national' ? districts[0] : null);
    if (!d) return { error: { field: 'district', message: `"${r.district}" is outside your jurisdiction` } };
    const villages = await this.db
      .select()
      .from(location)
      .where(
        and(
          eq(location.level, 'village'),
          eq(location.districtCode, d.districtCode!),
          sql`lower(${location.name}) = ${r.village.toLowerCase()}`,
        ),
      );
    let v = villages[0];
    if (!v) {
      if (!r.taluka)
        return {
          error: { field: 'taluka', message: `village "${r.village}" is not registered in ${d.name}: give its taluka so it can be added` },
        };
      const [t] = await this.db
        .select()
        .from(location)
        .where(
          and(
            eq(location.level, 'subdistrict'),
            eq(location.districtCode, d.districtCode!),
            // The display name or the official LGD spelling (src/locations/display-names.ts): "Teosa" is Tiwsa.
            sql`(regexp_replace(lower(${location.name}), '[^a-z]', '', 'g') = ${norm(r.taluka)}
              OR regexp_replace(lower(coalesce(${location.lgdName}, '')), '[^a-z]', '', 'g') = ${norm(r.taluka)})`,
          ),
        );
      if (!t) return { error: { field: 'taluka', message: `no taluka named "${r.taluka}" in ${d.name}` } };
      if (this.dryRun)
        return {
          stateCode: t.stateCode,
          districtCode: t.districtCode!,
          subdistrictCode: t.subdistrictCode,
          blockCode: null,
          villageId: null,
        };
      v = await insertVillage(this.db, { name: r.village, parent: t });
      this.createdVillages++;
    }
    const p: Placement = {
      stateCode: v.stateCode,
      districtCode: v.districtCode!,
      subdistrictCode: v.subdistrictCode,
      blockCode: v.blockCode,
      villageId: v.id,
    };
    if (!covers(this.actor.scope, p)) return { error: { field: 'village', message: `"${r.village}" is outside your jurisdiction` } };
    return p;
  }
}
