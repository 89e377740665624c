import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { and, eq, inArray, sql } from 'drizzle-orm';
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
import { IMPORT_COLUMNS, REQUIRED_COLUMNS, importRow, type ImportRow } from './import.row';
import { duplicateScore, DUPLICATE_THRESHOLD, type Candidate } from './duplicates';

export interface ImportIssue { line: number; field: string; message: string }
export interface ImportResult {
  rows: number;
  created: { children: number; families: number; villages: number };
  invalid: ImportIssue[];
  duplicates: number;
}

const CHUNK = 500;

/** Reads and validates the whole file first; only valid rows are written, chunk by chunk. */
export async function runImport(
  database: Database,
  opts: { file: string; asUser: string; dryRun?: boolean; reportFile?: string; onProgress?: (done: number, total: number) => void; now?: Date },
): Promise<ImportResult> {
  const db = database.db;
  const found = await findUserByUsername(db, opts.asUser);
  if (!found) throw new HttpError(400, 'validation_failed', `--as: no user "${opts.asUser}"`);
  const actor = toActor(found.user, found.orgKind, 'cli');
  if (!can(actor, 'registry.import')) throw new HttpError(403, 'forbidden', `--as: role ${actor.role} may not import`);
  const text = decodeUtf8(readFileSync(opts.file));
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() });
  const header = parsed.meta.fields ?? [];
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new HttpError(400, 'validation_failed', `header (line 1): missing column(s) ${missing.join(', ')}`);
  const unknown = header.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) throw new HttpError(400, 'validation_failed', `header (line 1): unknown column(s) ${unknown.join(', ')}; expected ${IMPORT_COLUMNS.join(',')}`);

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
  const result: ImportResult = { rows: total, created: { children: 0, families: 0, villages: 0 }, invalid, duplicates: 0 };
  const report: string[][] = invalid.map((i) => [String(i.line), 'invalid', i.field, i.message]);
  const families = new Map<string, string>();
  const now = opts.now ?? new Date();
  opts.onProgress?.(total - valid.length, total);
  // Everyone already registered in the districts this file touches, indexed by phonetic key once:
  // re-querying per chunk made large imports quadratic.
  const index = new CandidateIndex(await existingCandidates(db, [...new Set(valid.map((v) => v.place.districtCode))]));
  for (let c = 0; c < valid.length; c += CHUNK) {
    const chunk = valid.slice(c, c + CHUNK);
    const write = async (tx: Db) => {
      const newFamilies: (typeof family.$inferInsert)[] = [];
      const newChildren: (typeof child.$inferInsert)[] = [];
      const newDuplicates: (typeof possibleDuplicate.$inferInsert)[] = [];
      for (const v of chunk) {
        const keys = indexKeys(v.row.child_name, v.row.child_name_local);
        const dob = v.row.dob ?? dobFromAge(Math.round(v.row.age!), now);
        const incoming: Candidate = { id: '', name: v.row.child_name, nameLocal: v.row.child_name_local ?? null, sex: v.row.sex, dob, districtCode: v.place.districtCode, villageId: v.place.villageId ?? null, keys };
        const best = index.bestMatch(incoming);
        if (best && best.score >= DUPLICATE_THRESHOLD) {
          result.duplicates++;
          report.push([String(v.line), 'possible_duplicate', 'child_name', `looks like ${best.id ? `existing child ${best.id}` : 'an earlier row of this file'} (score ${best.score.toFixed(2)})`]);
          newDuplicates.push({ stateCode: v.place.stateCode, districtCode: v.place.districtCode, source: `import:${opts.file.split('/').pop()}`, sourceLine: v.line, incoming: { ...v.row, dob, place: v.place } as Record<string, unknown>, existingChildId: best.id || null, score: best.score });
          continue;
        }
        const famKey = v.row.family_ref ? `${v.place.districtCode}:${v.row.family_ref}` : null;
        let familyId = famKey ? families.get(famKey) : undefined;
        if (!familyId) {
          familyId = crypto.randomUUID();
          newFamilies.push({
            id: familyId, ...v.place, headName: v.row.head_name, headNameLocal: v.row.head_name_local ?? null, nameKeys: indexKeys(v.row.head_name, v.row.head_name_local),
            caregiverType: v.row.caregiver_type, annualIncome: v.row.annual_income ?? null, vulnerabilityFactors: [...new Set(v.row.vulnerability_factors)], createdBy: actor.userId,
          });
          if (famKey) families.set(famKey, familyId);
        }
        const id = crypto.randomUUID();
        newChildren.push({
          id, ...v.place, familyId, name: v.row.child_name, nameLocal: v.row.child_name_local ?? null, nameKeys: keys, sex: v.row.sex,
          dob, dobEstimated: !v.row.dob, careStatus: v.row.care_status, schoolStatus: v.row.school_status ?? null, createdBy: actor.userId,
        });
        index.add({ ...incoming, id: opts.dryRun ? '' : id });
        report.push([String(v.line), 'created', '', opts.dryRun ? '' : id]);
      }
      result.created.families += newFamilies.length;
      result.created.children += newChildren.length;
      // One INSERT per table per chunk: row-by-row round trips made imports 100× slower.
      if (!opts.dryRun && newFamilies.length) await tx.insert(family).values(newFamilies);
      if (!opts.dryRun && newChildren.length) await tx.insert(child).values(newChildren);
      if (!opts.dryRun && newDuplicates.length) await tx.insert(possibleDuplicate).values(newDuplicates);
    };
    if (opts.dryRun) await write(db);
    else await db.transaction(write);
    opts.onProgress?.(total - valid.length + Math.min(c + CHUNK, valid.length), total);
  }
  result.created.villages = places.createdVillages;
  if (!opts.dryRun) await audit(db, actor, 'import', 'child', null, null, { file: opts.file.split('/').pop(), created: result.created, duplicates: result.duplicates, invalid: invalid.length });
  if (opts.reportFile) writeFileSync(opts.reportFile, Papa.unparse({ fields: ['line', 'status', 'field', 'message'], data: report.sort((a, b) => Number(a[0]) - Number(b[0])) }));
  return result;
}

