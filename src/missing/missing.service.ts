import { randomBytes, createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { publish } from '../events/events';
import type { Db } from '../db/client';
import { covers, requirePermission, type Actor, type Placement } from '../access/policy';
import { nameSearchable, requireWritable } from '../access/fields';
import { identityFields } from '../access/fields/load';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { getLocation } from '../locations/locations.repository';
import { getChild } from '../registry/children.repository';
import { checkPhoto, MAX_PHOTO_BYTES, PHOTO_TYPES } from './photos';
import { MAX_YEARS_BACK, type RecordKind } from './domain/vocabulary';
import { normaliseReference } from './domain/reference';
import { missingRecord } from './missing.schema';
import {
  countRecords,
  districtExists,
  getRecord,
  getRecordSeen,
  insertRecord,
  listRecords,
  readBack,
  getPhotoSeen,
  placeOfRecord,
  recordConditions,
  updateRecord,
  type RecordRow,
} from './missing.repository';
import { blockKeysFor, matchAfterCommit, matchingModel, type MatchRun } from './matching.service';
import { matchesOfRecord } from './matches.service';
import { viewOf } from './missing.views';
import type {
  FoundChildInput,
  MissingReportInput,
  ModerationInput,
  PublicMissingReportInput,
  PublicSightingInput,
  RecordListQuery,
  RecordPatch,
} from './missing.model';
import { istToday, istYearsBefore } from '../kernel/clock';

/**
 * Missing-child reports and found-child records: official entry (matched at once), public
 * submissions (held for moderation), moderation, reading, editing and photos. Every read and
 * write of a record is audited; audit details carry ids and counts, never names.
 */

// ---------------------------------------------------------------- checks needing the clock or the database

// The IST calendar day: a child last seen this morning in India is not "in the future" while UTC is still on yesterday.
const today = (now: Date) => istToday(now);

/** Dates are checked against the server's clock: not in the future, not impossibly old. */
function checkDate(field: string, value: string | null | undefined, now: Date) {
  if (!value) return;
  if (value > today(now)) throw badRequest(field, 'cannot be in the future');
  const oldest = istYearsBefore(now, MAX_YEARS_BACK);
  if (value < oldest) throw badRequest(field, `is more than ${MAX_YEARS_BACK} years ago`);
}

async function placementFor(db: Db, districtCode: number, villageId?: string | null): Promise<Placement & { villageName: string | null }> {
  const d = await districtExists(db, districtCode);
  if (!d) throw badRequest('districtCode', `no LGD district ${districtCode}`);
  if (villageId) {
    const v = await getLocation(db, villageId);
    if (!v || v.level !== 'village') throw badRequest('villageId', `no village "${villageId}"`);
    if (v.districtCode !== districtCode) throw badRequest('villageId', 'is not in the chosen district');
    return {
      stateCode: v.stateCode,
      districtCode,
      subdistrictCode: v.subdistrictCode,
      blockCode: v.blockCode,
      villageId: v.id,
      villageName: v.name,
    };
  }
  return { stateCode: d.stateCode, districtCode, subdistrictCode: null, blockCode: null, villageId: null, villageName: null };
}

async function checkDistrict(db: Db, field: string, code: number | null | undefined) {
  if (code != null && !(await districtExists(db, code))) throw badRequest(field, `no LGD district ${code}`);
}

type Common = Omit<typeof missingRecord.$inferInsert, 'id' | 'number' | 'reference'>;

function personValues(input: MissingReportInput | FoundChildInput | PublicMissingReportInput | PublicSightingInput) {
  return {
    name: input.name || null,
    nameLocal: input.nameLocal || null,
    aliases: input.aliases ?? [],
    sex: input.sex,
    ageYears: input.ageYears ?? null,
    ageEstimated: input.ageEstimated ?? true,
    fatherName: input.fatherName || null,
    motherName: input.motherName || null,
    guardianName: input.guardianName || null,
    language: input.language || null,
    heightCm: input.heightCm ?? null,
    weightKg: input.weightKg ?? null,
    marks: input.marks || null,
    clothing: input.clothing || null,
    description: input.description || null,
    reporterName: input.reporterName || null,
    reporterRelation: ('reporterRelation' in input ? input.reporterRelation : null) || null,
    reporterPhone: input.reporterPhone || null,
    reporterEmail: input.reporterEmail || null,
  };
}

async function missingValues(db: Db, input: MissingReportInput | PublicMissingReportInput, now: Date, villageId?: string | null) {
  checkDate('lastSeenOn', input.lastSeenOn, now);
  await checkDistrict(db, 'lastSeenDistrictCode', input.lastSeenDistrictCode);
  const p = await placementFor(db, input.districtCode, villageId);
  const { villageName, ...placement } = p;
  return {
    placement,
    values: {
      kind: 'missing' as const,
      ...placement,
      ...personValues(input),
      place: input.place || villageName || null,
      address: input.address || null,
      eventDate: input.lastSeenOn,
      eventPlace: input.lastSeenPlace || null,
      eventDistrictCode: input.lastSeenDistrictCode ?? null,
    },
  };
}

async function foundValues(db: Db, input: FoundChildInput | PublicSightingInput, now: Date, villageId?: string | null) {
  checkDate('foundOn', input.foundOn, now);
  const p = await placementFor(db, input.districtCode, villageId);
  const { villageName, ...placement } = p;
  return {
    placement,
    values: {
      kind: 'found' as const,
      ...placement,
      ...personValues(input),
      place: villageName,
      address: input.statedHome || null,
      eventDate: input.foundOn,
      eventPlace: input.foundPlace || villageName || null,
      eventDistrictCode: input.districtCode,
      currentCare: input.currentCare ?? null,
      currentPlace: input.currentPlace || null,
    },
  };
}

/** `inTransaction` runs first in the saving transaction (the public forms' limits and challenge): a refusal there writes nothing. */
async function saveNew(
  ctx: AppContext,
  actor: Actor | null,
  values: Common,
  placement: Placement,
  inTransaction?: (tx: Db) => Promise<void>,
) {
  const blockKeys = await blockKeysFor(ctx.db, {
    ...values,
    id: '',
    kind: values.kind as RecordKind,
    aliases: values.aliases ?? [],
  } as never);
  return ctx.db.transaction(async (tx) => {
    if (inTransaction) await inTransaction(tx);
    const row = await insertRecord(tx, {
      ...values,
      blockKeys,
      blockKeysModel: matchingModel().version,
      matchState: values.status === 'open' ? 'pending' : 'not_applicable',
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    });
    await audit(tx, actor, actor ? 'create' : 'public_submit', 'missing_record', row.id, placement, {
      kind: row.kind,
      channel: row.channel,
      source: row.source,
      photo: !!row.photoStoredName,
    });
    return row;
  });
}

// ---------------------------------------------------------------- official entry

async function officialCreate(
  ctx: AppContext,
  actor: Actor,
  kind: RecordKind,
  input: MissingReportInput | FoundChildInput,
  photo?: Buffer | null,
) {
  requirePermission(actor, 'missing.write');
  const now = ctx.now();
  const built =
    kind === 'missing'
      ? await missingValues(ctx.db, input as MissingReportInput, now, input.villageId)
      : await foundValues(ctx.db, input as FoundChildInput, now, input.villageId);
  requireCoversField(actor, built.placement, input.villageId ? 'villageId' : 'districtCode');
  let childId: string | null = null;
  if (kind === 'missing' && (input as MissingReportInput).childId) {
    childId = (input as MissingReportInput).childId!;
    const c = await getChild(ctx.db, actor, childId, 'minimal');
    if (!c) throw badRequest('childId', 'no such child in your jurisdiction');
  }
  const extra =
    kind === 'missing'
      ? { policeStation: (input as MissingReportInput).policeStation || null, firNumber: (input as MissingReportInput).firNumber || null }
      : {};
  const row = await withPhoto(ctx, photo, 'photo', (photoColumns) =>
    saveNew(
      ctx,
      actor,
      {
        ...built.values,
        ...extra,
        ...photoColumns,
        childId,
        status: 'open',
        channel: 'official',
        source: input.source,
        createdBy: actor.userId,
      } as Common,
      built.placement,
    ),
  );
  const matching = await matchAfterCommit(ctx, row.id);
  return { ...(await viewOf(ctx.db, await readBack(ctx.db, actor, row.id))), matching: matchingSummary(matching) };
}

const matchingSummary = (m: MatchRun | null) => (m ? { candidates: m.candidates, proposed: m.proposed } : { deferred: true });

export const createMissingReport = (ctx: AppContext, actor: Actor, input: MissingReportInput, photo?: Buffer | null) =>
  officialCreate(ctx, actor, 'missing', input, photo);
export const createFoundChild = (ctx: AppContext, actor: Actor, input: FoundChildInput, photo?: Buffer | null) =>
  officialCreate(ctx, actor, 'found', input, photo);

// ---------------------------------------------------------------- public submissions

/**
 * A citizen's report or sighting: held for moderation, never matched until an official
 * accepts it, and the answer is only a reference number (the public reads nothing back).
 */
export async function submitPublic(
  ctx: AppContext,
  kind: RecordKind,
  input: PublicMissingReportInput | PublicSightingInput,
  photo?: Buffer | null,
  /** The public forms' limits (public-limits.ts), checked in the saving transaction with the photo's stored size. */
  guard?: (tx: Db, photoBytes: number) => Promise<void>,
) {
  const now = ctx.now();
  const built =
    kind === 'missing'
      ? await missingValues(ctx.db, input as PublicMissingReportInput, now)
      : await foundValues(ctx.db, input as PublicSightingInput, now);
  // A photo is held with the submission: seen by the district's officials while they moderate it.
  const row = await withPhoto(ctx, photo, 'photo', (photoColumns) =>
    saveNew(
      ctx,
      null,
      {
        ...built.values,
        ...photoColumns,
        status: 'pending_moderation',
        channel: 'public',
        source: 'citizen',
        createdBy: null,
      } as Common,
      built.placement,
      guard ? (tx) => guard(tx, photoColumns.photoSize ?? 0) : undefined,
    ),
  );
  // A sighting may be a child in danger now: it also goes to the district's helpline queue as a
  // call (src/helpline/helpline.events.ts), not only to moderation. Published after the save
  // commits: should the server stop between the two, the sighting still waits in moderation.
  if (kind === 'found') {
    await publish(ctx.db, {
      type: 'missing.public_sighting_submitted',
      aggregateType: 'missing_record',
      aggregateId: row.id,
      payload: { recordId: row.id, place: built.placement },
      stateCode: built.placement.stateCode,
      districtCode: built.placement.districtCode,
      at: now,
    });
  }
  return {
    reference: row.reference,
    status: 'pending_moderation' as const,
    message:
      kind === 'missing'
        ? 'Thank you. Your report will be checked by the district child protection unit. Keep this reference number; you may be called on the phone number you gave.'
        : 'Thank you. Your sighting will be checked by the district child protection unit. Keep this reference number.',
  };
}

// ---------------------------------------------------------------- moderation

export async function moderate(ctx: AppContext, actor: Actor, id: string, input: ModerationInput) {
  requirePermission(actor, 'missing.review');
  const now = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const r = await getRecord(tx, actor, id, { forUpdate: true });
    if (!r) throw notFound('Record');
    if (input.version !== undefined && input.version !== r.version)
      throw conflict(`Someone else changed this record (now version ${r.version})`);
    if (r.status !== 'pending_moderation')
      throw new HttpError(409, 'already_moderated', `This record is ${r.status}, not waiting for moderation`);
    const set: Partial<typeof missingRecord.$inferInsert> = {
      moderatedBy: actor.userId,
      moderatedAt: now,
      moderationReason: input.reason || null,
    };
    if (input.decision === 'reject') {
      set.status = 'rejected';
      set.matchState = 'not_applicable';
      // A rejected submission's photo is not kept (removed from storage after the commit).
      Object.assign(set, { photoStoredName: null, photoContentType: null, photoSize: null, photoSha256: null });
    } else {
      set.status = 'open';
      set.matchState = 'pending';
      if (input.districtCode && input.districtCode !== r.districtCode) {
        const p = await placementFor(tx, input.districtCode);
        // A moderator corrects the district within their own jurisdiction: moving a submission
        // into another district would put it in a queue the moderator has no say over.
        requireCoversField(actor, p, 'districtCode');
        Object.assign(set, {
          stateCode: p.stateCode,
          districtCode: p.districtCode,
          subdistrictCode: null,
          blockCode: null,
          villageId: null,
        });
        set.blockKeys = await blockKeysFor(tx, { ...r, ...set } as RecordRow);
        set.blockKeysModel = matchingModel().version;
      }
    }
    const updated = await updateRecord(tx, actor, id, r.version, set, now);
    if (!updated) throw conflict('Someone else changed this record');
    await audit(tx, actor, 'moderate', 'missing_record', id, placeOfRecord(r), {
      decision: input.decision,
      movedTo: set.districtCode ?? null,
      photoRemoved: input.decision === 'reject' && !!r.photoStoredName,
    });
    return { ...updated, removedPhoto: input.decision === 'reject' ? r.photoStoredName : null };
  });
  if (row.removedPhoto) await rm(join(photoDir(ctx), row.removedPhoto), { force: true });
  const matching = row.status === 'open' ? await matchAfterCommit(ctx, id) : null;
  const fresh = await readBack(ctx.db, actor, id);
  return { ...(await viewOf(ctx.db, fresh)), ...(row.status === 'open' ? { matching: matchingSummary(matching) } : {}) };
}

