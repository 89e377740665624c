import type { TestApp } from '../../support/app';

/**
 * Real records of every kind in the seeded demo, found in the database, so that generated
 * requests reach the handlers (a random id only ever meets "not found"), and an index of
 * where every record sits, so that any id in any response can be checked against the
 * reader's jurisdiction.
 */
export type Place = 'amravati' | 'rajura' | 'akola';
export const PLACES: Place[] = ['amravati', 'rajura', 'akola'];
export const RAJURA = 'vi:demo-rajura';
const DISTRICT: Record<Place, number> = { amravati: 468, rajura: 468, akola: 467 };

export interface Placement {
  kind: string;
  stateCode: number;
  districtCode: number;
  /** null for records that sit at district level (groups, meetings…). */
  villageId: string | null;
  hasVillage: boolean;
  /**
   * A case (or its attachment) in a pending transfer: the receiving unit reads the whole case to
   * accept it, wherever it is (JJ Act 2015 s.95; src/cases/cases.access.ts).
   */
  receivingUnits?: string[];
  /** The child or family of such a case: the receiving unit sees its id on the case (not the record). */
  referencedBy?: string[];
}

/** Tables whose rows are records of a place, and how to read their placement. */
const PLACED: { kind: string; table: string; village: boolean; from?: string; directory?: boolean }[] = [
  { kind: 'child', table: 'child', village: true },
  { kind: 'family', table: 'family', village: true },
  { kind: 'case', table: 'case_record', village: true },
  // An attachment sits where its case sits (village included).
  {
    kind: 'attachment',
    table: 'case_attachment',
    village: true,
    from: '(SELECT a.id, c.state_code, c.district_code, c.village_id FROM case_attachment a JOIN case_record c ON c.id = a.case_id) x',
  },
  { kind: 'missingRecord', table: 'missing_record', village: true },
  { kind: 'group', table: 'convergence_group', village: false },
  { kind: 'meeting', table: 'convergence_meeting', village: false },
  // An action item sits where the family, child, case or Bal Panchayat issue it is about sits (the
  // village worker sees the actions on her village's families); a district-wide action has no village.
  {
    kind: 'action',
    table: 'convergence_action',
    village: true,
    from: `(SELECT a.id, a.state_code, a.district_code, COALESCE(f.village_id, c.village_id, k.village_id, i.village_id) AS village_id
      FROM convergence_action a LEFT JOIN family f ON f.id = a.family_id LEFT JOIN child c ON c.id = a.child_id
      LEFT JOIN case_record k ON k.id = a.case_id LEFT JOIN bal_panchayat_issue i ON i.id = a.issue_id) x`,
  },
  { kind: 'issue', table: 'bal_panchayat_issue', village: true },
  { kind: 'documentRequest', table: 'document_request', village: true },
  { kind: 'application', table: 'scheme_application', village: true },
  { kind: 'assessment', table: 'assessment', village: true },
  { kind: 'survey', table: 'village_survey', village: true },
  { kind: 'restoration', table: 'missing_restoration', village: false },
  { kind: 'duplicate', table: 'possible_duplicate', village: false },
  // Children in care (src/care): a stay, plan or inspection sits where its institution sits (a district).
  {
    kind: 'institution',
    table: 'care_institution',
    village: false,
    from: '(SELECT organisation_id AS id, state_code, district_code FROM care_institution) x',
    // An institution is an organisation: the directory (GET /organisations) names every one to
    // anyone signed in, so its id is not a record to keep inside the district; only picked.
    directory: true,
  },
  { kind: 'stay', table: 'care_stay', village: false },
  { kind: 'plan', table: 'care_plan', village: false },
  { kind: 'pathway', table: 'care_reintegration', village: false },
  {
    kind: 'followUp',
    table: 'care_follow_up',
    village: false,
    from: '(SELECT f.id, r.state_code, r.district_code FROM care_follow_up f JOIN care_reintegration r ON r.id = f.reintegration_id) x',
  },
  // Family-based care and leaving care (src/care, migration 0750): each row carries its district.
  { kind: 'movementRequest', table: 'care_movement_request', village: false },
  { kind: 'fosterCarer', table: 'care_foster_carer', village: false },
  { kind: 'placement', table: 'care_family_placement', village: false },
  { kind: 'payment', table: 'care_payment', village: false },
  { kind: 'sponsorship', table: 'care_sponsorship', village: false },
  { kind: 'aftercare', table: 'care_aftercare_plan', village: false },
  { kind: 'handoff', table: 'care_adoption_handoff', village: false },
  { kind: 'helplineCall', table: 'helpline_call', village: true },
];

