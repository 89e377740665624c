/**
 * The schemas of the federation prototype (issue #19, docs/SCALE.md §4), as SQL strings so the
 * built server carries them (src/ is not shipped). A state's database is the project's own
 * (migrations/) plus STATE_SQL; the national database has NATION_SQL only: it never holds a
 * state's full record, only the columns national matching compares.
 */

/**
 * The columns of missing_record that leave a state: what national matching needs (the
 * engine's compared fields, as in the "compared" view of src/access/missing.ts, and the
 * blocking keys), never the address, phones or e-mail, police station and FIR, reporter,
 * description, clothing, current place, registry link or photo.
 */
export const PUBLISHED_COLUMNS = [
  'id',
  'kind',
  'status',
  'state_code',
  'district_code',
  'name',
  'name_local',
  'aliases',
  'sex',
  'age_years',
  'father_name',
  'mother_name',
  'language',
  'marks',
  'event_date',
  'place',
  'event_place',
  'block_keys',
  'block_keys_model',
] as const;

/** A proposal's columns (the nation's national_match, copied to each state it names). */
const NATIONAL_MATCH_COLUMNS = `
  id                    uuid NOT NULL,
  missing_id            uuid NOT NULL,
  found_id              uuid NOT NULL,
  missing_state_code    integer NOT NULL,
  missing_district_code integer NOT NULL,
  found_state_code      integer NOT NULL,
  found_district_code   integer NOT NULL,
  -- The compared fields of the pair, so that each state sees the other's record only as far as
  -- the proposal shows it (names, sex, age, date), never the rest of it.
  missing_name          text,
  missing_name_local    text,
  missing_sex           text NOT NULL,
  missing_age_years     numeric(4, 1),
  missing_event_date    date,
  found_name            text,
  found_name_local      text,
  found_sex             text NOT NULL,
  found_age_years       numeric(4, 1),
  found_event_date      date,
  probability           double precision NOT NULL,
  weight                double precision NOT NULL,
  fields                jsonb NOT NULL DEFAULT '[]',
  explanation           text NOT NULL DEFAULT '',
  model_version         text NOT NULL,
  status                text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'withdrawn', 'confirmed', 'rejected')),
  proposed_at           timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()`;

/** A state's decision on a national proposal (its DCPU's), written in the state, replicated to the nation. */
const DECISION_TABLE = `
CREATE TABLE national_match_decision (
  match_id    uuid NOT NULL,
  state_code  integer NOT NULL,
  decision    text NOT NULL CHECK (decision IN ('confirm', 'reject')),
  note        text NOT NULL,
  -- How the DCPU checked the match (proposals.model.ts CHECKED_BY); the note says the rest.
  checked_by  text,
  decided_by  uuid,
  decided_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (match_id, state_code)
);`;

/** The channel a state's national_match_changed trigger notifies on (proposals/arrivals.ts listens). */
export const NATIONAL_MATCH_CHANNEL = 'national_match_changed';

/**
 * A proposal arriving confirmed (the nation's answer, written by the replication apply worker)
 * tells the state's app servers at once, so that they close the state's records, open the
 * restoration and notify the DCPUs within seconds rather than at the next 10-minute sweep
 * (docs/SCALE.md §4). ENABLE ALWAYS: the apply worker runs with session_replication_role =
 * replica, which skips ordinary triggers. It runs with an empty search_path, so the function
 * names its schema. Only `confirmed` is signalled: a rejection or withdrawal leaves the state's
 * records open and needs no work (closing.ts acts on confirmed proposals only). pg_notify only:
 * nothing here may fail, since an error in the apply worker stops the state's replication.
 * A notification nobody hears (no app server up) is lost; the sweep still closes the records.
 */
const ARRIVAL_TRIGGER = `
CREATE FUNCTION national_match_changed() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF NEW.status = 'confirmed' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM NEW.status) THEN
    PERFORM pg_catalog.pg_notify('${NATIONAL_MATCH_CHANNEL}', NEW.id::text);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER national_match_changed AFTER INSERT OR UPDATE OF status ON public.national_match
  FOR EACH ROW EXECUTE FUNCTION public.national_match_changed();
ALTER TABLE public.national_match ENABLE ALWAYS TRIGGER national_match_changed;`;