/** 403 `outside_jurisdiction` naming the field that points outside the actor's jurisdiction. */
function requireCoversField(actor: Actor, p: Placement, field: string) {
  if (!covers(actor.scope, p)) {
    throw new HttpError(403, 'outside_jurisdiction', `${field}: this place is outside your jurisdiction`, [
      { field, message: 'is outside your jurisdiction' },
    ]);
  }
}

// ---------------------------------------------------------------- reading

export async function listRecordsFor(ctx: AppContext, actor: Actor, query: RecordListQuery & { idsIn?: SQL }) {
  requirePermission(actor, 'missing.read');
  const { page, pageSize, q, ...filter } = query;
  let where = recordConditions(actor, filter);
  if (q) {
    const ref = normaliseReference(q);
    const like = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
    where = and(
      where,
      ref
        ? sql`replace(${missingRecord.reference}, '-', '') = ${ref}`
        : and(
            or(ilike(missingRecord.name, like), ilike(missingRecord.nameLocal, like), sql`${like} ILIKE ANY(${missingRecord.aliases})`),
            // A child under a CWC non-disclosure order is not found by name by a reader who may not identify it (JJ Act 2015 s.74).
            nameSearchable(actor, { childId: missingRecord.childId }),
          ),
    )!;
  }
  const [rows, total] = await Promise.all([
    listRecords(ctx.db, actor, where, pageSize, (page - 1) * pageSize),
    countRecords(ctx.db, where),
  ]);
  await audit(ctx.db, actor, q ? 'search' : 'list', 'missing_record', null, null, { ids: rows.map((r) => r.id), total });
  const items = [];
  for (const r of rows) items.push(await viewOf(ctx.db, r));
  return { items, total, page, pageSize };
}