export function decodeUtf8(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw new HttpError(400, 'validation_failed', 'file: is not valid UTF-8 (save the CSV as UTF-8)');
  }
}

/** Candidates by phonetic key, so each row is compared only with records sharing a key. */
class CandidateIndex {
  private byKey = new Map<string, Candidate[]>();
  constructor(candidates: Candidate[]) {
    for (const c of candidates) this.add(c);
  }
  add(c: Candidate) {
    for (const k of c.keys) {
      const list = this.byKey.get(k);
      if (list) list.push(c);
      else this.byKey.set(k, [c]);
    }
  }
  /** A duplicate shares every phonetic key of the incoming name: walk the rarest key's list only. */
  bestMatch(incoming: Candidate) {
    let best: { id: string; score: number } | null = null;
    if (!incoming.keys.length) return best;
    const lists = incoming.keys.map((k) => this.byKey.get(k) ?? []);
    const rarest = lists.reduce((a, b) => (b.length < a.length ? b : a));
    for (const c of rarest) {
      if (c.districtCode !== incoming.districtCode || !incoming.keys.every((k) => c.keys.includes(k))) continue;
      const score = duplicateScore(incoming, c);
      if (!best || score > best.score) best = { id: c.id, score };
    }
    return best;
  }
}

async function existingCandidates(db: Db, districts: number[]): Promise<Candidate[]> {
  if (!districts.length) return [];
  return db
    .select({ id: child.id, name: child.name, nameLocal: child.nameLocal, sex: child.sex, dob: child.dob, districtCode: child.districtCode, villageId: child.villageId, keys: child.nameKeys })
    .from(child)
    .where(inArray(child.districtCode, districts));
}

/** District, taluka and village names → LGD codes, cached; unknown villages are added under their taluka. */
class PlaceResolver {
  createdVillages = 0;
  private cache = new Map<string, Placement | { error: { field: string; message: string } }>();
  constructor(private db: Db, private actor: Actor, private dryRun: boolean) {}

  async resolve(r: ImportRow) {
    const key = `${r.district}|${r.taluka ?? ''}|${r.village}`.toLowerCase();
    if (!this.cache.has(key)) this.cache.set(key, await this.lookup(r));
    return this.cache.get(key)!;
  }

  private async lookup(r: ImportRow) {
    const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
    const districts = await this.db.select().from(location).where(and(eq(location.level, 'district'), sql`regexp_replace(lower(${location.name}), '[^a-z]', '', 'g') = ${norm(r.district)}`));
    const inScope = districts.filter((d) => covers(this.actor.scope, { stateCode: d.stateCode, districtCode: d.districtCode! }) || this.actor.scope.level !== 'state' && this.actor.scope.level !== 'national' && d.districtCode === this.actor.scope.districtCode);
    if (!districts.length) return { error: { field: 'district', message: `no district named "${r.district}"` } };
    const d = inScope[0] ?? (this.actor.scope.level === 'national' ? districts[0] : null);
    if (!d) return { error: { field: 'district', message: `"${r.district}" is outside your jurisdiction` } };
    const villages = await this.db.select().from(location).where(and(eq(location.level, 'village'), eq(location.districtCode, d.districtCode!), sql`lower(${location.name}) = ${r.village.toLowerCase()}`));
    let v = villages[0];
    if (!v) {
      if (!r.taluka) return { error: { field: 'taluka', message: `village "${r.village}" is not registered in ${d.name}: give its taluka so it can be added` } };
      const [t] = await this.db.select().from(location).where(and(eq(location.level, 'subdistrict'), eq(location.districtCode, d.districtCode!), sql`regexp_replace(lower(${location.name}), '[^a-z]', '', 'g') = ${norm(r.taluka)}`));
      if (!t) return { error: { field: 'taluka', message: `no taluka named "${r.taluka}" in ${d.name}` } };
      if (this.dryRun) return { stateCode: t.stateCode, districtCode: t.districtCode!, subdistrictCode: t.subdistrictCode, blockCode: null, villageId: null };
      v = await insertVillage(this.db, { name: r.village, parent: t });
      this.createdVillages++;
    }
    const p: Placement = { stateCode: v.stateCode, districtCode: v.districtCode!, subdistrictCode: v.subdistrictCode, blockCode: v.blockCode, villageId: v.id };
    if (!covers(this.actor.scope, p)) return { error: { field: 'village', message: `"${r.village}" is outside your jurisdiction` } };
    return p;
  }
}
