-- A missing document's request can be followed up as a convergence action item (assigned to
-- the issuing department in a group covering the family) or as a task in the child's or
-- family's open case (a referral to that department's office). The request keeps the link so
-- the application's checklist shows how the follow-up stands.
ALTER TABLE document_request ADD COLUMN follow_up text NOT NULL DEFAULT 'request'
  CHECK (follow_up IN ('request', 'convergence_action', 'case_task'));
ALTER TABLE document_request ADD COLUMN case_id uuid REFERENCES case_record(id);
ALTER TABLE document_request ADD COLUMN case_referral_id text;
ALTER TABLE document_request ADD CONSTRAINT document_request_convergence_action_fk
  FOREIGN KEY (convergence_action_id) REFERENCES convergence_action(id);
ALTER TABLE document_request ADD CONSTRAINT document_request_follow_up_link CHECK (
  (follow_up <> 'convergence_action' OR convergence_action_id IS NOT NULL)
  AND (follow_up <> 'case_task' OR (case_id IS NOT NULL AND case_referral_id IS NOT NULL))
);
CREATE INDEX document_request_action_idx ON document_request (convergence_action_id) WHERE convergence_action_id IS NOT NULL;
CREATE INDEX document_request_case_idx ON document_request (case_id) WHERE case_id IS NOT NULL;
