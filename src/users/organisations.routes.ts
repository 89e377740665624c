import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { idParams, lgdCodeQuery, pageQuery, recordVersion, versionFrom } from '../http/common';
import { requirePermission } from '../access/policy';
import { ROLES } from '../access/roles';
import { personName, optionalPersonName } from '../names/person-name';
import { audit } from '../audit/audit.service';
import { badRequest } from '../http/errors';
import { organisationKindSchema } from './organisation-kinds';
import {
  createOrganisation,
  listOrganisations,
  organisationKinds,
  organisationMembers,
  patchOrganisation,
  readOrganisation,
} from './organisations.service';
import { reassignUser } from './assignments.service';
import { created, ok } from '../http/response';

/**
 * The administration area (issue #12): organisations of the hierarchy and the users who work
 * in them, managed by an administrator (`users.manage`) inside their own jurisdiction. Users
 * are created with POST /users (users.routes.ts); deactivation and password resets live there.
 */
const LEVELS = ['national', 'state', 'district', 'subdistrict', 'block', 'village'] as const;
const placeId = z
  .string()
  .trim()
  .regex(/^(st|di|sd|bl):\d{1,8}$|^vi:[A-Za-z0-9-]{1,60}$/, 'must be a place id: st:N, di:N, sd:N, bl:N or vi:…');
const registration = z
  .string()
  .trim()
  .max(80, 'is too long (80 characters at most)')
  .regex(/^[^\u0000-\u001F\u007F]*$/, 'must be one line of text');

const organisationOut = z.object({
  id: z.string(),
  name: z.string(),
  nameLocal: z.string().nullable(),
  kind: z.string(),
  level: z.enum(LEVELS),
  placeId: z.string().nullable(),
  placeName: z.string().nullable(),
  placeNameLocal: z.string().nullable(),
  stateCode: z.number().nullable(),
  districtCode: z.number().nullable(),
  subdistrictCode: z.number().nullable(),
  blockCode: z.number().nullable(),
  villageId: z.string().nullable(),
  registration: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
  memberCount: z.number(),
  createdAt: z.string(),
});
const memberOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  scopeLevel: z.string(),
  jurisdictionId: z.string().nullable(),
  jurisdictionName: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});
const assignmentOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  organisationId: z.string().nullable(),
  scopeLevel: z.string(),
  jurisdictionId: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});

const out = <T extends { createdAt: Date; memberCount: number }>(o: T) => ({
  ...o,
  createdAt: new Date(o.createdAt).toISOString(),
  memberCount: Number(o.memberCount),
});

export function organisationsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['administration'];

  r.get(
    '/organisation-kinds',
    {
      schema: {
        tags,
        summary: 'The kinds of organisation, the levels they sit at and the provision that creates each',
        response: ok(
          z.object({
            items: z.array(
              z.object({
                kind: z.string(),
                levels: z.array(z.string()),
                group: z.string(),
                basis: z.string(),
                registrationRequired: z.boolean(),
              }),
            ),
          }),
        ),
      },
    },
    async (req) => {
      requireActor(req);
      return { items: organisationKinds() };
    },
  );

  r.get(
    '/admin/organisations',
    {
      schema: {
        tags,
        summary: 'Organisations inside your jurisdiction, from the top of the hierarchy down',
        querystring: z.strictObject({
          level: z.enum(LEVELS).optional(),
          kind: organisationKindSchema.optional(),
          districtCode: lgdCodeQuery.optional(),
          active: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
          q: z.string().trim().max(80).optional(),
          ...pageQuery,
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: ok(z.object({ items: z.array(organisationOut), total: z.number() })),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, 'users.manage');
      const res = await listOrganisations(ctx.db, actor, req.query);
      return { items: res.items.map(out), total: res.total };
    },
  );

  r.post(
    '/admin/organisations',
    {
      schema: {
        tags,
        summary: 'Create an organisation at a place inside your jurisdiction (its kind must fit the level)',
        body: z.strictObject({
          kind: organisationKindSchema,
          name: personName(160),
          nameLocal: optionalPersonName(160).optional(),
          placeId,
          registration: registration.optional(),
        }),
        response: created(organisationOut),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, 'users.manage');
      const created = await createOrganisation(ctx.db, actor, req.body);
      return reply.status(201).send(out(await readOrganisation(ctx.db, actor, created.id)));
    },
  );

  r.get('/admin/organisations/:id', { schema: { tags, params: idParams, response: ok(organisationOut) } }, async (req) => {
    const actor = requireActor(req);
    requirePermission(actor, 'users.manage');
    return out(await readOrganisation(ctx.db, actor, req.params.id));
  });

  r.patch(
    '/admin/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Rename, record the registration, or (de)activate an organisation; send the version you read',
        params: idParams,
        body: z.strictObject({
          version: recordVersion.optional(),
          name: personName(160).optional(),
          nameLocal: optionalPersonName(160).nullable().optional(),
          registration: registration.nullable().optional(),
          active: z.boolean().optional(),
        }),
        response: ok(organisationOut),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, 'users.manage');
      const version = versionFrom(req.body, req.headers['if-match']);
      if (version === undefined) throw versionRequired();
      return out(await patchOrganisation(ctx.db, actor, req.params.id, { ...req.body, version }, ctx.now()));
    },
  );

  r.get(
    '/admin/organisations/:id/members',
    {
      schema: {
        tags,
        summary: 'The users of an organisation (those inside your jurisdiction)',
        params: idParams,
        response: ok(z.object({ items: z.array(memberOut) })),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, 'users.manage');
      const items = await organisationMembers(ctx.db, actor, req.params.id);
      await audit(ctx.db, actor, 'list', 'organisation_members', req.params.id, null, { count: items.length });
      return { items };
    },
  );

  r.patch(
    '/admin/users/:id',
    {
      schema: {
        tags,
        summary: "Assign a user's role, organisation and jurisdiction (inside yours); send the version you read",
        params: idParams,
        body: z.strictObject({
          version: recordVersion.optional(),
          role: z.enum(ROLES).optional(),
          organisationId: z.uuid('must be an organisation id').nullable().optional(),
          jurisdictionId: z.string().max(60).nullable().optional(),
          displayName: personName(120).optional(),
        }),
        response: ok(assignmentOut),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, 'users.manage');
      const version = versionFrom(req.body, req.headers['if-match']);
      if (version === undefined) throw versionRequired();
      return reassignUser(ctx.db, actor, req.params.id, { ...req.body, version });
    },
  );
}

const versionRequired = () => badRequest('version', 'send the version you read (or an If-Match header)');