/**
 * One record, at the view the access rule gives the reader (src/access/missing.ts, in the
 * query). A read of another district's record is audited against the viewer, at the record's
 * place, with the view it got: the home district's access log shows who looked from outside.
 */
export async function readRecord(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'missing.read');
  const r = await getRecordSeen(ctx.db, actor, id, 'compared');
  if (!r) throw notFound('Record');
  const own = r.view === 'own';
  await audit(
    ctx.db,
    actor,
    'read',
    'missing_record',
    id,
    { stateCode: r.stateCode, districtCode: r.districtCode },
    own ? { via: 'jurisdiction' } : { via: 'match', view: r.view },
  );
  const matches = await matchesOfRecord(ctx, actor, r);
  return { ...(await viewOf(ctx.db, r)), matches };
}

// ---------------------------------------------------------------- editing

export async function patchRecord(ctx: AppContext, actor: Actor, id: string, patch: RecordPatch) {
  requirePermission(actor, 'missing.write');
  const now = ctx.now();
  checkDate('eventDate', patch.eventDate, now);
  const row = await ctx.db.transaction(async (tx) => {
    const r = await getRecord(tx, actor, id, { forUpdate: true });
    if (!r) throw notFound('Record');
    const seen = await readBack(tx, actor, id);
    if (r.version !== patch.version)
      throw conflict(
        `Someone else changed this record (now version ${r.version}, you edited version ${patch.version})`,
        await viewOf(tx, seen),
      );
    // Under a CWC non-disclosure order the writer may not see past, the identifying fields it
    // was not shown cannot be overwritten either (JJ Act 2015 s.74): 403 naming the field.
    if (seen.initialsOnly) {
      const { initials, withhold } = identityFields('missingRecord');
      const hidden = Object.keys(patch).filter((f) => [...initials, ...withhold].includes(f));
      if (hidden.length) requireWritable(actor, 'missingRecord', hidden, { identityWithheld: true });
    }
    if (r.status === 'matched' || r.status === 'rejected')
      throw new HttpError(409, 'record_closed', `A ${r.status} record cannot be edited`);
    const { version, districtCode, ...changes } = patch;
    void version;
    const set: Partial<typeof missingRecord.$inferInsert> = { ...changes } as never;
    if (changes.ageYears != null && r.kind === 'missing' && changes.ageYears > 17.9)
      throw badRequest('ageYears', 'must be 17.9 or under (a child under 18 when last seen)');
    if (districtCode && districtCode !== r.districtCode) {
      const p = await placementFor(tx, districtCode);
      requireCoversField(actor, p, 'districtCode');
      Object.assign(set, { stateCode: p.stateCode, districtCode: p.districtCode, subdistrictCode: null, blockCode: null, villageId: null });
    }
    const merged = { ...r, ...set } as RecordRow;
    if (!merged.name && !merged.nameLocal && r.kind === 'missing') throw badRequest('name', "give the child's name (in any script)");
    set.blockKeys = await blockKeysFor(tx, merged);
    set.blockKeysModel = matchingModel().version;
    if (r.status === 'open') set.matchState = 'pending';
    const updated = await updateRecord(tx, actor, id, r.version, set, now);
    if (!updated) throw conflict('Someone else changed this record');
    await audit(tx, actor, 'update', 'missing_record', id, placeOfRecord(updated), {
      fields: Object.keys(changes).concat(districtCode ? ['districtCode'] : []),
      version: updated.version,
    });
    return updated;
  });
  const matching = row.status === 'open' ? await matchAfterCommit(ctx, id) : null;
  const fresh = await readBack(ctx.db, actor, id);
  return { ...(await viewOf(ctx.db, fresh)), ...(row.status === 'open' ? { matching: matchingSummary(matching) } : {}) };
}

