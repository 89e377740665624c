import { z } from 'zod';
import { day, timestamp, withheld, withheldMarks } from '../http/response';
import { documentOut } from '../registry/registry.model';

/*
 * Response shapes of the schemes module (issue #12). Vocabularies (statuses, facts, document
 * types) are strings here: the module's own data owns them. The catalogue is reference data; what
 * a family may get, its applications and documents are the family's record, so beyond ids and
 * the family's name those fields are `withheld` (optional) for field-level access.
 */

export const localisedNameOut = z.object({ en: z.string(), hi: z.string(), mr: z.string() });
const channelOut = z.object({ mode: z.string(), where: z.string(), url: z.string().optional() });
export const benefitOut = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cash'), amount: z.number(), period: z.string(), note: z.string().optional() }),
  z.object({
    kind: z.literal('in_kind'),
    description: z.string(),
    valueInr: z.number().optional(),
    period: z.string().optional(),
    note: z.string().optional(),
  }),
]);
const validity = { validFrom: z.string(), validTo: z.string().nullable() };

/**
 * A scheme as stored (src/schemes/scheme.ts Scheme, validated by SchemeSchema when written):
 * public reference data; its rules and document list are passed as the engine's own data.
 */
const sourceOut = z.object({
  title: z.string(),
  url: z.string().optional(),
  reference: z.string().optional(),
  date: z.string(),
  citation: z.string().optional(),
  verification: z.string().optional(),
});

export const schemeDefinitionOut = z.object({
  id: z.string(),
  name: localisedNameOut,
  department: z.string(),
  level: z.string(),
  state: z.number().nullable(),
  stateName: z.string().optional(),
  subject: z.string(),
  channel: channelOut,
  sources: z.array(sourceOut).readonly(),
  versions: z
    .array(
      z.object({
        ...validity,
        benefit: benefitOut,
        rules: z.unknown().describe('The eligibility rule as data (src/schemes/rules.ts)'),
        documents: z.array(z.unknown()).readonly().describe('Document types, or {doc, alternatives, when, note}'),
        source: sourceOut.optional(),
        note: z.string().optional(),
      }),
    )
    .readonly(),
});

/** A catalogue entry: the scheme, its revision and the version in force. */
export const schemeSummaryOut = z.object({
  id: z.string(),
  name: localisedNameOut,
  department: z.string(),
  level: z.string(),
  state: z.number().nullable(),
  stateName: z.string().nullable(),
  subject: z.string(),
  channel: channelOut,
  revision: z.number(),
  inForce: z.object({ ...validity, benefit: benefitOut }).nullable(),
  versions: z.array(z.object({ ...validity, benefit: benefitOut })),
});
export const schemeListOut = z.object({ asOf: z.string(), items: z.array(schemeSummaryOut) });

export const schemeOut = schemeSummaryOut.extend({
  definition: schemeDefinitionOut,
  factsUsed: z.array(z.string()),
  revisions: z.array(
    z.object({
      revision: z.number(),
      change: z.string(),
      note: z.string().nullable(),
      createdBy: z.string().nullable(),
      createdAt: timestamp,
      versions: z.number(),
    }),
  ),
});

export const ruleVocabularyOut = z.object({
  facts: z.array(
    z.object({
      name: z.string(),
      kind: z.string(),
      label: z.string(),
      unit: z.string().nullable(),
      min: z.number().nullable(),
      max: z.number().nullable(),
      values: z.array(z.string()).readonly().nullable(),
      derived: z.boolean(),
    }),
  ),
  documents: z.array(z.object({ doc: z.string(), label: z.string(), department: z.string(), office: z.string() })),
  departments: z.array(z.string()).readonly(),
});

/** Why a rule held or not, for rendering in the reader's language (src/schemes/reasons.ts Reason). */
const scalar = z.union([z.boolean(), z.string(), z.number()]);
const factValue = z.object({ fact: z.string(), value: scalar });
const when = z.object({ fact: z.string(), values: z.array(scalar).readonly() }).optional();
const cited = { source: z.string().optional().describe('Citation of the rule clause the reason comes from') };
export const reasonOut = z.discriminatedUnion('code', [
  z.object({ ...cited, code: z.literal('fact'), fact: z.string(), value: scalar, context: factValue.optional() }),
  z.object({
    ...cited,
    code: z.literal('enum'),
    fact: z.string(),
    value: scalar,
    expected: z.array(scalar).readonly(),
    negated: z.boolean(),
    holds: z.boolean(),
  }),
  z.object({ ...cited, code: z.literal('limit'), fact: z.string(), value: z.number(), limit: z.number(), comparison: z.string(), when }),
  z.object({ ...cited, code: z.literal('minimum'), fact: z.string(), value: z.number(), limit: z.number(), comparison: z.string(), when }),
  z.object({
    ...cited,
    code: z.literal('range'),
    fact: z.string(),
    value: z.number(),
    min: z.number(),
    max: z.number(),
    comparison: z.string(),
    when,
  }),
  z.object({
    ...cited,
    code: z.literal('date_window'),
    fact: z.string(),
    value: z.string(),
    from: z.string(),
    to: z.string(),
    comparison: z.string(),
    context: factValue.optional(),
  }),
  z.object({ ...cited, code: z.literal('not_recorded'), fact: z.string() }),
  z.object({ ...cited, code: z.literal('missing_facts'), facts: z.array(z.string()).readonly() }),
  z.object({ ...cited, code: z.literal('lives_in'), state: z.number(), stateName: z.string().nullable() }),
  z.object({ ...cited, code: z.literal('other_state'), state: z.number(), stateName: z.string().nullable(), actualState: z.number() }),
  z.object({
    ...cited,
    code: z.literal('not_in_force'),
    scheme: localisedNameOut,
    asOf: z.string(),
    spans: z.array(z.object({ from: z.string(), to: z.string().nullable() })).readonly(),
  }),
  z.object({ ...cited, code: z.literal('bad_date'), asOf: z.string() }),
]);