/**
 * A state: the publication of its open records' compared columns, and the table the nation's
 * proposals naming one of its records arrive in.
 *
 * A row filter on UPDATE needs its columns in the replica identity, and a column list must cover
 * the replica identity: a unique index on (id, status) is both. An update that closes a record
 * (open → matched/closed) reaches the nation as a DELETE; a record opened later as an INSERT.
 */
export const STATE_SQL = `
CREATE UNIQUE INDEX missing_record_federation_identity ON missing_record (id, status);
ALTER TABLE missing_record REPLICA IDENTITY USING INDEX missing_record_federation_identity;
CREATE PUBLICATION missing_national FOR TABLE missing_record (${PUBLISHED_COLUMNS.join(', ')}) WHERE (status = 'open');
${stateTables()}
CREATE PUBLICATION national_decisions FOR TABLE national_match_decision;
`;

/**
 * The state-side tables alone (no publication): what the state app's proposals screen reads and
 * writes (proposals/), for its tests on either database.
 */
export function stateTables(): string {
  return `
CREATE TABLE national_match (${NATIONAL_MATCH_COLUMNS},
  PRIMARY KEY (id)
);
CREATE INDEX national_match_missing_idx ON national_match (missing_id);
CREATE INDEX national_match_found_idx ON national_match (found_id);
${DECISION_TABLE}
${ARRIVAL_TRIGGER}`;
}

/**
 * The nation: the replicated records (only the published columns, plus its own match state),
 * the LGD state and district names the engine compares, and the proposals, published to each
 * state with a row filter on the states they name.
 */