export interface Records {
  /** id → where the record sits (members carry their family's placement). */
  index: Map<string, Placement>;
  /** kind → place → a representative id (or a bundle of ids for nested routes). */
  pick: Record<string, Partial<Record<Place, Record<string, string>>>>;
}

export async function discoverRecords(t: TestApp): Promise<Records> {
  const q = <T>(sql: string, params: unknown[] = []) => t.ctx.database.query<T>(sql, params);
  const index = new Map<string, Placement>();
  const pick: Records['pick'] = {};
  for (const p of PLACED) {
    const rows = await q<{ id: string; state_code: number; district_code: number; village_id: string | null }>(
      `SELECT id::text AS id, state_code, district_code, ${p.village ? 'village_id' : 'NULL::text AS village_id'} FROM ${p.from ?? p.table} ORDER BY id`,
    );
    for (const r of rows.filter(() => !p.directory))
      index.set(r.id, {
        kind: p.kind,
        stateCode: r.state_code,
        districtCode: r.district_code,
        villageId: r.village_id,
        hasVillage: p.village,
      });
    pick[p.kind] = {};
    for (const place of PLACES) {
      const inPlace = rows.filter(
        (r) => r.district_code === DISTRICT[place] && (!p.village || (place === 'rajura') === (r.village_id === RAJURA)),
      );
      // District-level records (no village) stand for both Amravati places.
      const r = inPlace[0];
      if (r) pick[p.kind][place] = { id: r.id };
    }
  }
  const members = await q<{ id: string; family_id: string }>(
    'SELECT id::text AS id, family_id::text AS family_id FROM family_member ORDER BY id',
  );
  for (const m of members) {
    const f = index.get(m.family_id);
    if (f) index.set(m.id, { ...f, kind: 'member' });
  }
  pick.member = {};
  for (const place of PLACES) {
    const fam = pick.family[place]?.id;
    const m = members.find((x) => x.family_id === fam);
    if (fam && m) pick.member[place] = { id: fam, memberId: m.id };
  }
  pick.groupMember = {};
  for (const place of PLACES) {
    const g = pick.group[place]?.id;
    if (!g) continue;
    const [m] = await q<{ id: string }>('SELECT id::text AS id FROM convergence_member WHERE group_id = $1 ORDER BY id LIMIT 1', [g]);
    if (m) pick.groupMember[place] = { id: g, memberId: m.id };
  }
  pick.caseAttachment = {};
  for (const place of PLACES) {
    const [a] = await q<{ id: string; case_id: string }>(
      'SELECT id::text AS id, case_id::text AS case_id FROM case_attachment WHERE district_code = $1 ORDER BY id LIMIT 1',
      [DISTRICT[place]],
    );
    if (a) pick.caseAttachment[place] = { id: a.case_id, attachmentId: a.id };
  }
  // A match is the other side's business too: placed by its missing report (the found side is indexed through its record).
  pick.match = {};
  const matches = await q<{ id: string; missing_district_code: number; found_district_code: number }>(
    'SELECT id::text AS id, missing_district_code, found_district_code FROM missing_match ORDER BY id',
  );
  for (const place of PLACES) {
    const m = matches.find((x) => x.missing_district_code === DISTRICT[place] || x.found_district_code === DISTRICT[place]);
    if (m) pick.match[place] = { id: m.id };
  }
  const [scheme] = await q<{ id: string }>('SELECT scheme_id AS id FROM scheme_revision ORDER BY scheme_id LIMIT 1');
  if (scheme) pick.scheme = { amravati: { id: scheme.id }, rajura: { id: scheme.id }, akola: { id: scheme.id } };
  pick.village = { amravati: { villageId: 'vi:demo-wadali' }, rajura: { villageId: RAJURA }, akola: { villageId: 'vi:demo-umri' } };
  pick.location = { amravati: { id: 'di:468' }, rajura: { id: RAJURA }, akola: { id: 'di:467' } };
  // A case in transfer is read by its receiving unit: the case and its attachments, and the ids of its child and family.
  const transfers = await q<{ id: string; child_id: string; family_id: string | null; unit: string; attachments: string[] }>(
    `SELECT k.id::text AS id, k.child_id::text AS child_id, k.family_id::text AS family_id, k.transfer_to_unit_id::text AS unit,
            ARRAY(SELECT a.id::text FROM case_attachment a WHERE a.case_id = k.id) AS attachments
       FROM case_record k WHERE k.transfer_to_unit_id IS NOT NULL`,
  );
  for (const tr of transfers) {
    for (const id of [tr.id, ...tr.attachments]) {
      const p = index.get(id);
      if (p) p.receivingUnits = [...(p.receivingUnits ?? []), tr.unit];
    }
    for (const id of [tr.child_id, tr.family_id]) {
      const p = id ? index.get(id) : undefined;
      if (p) p.referencedBy = [...(p.referencedBy ?? []), tr.unit];
    }
  }
  return { index, pick };
}

