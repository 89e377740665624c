-- Foster approval lapse alert (issue #14, src/care/foster-lapse.service.ts). The daily sweep raises,
-- once per family and lapse, a notification to the district's DCPU users and a convergence action
-- item, for a family whose approval ended (review_due past) or whose renewal the committee refused
-- while a child is still placed (JJ Model Rules 2016 r.23; only the CWC's order moves the child).
-- `lapse` names which lapse: 'lapsed:<the end>' or 'refused:<the renewal's id>', so a renewal then a
-- later lapse is a new alert. The unique index is what makes a re-run (or two servers) raise none twice;
-- state_code leads it so the table can be partitioned like the other care tables.
CREATE TABLE care_foster_lapse_alert (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  carer_id              uuid NOT NULL REFERENCES care_foster_carer(id),
  state_code            integer NOT NULL,
  district_code         integer NOT NULL,
  lapse                 text NOT NULL,
  state                 text NOT NULL CHECK (state IN ('lapsed','refused')),
  ended_on              date,
  children_placed       integer NOT NULL,
  notified              integer NOT NULL DEFAULT 0,
  convergence_action_id uuid,
  -- Why no action item was opened (no district convergence group, the DCPU has no seat in it): retried daily.
  action_problem        text,
  raised_on             date NOT NULL,
  created_at            timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX care_foster_lapse_alert_key ON care_foster_lapse_alert (state_code, carer_id, lapse);
CREATE INDEX care_foster_lapse_alert_pending_idx ON care_foster_lapse_alert (state_code, district_code) WHERE convergence_action_id IS NULL;