export const NATION_SQL = `
CREATE TABLE location (
  id         text PRIMARY KEY,
  level      text NOT NULL,
  state_code integer,
  name       text NOT NULL
);
CREATE TABLE missing_record (
  id               uuid PRIMARY KEY,
  kind             text NOT NULL CHECK (kind IN ('missing', 'found')),
  status           text NOT NULL,
  state_code       integer NOT NULL,
  district_code    integer NOT NULL,
  name             text,
  name_local       text,
  aliases          text[] NOT NULL DEFAULT '{}',
  sex              text NOT NULL,
  age_years        numeric(4, 1),
  father_name      text,
  mother_name      text,
  language         text,
  marks            text,
  event_date       date,
  place            text,
  event_place      text,
  block_keys       text[] NOT NULL DEFAULT '{}',
  block_keys_model text,
  -- The nation's own columns (never published): matched once per arrival or change.
  match_state      text NOT NULL DEFAULT 'pending' CHECK (match_state IN ('pending', 'done')),
  arrived_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX missing_record_keys_missing_idx ON missing_record USING gin (block_keys) WHERE kind = 'missing';
CREATE INDEX missing_record_keys_found_idx ON missing_record USING gin (block_keys) WHERE kind = 'found';
CREATE INDEX missing_record_pending_idx ON missing_record (arrived_at) WHERE match_state = 'pending';

-- A row written by replication (the apply worker runs as 'replica') is matched again; the
-- nation's own update of match_state is not. ENABLE ALWAYS: the apply worker fires it.
CREATE FUNCTION national_record_arrived() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  IF current_setting('session_replication_role') = 'replica' THEN
    NEW.match_state := 'pending';
    NEW.arrived_at := clock_timestamp();
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER national_record_arrived BEFORE INSERT OR UPDATE ON missing_record
  FOR EACH ROW EXECUTE FUNCTION national_record_arrived();
ALTER TABLE missing_record ENABLE ALWAYS TRIGGER national_record_arrived;

CREATE TABLE national_match (${NATIONAL_MATCH_COLUMNS},
  PRIMARY KEY (id),
  UNIQUE (missing_id, found_id)
);
-- A record that left the index (closed, matched in its state) withdraws its open proposals.
-- The apply worker runs with an empty search_path: the functions set their own.
CREATE FUNCTION national_record_left() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  UPDATE national_match SET status = 'withdrawn', updated_at = now()
   WHERE status = 'proposed' AND (missing_id = OLD.id OR found_id = OLD.id);
  RETURN OLD;
END $$;
CREATE TRIGGER national_record_left AFTER DELETE ON missing_record
  FOR EACH ROW EXECUTE FUNCTION national_record_left();
ALTER TABLE missing_record ENABLE ALWAYS TRIGGER national_record_left;

${DECISION_TABLE}
-- As across districts (src/missing/README.md, "Deciding a match"): either side's rejection
-- rejects; confirmed when both states' DCPUs confirmed. The status goes back to both states.
-- The two states' decisions arrive through two apply workers at once: the proposal is locked
-- first, so that the second one's statement below (a new snapshot) sees the first's decision.
CREATE FUNCTION national_match_decided() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  PERFORM 1 FROM national_match WHERE id = NEW.match_id FOR UPDATE;
  UPDATE national_match m
     SET status = CASE
           WHEN EXISTS (SELECT 1 FROM national_match_decision d WHERE d.match_id = m.id AND d.decision = 'reject') THEN 'rejected'
           WHEN (SELECT count(DISTINCT d.state_code) FROM national_match_decision d
                  WHERE d.match_id = m.id AND d.decision = 'confirm'
                    AND d.state_code IN (m.missing_state_code, m.found_state_code)) = 2 THEN 'confirmed'
           ELSE m.status END,
         updated_at = now()
   WHERE m.id = NEW.match_id AND m.status = 'proposed';
  RETURN NULL;
END $$;
CREATE TRIGGER national_match_decided AFTER INSERT OR UPDATE ON national_match_decision
  FOR EACH ROW EXECUTE FUNCTION national_match_decided();
ALTER TABLE national_match_decision ENABLE ALWAYS TRIGGER national_match_decided;

-- Row filters on the state codes: those columns must be in the replica identity.
CREATE UNIQUE INDEX national_match_federation_identity ON national_match (id, missing_state_code, found_state_code);
ALTER TABLE national_match REPLICA IDENTITY USING INDEX national_match_federation_identity;
`;

/** The nation's publication of the proposals naming a record of one state. */
export const nationPublicationFor = (stateCode: number) =>
  `CREATE PUBLICATION national_match_${stateCode} FOR TABLE national_match
     WHERE (missing_state_code = ${stateCode} OR found_state_code = ${stateCode})`;

/**
 * The dashboards' figures that leave a state (issue #19: "national dashboards read aggregated
 * figures each state publishes"): three of the dashboards' own kept counts (migrations 0840, 1010),
 * published as they are, with an explicit column list (a column added to a table later does not
 * cross without a change here) and a row filter on the state, and the time the state's figures
 * were computed. Each is a count per district with no one's id, name, sex, age, caste or place
 * below the district:
 *   - dash_child_count: the children's totals only (fact '' and month '-infinity'), per district
 *     and combination of the seven service facts (assessed, open case, restored, followed up,
 *     linked to a scheme, a document recorded, no document still needed); not its per-month rows,
 *     whose month × facts cells would come close to one child's history;
 *   - dash_care_now_count: children in institutional and family-based care now, per district;
 *   - dash_helpline_count: submitted 1098 calls per district, IST month and outcome (calls, not
 *     children).
 * Not published: the per-child and per-case rows beside them (dash_child_summary, dash_care_now,
 * dash_care_span, dash_due_item, dash_missing_item, dash_helpline_open), dash_care_count (per block
 * and village, per day), the due items' and action items' counts (not on the national dashboard yet).
 * A cell can be 1–4 (a district with one child in foster care): a count by district of a state's
 * service carries no identifying information (DPDP Act 2023 s.2(t): data "about an individual who
 * is identifiable"; JJ Act 2015 s.74: no name, address, school or particulars leading to
 * identification), and such counts by district are what NCPCR and MWCD publish; the facts
 * combination is the finest cell and says nothing about sex, age, caste, disability or place.
 */