// ---------------------------------------------------------------- photos

/**
 * One photo per record, stored like case attachments (src/cases/attachments.*): a random file
 * name under filesDir/missing (nothing about the child in a path), mode 0600, the type decided
 * by the file's first bytes (JPEG, PNG or WebP, src/missing/photos.ts), at most 5 MB, with its
 * metadata (EXIF: GPS position, time, device) removed before it is written. A child's photo
 * identifies the child (JJ Act 2015 s.74): it is served only to officials who see the record
 * (the record's access rule, in the query), every read audited; the public never reads it back.
 */
const photoDir = (ctx: AppContext) => join(ctx.config.filesDir, 'missing');
export const photoTooLarge = (field = 'file') =>
  new HttpError(413, 'file_too_large', `${field}: the photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`, [
    { field, message: `is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB` },
  ]);

type PhotoColumns = Pick<typeof missingRecord.$inferInsert, 'photoStoredName' | 'photoContentType' | 'photoSize' | 'photoSha256'>;

/** Checks the photo, removes its metadata and writes it; the refusal names the form field. */
async function writePhoto(ctx: AppContext, input: Buffer, field: string): Promise<{ path: string; columns: PhotoColumns; type: string }> {
  const checked = await checkPhoto(input);
  if (!checked.ok) {
    if (checked.status === 413) throw photoTooLarge(field);
    throw new HttpError(checked.status, checked.status === 415 ? 'unsupported_type' : 'validation_failed', `${field}: ${checked.reason}`, [
      { field, message: checked.reason },
    ]);
  }
  const t = PHOTO_TYPES[checked.type];
  const storedName = `${randomBytes(16).toString('hex')}.${t.ext}`;
  const path = join(photoDir(ctx), storedName);
  await mkdir(photoDir(ctx), { recursive: true });
  await writeFile(path, checked.bytes, { flag: 'wx', mode: 0o600 });
  return {
    path,
    type: checked.type,
    columns: {
      photoStoredName: storedName,
      photoContentType: t.contentType,
      photoSize: checked.bytes.length,
      photoSha256: createHash('sha256').update(checked.bytes).digest('hex'),
    },
  };
}