/**
 * Which record a route's path parameters name, by the route's path. The first matching rule
 * wins; a path parameter no rule covers means the generator cannot reach that route's handler
 * with a real record (the matrix then requires the route in its skip list).
 */
export const PATH_RECORDS: [RegExp, string][] = [
  [/^\/families\/\{id\}\/members\/\{memberId\}/, 'member'],
  [/^\/convergence\/groups\/\{id\}\/members\/\{memberId\}/, 'groupMember'],
  [/^\/cases\/\{id\}\/attachments\/\{attachmentId\}/, 'caseAttachment'],
  [/^\/\{kind\}\/\{id\}\//, 'child'],
  [/^\/children\/\{id\}/, 'child'],
  [/^\/families\/\{id\}/, 'family'],
  [/^\/cases\/\{id\}/, 'case'],
  [/^\/convergence\/actions\/\{id\}/, 'action'],
  [/^\/convergence\/bal-panchayat\/issues\/\{id\}/, 'issue'],
  [/^\/convergence\/coverage\/families\/\{id\}/, 'family'],
  [/^\/convergence\/groups\/\{id\}/, 'group'],
  [/^\/convergence\/meetings\/\{id\}/, 'meeting'],
  [/^\/document-requests\/\{id\}/, 'documentRequest'],
  [/^\/scheme-applications\/\{id\}/, 'application'],
  [/^\/missing\/records\/\{id\}/, 'missingRecord'],
  [/^\/missing\/matches\/\{id\}/, 'match'],
  [/^\/missing\/restorations\/\{id\}/, 'restoration'],
  [/^\/possible-duplicates\/\{id\}/, 'duplicate'],
  [/^\/helpline\/calls\/\{id\}/, 'helplineCall'],
  [/^\/schemes\/\{id\}/, 'scheme'],
  [/^\/villages\/\{villageId\}/, 'village'],
  [/^\/locations\/\{id\}/, 'location'],
  [/^\/care\/institutions\/\{id\}/, 'institution'],
  [/^\/care\/stays\/\{id\}/, 'stay'],
  [/^\/care\/plans\/\{id\}/, 'plan'],
  [/^\/care\/reintegration\/\{id\}/, 'pathway'],
  [/^\/care\/follow-ups\/\{id\}/, 'followUp'],
  [/^\/care\/movement-requests\/\{id\}/, 'movementRequest'],
  [/^\/care\/foster-carers\/\{id\}/, 'fosterCarer'],
  [/^\/care\/family-placements\/\{id\}/, 'placement'],
  [/^\/care\/payments\/\{id\}/, 'payment'],
  [/^\/care\/sponsorships\/\{id\}/, 'sponsorship'],
  [/^\/care\/aftercare\/\{id\}/, 'aftercare'],
  [/^\/care\/adoption-handoffs\/\{id\}/, 'handoff'],
];

export function recordKindOf(path: string): string | null {
  if (!path.includes('{')) return null;
  return PATH_RECORDS.find(([re]) => re.test(path))?.[1] ?? null;
}

/** Path parameters that are not records: a real value from the parameter's own enum. */
export function fixedParam(name: string, schemaEnum: unknown[] | undefined): string | null {
  if (name === 'kind') return 'children';
  if (name === 'docType' && schemaEnum?.length)
    return String(schemaEnum.includes('birth_certificate') ? 'birth_certificate' : schemaEnum[0]);
  return null;
}

/** The real path parameters for a route at a place, or null when the demo has no such record there. */
export function realParams(
  records: Records,
  path: string,
  pathParams: { name: string; schema: { enum?: unknown[] } }[],
  place: Place,
): Record<string, string> | null {
  if (!pathParams.length) return {};
  const kind = recordKindOf(path);
  const bundle = kind ? records.pick[kind]?.[place] : undefined;
  const out: Record<string, string> = {};
  for (const p of pathParams) {
    const v = fixedParam(p.name, p.schema.enum) ?? bundle?.[p.name];
    if (v == null) return null;
    out[p.name] = v;
  }
  return out;
}

export const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