/** An eligibility judgement: status, the reasons (rendered and as data), facts not recorded, the version and benefit. */
const judgement = {
  status: z.string(),
  reasons: withheld(z.array(z.string())),
  reasonDetails: withheld(z.array(reasonOut)),
  missingFacts: withheld(z.array(z.object({ fact: z.string(), label: z.string() }))),
  version: z.object(validity).nullable(),
  benefit: benefitOut.nullable(),
  /** The order or guideline the verdict rests on, with how far its text was checked (issue #18). */
  source: sourceOut.nullable().optional(),
};

export const familySuggestionsOut = z.object({
  familyId: z.string(),
  asOf: z.string(),
  lang: z.string(),
  catalogueSeq: z.number(),
  counts: z.record(z.string(), z.number()),
  subjects: z.array(
    z.object({ id: z.string(), kind: z.string(), name: z.string(), nameLocal: withheld(z.string()), age: withheld(z.number()) }),
  ),
  suggestions: z.array(
    z.object({
      ...judgement,
      schemeId: z.string(),
      schemeName: localisedNameOut,
      department: z.string(),
      subject: z.string(),
      subjectId: z.string(),
      subjectName: withheld(z.string()),
      channel: channelOut,
      application: z.object({ id: z.string(), status: z.string(), version: z.number(), identifiedOn: z.string() }).nullable(),
      requiredDocuments: z.array(z.string()),
      missingDocuments: z.array(
        z.object({ doc: z.string(), label: z.string(), status: z.string(), alternatives: z.array(z.string()), conditional: z.boolean() }),
      ),
      annualValue: z.number(),
    }),
  ),
});