/** Runs `save` with the photo's columns (none without a photo); the file is removed if saving fails. */
async function withPhoto<T>(
  ctx: AppContext,
  photo: Buffer | null | undefined,
  field: string,
  save: (columns: PhotoColumns | Record<string, never>) => Promise<T>,
): Promise<T> {
  if (!photo) return save({});
  const f = await writePhoto(ctx, photo, field);
  try {
    return await save(f.columns);
  } catch (err) {
    await rm(f.path, { force: true });
    throw err;
  }
}

/**
 * Sets or replaces a record's photo, against the version the official read (409
 * `version_conflict` with the record as it stands when it changed since). The record is read
 * under a row lock in the transaction that points it at the new file, so of two replacements
 * at once one wins and the other is refused; the previous file — the one named under that
 * lock — is removed only after the commit, and the new file if anything fails. A rejected
 * submission keeps no photo (moderation removes it): 409 `record_closed`, reason `rejected`.
 */
export async function setPhoto(ctx: AppContext, actor: Actor, id: string, bytes: Buffer, field = 'file', version?: number) {
  requirePermission(actor, 'missing.write');
  // Cheap refusals before a file is written; checked again under the lock below.
  const seen = await getRecord(ctx.db, actor, id);
  if (!seen) throw notFound('Record');
  if (version === undefined)
    throw badRequest('version', 'give the version of the record you read (form field "version" or an If-Match header)');
  await requirePhotoWritable(ctx.db, actor, id);
  const f = await writePhoto(ctx, bytes, field);
  let replaced: string | null;
  let newVersion: number;
  try {
    ({ replaced, newVersion } = await ctx.db.transaction(async (tx) => {
      const r = await getRecord(tx, actor, id, { forUpdate: true });
      if (!r) throw notFound('Record');
      if (r.version !== version)
        throw conflict(
          `Someone else changed this record (now version ${r.version}, you read version ${version})`,
          await viewOf(tx, await readBack(tx, actor, id)),
        );
      if (r.status === 'rejected') throw rejectedRecord();
      await requirePhotoWritable(tx, actor, id);
      const updated = await updateRecord(tx, actor, id, r.version, f.columns, ctx.now());
      if (!updated) throw conflict('Someone else changed this record');
      await audit(tx, actor, 'attach', 'missing_record', id, placeOfRecord(r), {
        type: f.type,
        size: f.columns.photoSize,
        replaced: !!r.photoStoredName,
        version: updated.version,
      });
      return { replaced: r.photoStoredName, newVersion: updated.version };
    }));
  } catch (err) {
    await rm(f.path, { force: true });
    throw err;
  }
  if (replaced) await rm(join(photoDir(ctx), replaced), { force: true });
  return { id, hasPhoto: true, contentType: f.columns.photoContentType, size: f.columns.photoSize, version: newVersion };
}

