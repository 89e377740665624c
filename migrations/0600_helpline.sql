-- Child helpline 1098 (issue #13): calls taken by the 1098 operator, integrated with 112 (ERSS)
-- and 181 (women's helpline). A call is saved as a draft while the operator types (versioned,
-- optimistic concurrency), submitted once, then triaged (src/helpline/triage.data.ts: route and
-- response target, both copied onto the row so a later rule change does not rewrite history),
-- handed over to the responsible unit and timed: dispatched, child reached, closed.
--
-- The place columns are the access policy's (src/access/policy.ts); child_ids are the registry
-- children the call is about, for the CWC non-disclosure order (JJ Act 2015 s.74).

CREATE TABLE helpline_call (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  status            text NOT NULL CHECK (status IN ('draft', 'open', 'dispatched', 'reached', 'closed')),
  channel           text NOT NULL DEFAULT '1098' CHECK (channel IN ('1098', '112', '181', 'web', 'public')),
  state_code        integer NOT NULL,
  district_code     integer NOT NULL,
  subdistrict_code  integer,
  block_code        integer,
  village_id        text REFERENCES location(id),
  operator_user_id  uuid,            -- NULL: a public sighting from /report-a-child, no operator took it
  operator_unit_id  uuid,
  caller_phone      text,
  caller_name       text,
  caller_anonymous  boolean NOT NULL DEFAULT false,
  caller_relation   text,
  children          jsonb NOT NULL DEFAULT '[]',
  child_ids         uuid[] NOT NULL DEFAULT '{}',
  location_text     text,
  latitude          double precision,
  longitude         double precision,
  categories        text[] NOT NULL DEFAULT '{}',
  urgency           text CHECK (urgency IN ('emergency', 'non_emergency', 'information')),
  language          text,
  notes             text,
  received_at       timestamptz NOT NULL,
  submitted_at      timestamptz,
  route             text,
  target_minutes    integer,
  target_at         timestamptz,
  triage            jsonb,
  assigned_unit_id  uuid,
  dispatched_at     timestamptz,
  reached_at        timestamptz,
  closed_at         timestamptz,
  outcome           text,
  case_id           uuid,
  missing_record_id uuid,
  alerted_at        timestamptz,
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);

-- The district queue (open calls by urgency and age) and the figures (calls of a month).
CREATE INDEX helpline_call_queue ON helpline_call (district_code, status, received_at);
-- The overdue sweep: submitted calls not yet reached whose target has passed and that raised no alert.
CREATE INDEX helpline_call_overdue ON helpline_call (target_at) WHERE reached_at IS NULL AND alerted_at IS NULL AND status IN ('open', 'dispatched');
CREATE INDEX helpline_call_children ON helpline_call USING gin (child_ids);