export const DASHBOARD_TABLES = {
  dash_child_count: { columns: ['state_code', 'district_code', 'fact', 'month', 'flags', 'n'], where: "fact = ''" },
  dash_care_now_count: { columns: ['state_code', 'district_code', 'kind', 'n'], where: null },
  dash_helpline_count: { columns: ['state_code', 'district_code', 'received_month', 'outcome', 'target_day', 'n'], where: null },
  national_figures_at: { columns: ['state_code', 'figures_at'], where: null },
} as const;

/**
 * A state's side of the national dashboard: the time its figures were computed
 * (national_figures_at, one row, moved by the dashboards' own refresh in the same transaction as
 * the counts, so the nation holds figures and time together), and the publication. The state code
 * is written into the row filters: a state publishes its own rows only, whatever else its database
 * may hold.
 */
export function stateDashboardSql(stateCode: number): string {
  const code = Number(stateCode);
  if (!Number.isInteger(code) || code <= 0) throw new Error(`not a state code: ${stateCode}`);
  const tables = Object.entries(DASHBOARD_TABLES).map(
    ([t, d]) => `${t} (${d.columns.join(', ')}) WHERE (state_code = ${code}${d.where ? ` AND ${d.where}` : ''})`,
  );
  return `
CREATE TABLE national_figures_at (
  state_code  integer PRIMARY KEY CHECK (state_code = ${code}),
  figures_at  timestamptz NOT NULL
);
CREATE FUNCTION national_figures_refreshed() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  INSERT INTO national_figures_at (state_code, figures_at) VALUES (${code}, NEW.refreshed_at)
  ON CONFLICT (state_code) DO UPDATE SET figures_at = excluded.figures_at;
  RETURN NULL;
END $$;
-- The children's figures (src/dashboards/summary.repository.ts ensureFresh) are refreshed with
-- dash_refresh 'child'; the other published counts are moved in their writing statements.
CREATE TRIGGER national_figures_refreshed AFTER UPDATE ON dash_refresh
  FOR EACH ROW WHEN (NEW.name = 'child' AND NEW.refreshed_at <> '-infinity') EXECUTE FUNCTION national_figures_refreshed();
CREATE PUBLICATION dashboard_national FOR TABLE
  ${tables.join(',\n  ')};
`;
}

/**
 * The nation's copy of the published counts (the same names and columns, so the dashboards'
 * schema reads them) and when each state's figures arrived (its own clock, set by the apply worker's
 * write, as missing_record.arrived_at).
 */
export const NATION_DASHBOARD_SQL = `
CREATE TABLE dash_child_count (
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  fact           text NOT NULL,
  month          date NOT NULL,
  flags          smallint NOT NULL,
  n              integer NOT NULL,
  PRIMARY KEY (state_code, district_code, fact, month, flags)
);
CREATE TABLE dash_care_now_count (
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  kind           text NOT NULL,
  n              integer NOT NULL,
  PRIMARY KEY (state_code, district_code, kind)
);
CREATE TABLE dash_helpline_count (
  state_code     integer NOT NULL,
  district_code  integer NOT NULL,
  received_month date NOT NULL,
  outcome        text NOT NULL,
  target_day     date NOT NULL,
  n              integer NOT NULL,
  PRIMARY KEY (state_code, district_code, received_month, outcome, target_day)
);
CREATE TABLE national_figures_at (
  state_code   integer PRIMARY KEY,
  figures_at   timestamptz NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE FUNCTION national_figures_arrived() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  NEW.received_at := clock_timestamp();
  RETURN NEW;
END $$;
CREATE TRIGGER national_figures_arrived BEFORE INSERT OR UPDATE ON national_figures_at
  FOR EACH ROW EXECUTE FUNCTION national_figures_arrived();
ALTER TABLE national_figures_at ENABLE ALWAYS TRIGGER national_figures_arrived;
`;
