import { z } from 'zod';
import { ROLES, type Role } from '../roles';
import { FIELD_POLICY_DATA } from './policy.data';

/**
 * Loads the permitted-fields policy (policy.data.ts) through a zod schema at start-up: every
 * record type names every role, every field set and identity field is a field of the type,
 * every role reads a set that exists, and a role that reads nothing of a type writes nothing.
 * A mistake in the data stops the server instead of leaking a field.
 */
// own_organisation: inside the jurisdiction, and the record belongs to the actor's organisation
// (a CCI's staff: children staying in their institution; an NGO: the pathways assigned to it).
export const ROW_RULES = ['jurisdiction', 'own_department', 'own_organisation', 'case_access', 'none'] as const;
export type RowRule = (typeof ROW_RULES)[number];

const roleMap = <T extends z.ZodType>(v: T) => z.record(z.enum(ROLES), v);
const fieldList = z.array(z.string().min(1));

const recordPolicy = z
  .object({
    fields: z.array(z.string().min(1)).min(1),
    sets: z.record(z.string(), fieldList),
    read: roleMap(z.string()),
    rows: roleMap(z.enum(ROW_RULES)),
    identity: z.object({ initials: fieldList, withhold: fieldList }),
    write: roleMap(fieldList),
    citation: z.string().min(3),
  })
  .superRefine((p, ctx) => {
    const known = new Set(p.fields);
    const unknown = (list: readonly string[], path: (string | number)[]) => {
      for (const f of list) if (!known.has(f)) ctx.addIssue({ code: 'custom', path, message: `"${f}" is not a field of this record type` });
    };
    for (const [name, set] of Object.entries(p.sets)) unknown(set, ['sets', name]);
    unknown(p.identity.initials, ['identity', 'initials']);
    unknown(p.identity.withhold, ['identity', 'withhold']);
    if (!('none' in p.sets) || p.sets.none.length)
      ctx.addIssue({ code: 'custom', path: ['sets', 'none'], message: 'every record type has an empty "none" set' });
    for (const role of ROLES) {
      const set = p.sets[p.read[role]];
      if (!set) ctx.addIssue({ code: 'custom', path: ['read', role], message: `no field set "${p.read[role]}"` });
      // A role that reads nothing sees no rows, and the other way round.
      if (set && !set.length && p.rows[role] !== 'none' && p.write[role].length) {
        ctx.addIssue({ code: 'custom', path: ['write', role], message: 'a role that reads nothing may write nothing' });
      }
    }
  });

const policySchema = z.object({
  nonDisclosure: z.object({
    citation: z.string().min(3),
    identifyInJurisdiction: z.array(z.enum(ROLES)),
    identifyAsCaseTeam: z.boolean(),
  }),
  records: z.record(z.string(), recordPolicy),
});

export type RecordPolicy = z.infer<typeof recordPolicy>;
export type RecordType = keyof typeof FIELD_POLICY_DATA.records;
export const RECORD_TYPES = Object.keys(FIELD_POLICY_DATA.records) as RecordType[];

export function loadFieldPolicy(data: unknown) {
  const parsed = policySchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`The permitted-fields policy is invalid at ${first.path.join('.')}: ${first.message}`);
  }
  return parsed.data;
}

export const FIELD_POLICY = loadFieldPolicy(FIELD_POLICY_DATA);

const readCache = new Map<string, ReadonlySet<string>>();

/** The name of the field set a role reads for a record type ('full', 'minimal', 'none'…). */
export function readSetName(role: Role, type: RecordType): string {
  return FIELD_POLICY.records[type].read[role];
}

/** The fields a role may read of a record type (before the per-record non-disclosure rule). */
export function readableFields(role: Role, type: RecordType): ReadonlySet<string> {
  const key = `${role}|${type}`;
  let set = readCache.get(key);
  if (!set) {
    const p = FIELD_POLICY.records[type];
    readCache.set(key, (set = new Set(p.rows[role] === 'none' ? [] : p.sets[p.read[role]])));
  }
  return set;
}

export function rowRule(role: Role, type: RecordType): RowRule {
  const p = FIELD_POLICY.records[type];
  return p.sets[p.read[role]].length ? p.rows[role] : 'none';
}

export function writableFields(role: Role, type: RecordType): readonly string[] {
  return FIELD_POLICY.records[type].write[role];
}

export function identityFields(type: RecordType) {
  return FIELD_POLICY.records[type].identity;
}