export const worklistOut = z.object({
  items: z.array(
    z.object({
      familyId: z.string(),
      headName: z.string(),
      headNameLocal: withheld(z.string()),
      villageId: withheld(z.string()),
      villageName: withheld(z.string()),
      districtCode: z.number(),
      schemes: z.array(
        z.object({
          schemeId: z.string(),
          schemeName: localisedNameOut,
          subject: z.string(),
          subjects: z.array(z.object({ id: z.string(), name: z.string(), age: withheld(z.number()) })),
          missingDocuments: z.array(z.string()),
          annualValue: z.number(),
        }),
      ),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  asOf: z.string(),
  status: z.string(),
  schemeId: z.string().nullable(),
  locationId: z.string().nullable(),
  byScheme: z.record(z.string(), z.number()),
  catalogueSeq: z.number(),
});

const applicationFields = {
  id: z.string(),
  schemeId: z.string(),
  subject: z.string(),
  subjectId: z.string(),
  familyId: z.string(),
  childId: z.string().nullable(),
  status: z.string(),
  identifiedOn: day,
  appliedOn: withheld(day),
  sanctionedOn: withheld(day),
  lastStepOn: day,
  amount: withheld(z.number()),
  officerName: withheld(z.string()),
  villageId: withheld(z.string()),
  districtCode: z.number(),
  version: z.number(),
};

export const applicationListOut = z.object({
  items: z.array(
    z.object({
      ...applicationFields,
      villageName: withheld(z.string()),
      headName: z.string(),
      headNameLocal: withheld(z.string()),
      childName: withheld(z.string()),
      childNameLocal: withheld(z.string()),
      ...withheldMarks,
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** How a document request is being followed up: the department's action item or the case task. */
const followUpStatusOut = z.object({
  kind: z.string(),
  status: z.string(),
  done: z.boolean(),
  id: z.string().optional(),
  doneOn: z.string().nullish(),
  result: z.string().nullish(),
  dueOn: z.string().nullish(),
  caseId: z.string().optional(),
  caseRef: z.string().optional(),
  department: z.string().optional(),
});

const requestFields = {
  id: z.string(),
  familyId: z.string(),
  childId: withheld(z.string()),
  applicationId: withheld(z.string()),
  docType: z.string(),
  department: withheld(z.string()),
  officer: withheld(z.string()),
  requestedOn: day,
  dueOn: day,
  status: z.string(),
  closedOn: withheld(day),
  result: withheld(z.string()),
  villageId: withheld(z.string()),
  version: z.number(),
  followUp: z.string(),
  convergenceActionId: withheld(z.string()),
  caseId: withheld(z.string()),
  caseReferralId: withheld(z.string()),
  followUpStatus: withheld(followUpStatusOut),
  ...withheldMarks,
};

/** A document request as stored (POST and PATCH). */
export const documentRequestOut = z.object({
  ...requestFields,
  stateCode: withheld(z.number()),
  districtCode: withheld(z.number()),
  subdistrictCode: withheld(z.number()),
  blockCode: withheld(z.number()),
  note: withheld(z.string()),
  createdBy: withheld(z.string()),
  createdAt: withheld(timestamp),
  updatedAt: withheld(timestamp),
});
export const documentRequestListOut = z.object({
  items: z.array(
    z.object({
      ...requestFields,
      label: z.string(),
      overdue: z.boolean(),
      villageName: withheld(z.string()),
      headName: withheld(z.string()),
      headNameLocal: withheld(z.string()),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** One application: its steps, status derived from them, eligibility on its date, document checklist. */
export const applicationOut = z.object({
  ...applicationFields,
  stateCode: z.number(),
  subdistrictCode: withheld(z.number()),
  blockCode: withheld(z.number()),
  reference: withheld(z.string()),
  officerUserId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  historyValid: z.boolean(),
  historyError: z.string().nullable(),
  allowedNext: z.array(z.string()).readonly(),
  scheme: z.object({ id: z.string(), name: localisedNameOut, department: z.string(), subject: z.string(), channel: channelOut }),
  family: z.object({ id: z.string(), headName: z.string(), headNameLocal: withheld(z.string()), villageId: withheld(z.string()) }),
  subjectName: withheld(z.string()),
  ...withheldMarks,
  steps: withheld(
    z.array(
      z.object({
        seq: z.number(),
        status: z.string(),
        on: day,
        reason: z.string().nullable(),
        amount: z.number().nullable(),
        reference: z.string().nullable(),
        note: z.string().nullable(),
        officerName: z.string().nullable(),
        recordedAt: timestamp,
      }),
    ),
  ),
  eligibility: withheld(z.object({ judgedOn: z.string(), ...judgement })),
  checklist: withheld(
    z.array(
      z.object({
        doc: z.string(),
        label: z.string(),
        alternatives: z.array(z.string()),
        conditional: z.boolean(),
        held: z.boolean(),
        status: z.string(),
        satisfiedBy: z.string().nullable(),
        owner: z.string(),
        ownerId: z.string().nullable(),
        record: z
          .object({
            id: z.string(),
            familyId: z.string().nullable(),
            childId: z.string().nullable(),
            docType: z.string(),
            status: z.string(),
            issuingOffice: z.string().nullable(),
            appliedOn: z.string().nullable(),
            issuedOn: z.string().nullable(),
            version: z.number(),
          })
          .nullable(),
        history: z.array(
          z.object({
            from: z.string().nullable(),
            to: z.string(),
            on: z.string(),
            issuingOffice: z.string().nullable(),
            note: z.string().nullable(),
          }),
        ),
        requests: z.array(
          z.object({
            id: z.string(),
            department: z.string(),
            officer: z.string().nullable(),
            requestedOn: z.string(),
            dueOn: z.string(),
            status: z.string(),
            closedOn: z.string().nullable(),
            version: z.number(),
            overdue: z.boolean(),
            followUp: z.string(),
            followUpStatus: followUpStatusOut.nullable(),
          }),
        ),
      }),
    ),
  ),
});

const figures = {
  familiesLinked: z.number(),
  newlyLinked: z.number(),
  childrenReceiving: z.record(z.string(), z.number()),
  childrenReceivingAny: z.number(),
  documentsSecured: z.number(),
  certificatesSecured: z.number(),
  documentsSecuredByType: z.record(z.string(), z.number()),
};
const monthFigures = z.object({ month: z.string(), ...figures });
const areaTotals = { families: z.number(), ...figures, applicationsByStatus: z.record(z.string(), z.number()) };

/** Outcome figures (counts only: no family or child is named). */
export const outcomesOut = z.object({
  area: z.object({ id: z.string(), name: z.string(), nameLocal: z.string().nullable(), level: z.string() }).nullable(),
  from: z.string(),
  to: z.string(),
  groupBy: z.string(),
  schemes: z.array(z.object({ id: z.string(), name: localisedNameOut })),
  totals: z.object(areaTotals),
  months: z.array(monthFigures),
  areas: z.array(
    z.object({
      ...areaTotals,
      months: z.array(monthFigures),
      id: z.string(),
      name: z.string(),
      nameLocal: z.string().nullable(),
      level: z.string(),
    }),
  ),
});

/** A document moved along (either path), with the requests its arrival closed. */
export const documentMovedOut = documentOut.extend({ closedRequests: z.array(z.string()) });