/**
 * A photo identifies the child more than any field (JJ Act 2015 s.74): under a CWC
 * non-disclosure order, a writer who sees the child as initials only (the helpline, a
 * caseworker outside the case team) may not set or replace the photo either, as they may not
 * overwrite the names they were not shown (`patchRecord`): 403 `field_forbidden` naming `photo`.
 */
async function requirePhotoWritable(db: Db, actor: Actor, id: string) {
  const seen = await readBack(db, actor, id);
  requireWritable(actor, 'photo', ['content'], { identityWithheld: !!seen.initialsOnly, as: { content: 'photo' } });
}

const rejectedRecord = () =>
  new HttpError(409, 'record_closed', 'A rejected record cannot take a photo (the submission was rejected in moderation)', undefined, {
    reason: 'rejected',
  });

export async function openPhoto(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'missing.read');
  // The access rule in the query: the permitted-fields policy's `photo` fields (a role that
  // reads no photos gets none), at the record's jurisdiction or a match reaching into the
  // reader's that discloses the record in full (its own district agreed, or it is confirmed),
  // and not under a CWC non-disclosure order the reader may not see past (JJ Act 2015 s.74: a
  // photograph identifies the child). Otherwise the stored name is absent: 404, as for a
  // record without a photo.
  const r = await getPhotoSeen(ctx.db, actor, id);
  if (!r || !r.content) throw notFound('Photo');
  const path = join(photoDir(ctx), r.content);
  const size = await stat(path).then(
    (s) => s.size,
    () => null,
  );
  if (size == null) throw new HttpError(410, 'file_missing', 'The photo is no longer in storage');
  await audit(
    ctx.db,
    actor,
    'download',
    'missing_record',
    id,
    { stateCode: r.stateCode, districtCode: r.districtCode },
    r.view === 'own' ? { photo: true } : { photo: true, via: 'match', view: r.view },
  );
  return { stream: createReadStream(path), size, contentType: r.contentType ?? 'application/octet-stream' };
}
