import { z } from 'zod';
import { lgdCodeQuery, pageQuery, recordVersion } from '../http/common';
import { isoDate as day } from '../http/iso-date';
import { childInput } from '../registry/registry.model';
import {
  caseActionSchema, CASE_STATUSES, INTAKE_SOURCES, LEVELS, PROVIDER_KINDS, RISK_LEVELS, type CaseActionType,
} from './domain';

/**
 * API input shapes for cases. Actions are the domain's zod schemas (src/cases/domain/actions.ts)
 * without the fields the server fills in (`at`, `by`, `unit`: the clock and the signed-in
 * user), with the references a server can look up made optional, and with ids of people and
 * units checked as UUIDs so a typo is a 400 naming the field.
 */
const text = z.string().trim().min(1, 'is required').max(4000);

export const intakeInput = z
  .object({
    /** A child already in the registry (must be visible to you)... */
    childId: z.uuid('must be a child id (UUID)').optional(),
    /** ...or a new child, created in the registry in the same transaction. */
    child: childInput.optional(),
    source: z.enum(INTAKE_SOURCES),
    reporter: z.object({ name: z.string().trim().min(1).max(200), role: z.string().trim().min(1).max(200), contact: z.string().trim().max(200).optional() }),
    /** When the child came to notice; not after the intake (checked by the domain on the server's clock). */
    reportedOn: day,
    concerns: z.array(text).min(1, 'give at least one concern').max(20),
    risk: z.enum(RISK_LEVELS),
    /** JJ Act 2015 s.31: the child must be produced before the CWC within 24 hours. */
    productionRequired: z.boolean(),
    /** Level of the body opening the case; defaults from your jurisdiction (village, block, district, state). */
    level: z.enum(LEVELS).optional(),
    clientId: z.string().trim().min(1).max(200).optional(),
  })
  .refine((b) => !!b.childId !== !!b.child, { path: ['childId'], message: 'give either childId (a registered child) or child (a new one), not both' });
export type IntakeInput = z.infer<typeof intakeInput>;

const uuid = (what: string) => z.uuid(`must be ${what} id (UUID)`);
const lgd = z.coerce.string().regex(/^\d{1,8}$/, 'an LGD code is 1–8 digits');

/** Fields the server can fill in, per action type. */
const OPTIONAL: Partial<Record<CaseActionType, string[]>> = {
  produced_before_cwc: ['producedAt', 'cwcUnit'],
  sir_ordered: ['investigator'],
  cwc_order: ['cwcUnit'],
  referral: ['referralId'],
  escalation: ['fromLevel', 'toLevel', 'toUnit'],
  returned_down: ['toLevel', 'toUnit'],
  transfer_requested: ['toUnit'],
};

/** References to people and units, checked as ids. */
const REFS: Partial<Record<CaseActionType, Record<string, z.ZodType>>> = {
  produced_before_cwc: { cwcUnit: uuid('a unit').optional() },
  sir_ordered: { investigator: z.object({ user: uuid('a user').optional(), unit: uuid('a unit') }).optional() },
  cwc_order: { cwcUnit: uuid('a unit').optional() },
  referral: { to: z.object({ orgId: uuid('an organisation'), kind: z.enum(PROVIDER_KINDS).optional() }) },
  escalation: { toUnit: uuid('a unit').optional(), toUser: uuid('a user').optional() },
  returned_down: { toUnit: uuid('a unit').optional(), toUser: uuid('a user').optional() },
  transfer_requested: { toUnit: uuid('a unit').optional(), toDistrictCode: lgd, toStateCode: lgd.optional() },
  transfer_accepted: { toUser: uuid('a user').optional() },
  owner_changed: { toUser: uuid('a user'), toUnit: uuid('a unit').optional() },
};

const common = {
  /** The case version you saw (optional): refused with 409 if someone recorded an action since. */
  version: recordVersion.optional(),
  /** Your own id for this action, so a retried request is recorded once. */
  clientId: z.string().trim().min(1).max(200).optional(),
};

type AnyObject = z.ZodObject<z.ZodRawShape>;
const options = (caseActionSchema.options as unknown as AnyObject[])
  .filter((o) => (o.shape.type as z.ZodLiteral<string>).value !== 'intake')
  .map((o) => {
    const type = (o.shape.type as z.ZodLiteral<string>).value as CaseActionType;
    let s = o.omit({ at: true, by: true, unit: true, id: true } as never) as AnyObject;
    const opt = OPTIONAL[type];
    if (opt) s = s.partial(Object.fromEntries(opt.map((k) => [k, true])) as never) as AnyObject;
    return s.extend({ ...(REFS[type] ?? {}), ...common });
  });

export const actionInput = z.discriminatedUnion('type', options as unknown as [AnyObject, ...AnyObject[]]);
export type ActionInput = { type: Exclude<CaseActionType, 'intake'>; version?: number; clientId?: string } & Record<string, unknown>;

export const caseListQuery = z.object({
  status: z.enum([...CASE_STATUSES, 'open']).optional(),
  risk: z.enum(RISK_LEVELS).optional(),
  level: z.enum(LEVELS).optional(),
  owner: z.union([z.literal('me'), z.uuid()]).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  villageId: z.string().max(60).optional(),
  blockCode: lgdCodeQuery.optional(),
  districtCode: lgdCodeQuery.optional(),
  childId: z.uuid().optional(),
  queue: z.enum(['escalated', 'transfers', 'mine', 'unit', 'convergence']).optional(),
  flag: z.enum(['convergence', 'escalated', 'transfer_pending', 'open_referrals', 'production_owed', 'statutory_due', 'ready_for_closure', 'reopened']).optional(),
  ...pageQuery,
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const referralListQuery = z.object({
  status: z.enum(['pending', 'accepted', 'declined', 'done', 'cancelled']).optional(),
  ...pageQuery,
});

export const taskQuery = z.object({
  scope: z.enum(['mine', 'unit']).default('mine'),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  kind: z.string().max(60).optional(),
  ...pageQuery,
});
export type TaskQuery = z.infer<typeof taskQuery>;

export const notificationQuery = z.object({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...pageQuery,
});

export const caseIdParams = z.object({ id: z.uuid('must be a case id (UUID)') });
