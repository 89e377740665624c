-- An action item raised between meetings (POST /convergence/groups/:id/actions, and the
-- schemes module's document follow-up): it belongs to the group but to no meeting yet, is
-- assigned on the day it was raised (raised_on = assigned_on) and comes up on the agenda of
-- the group's next meeting (src/convergence/agenda.sources.ts). An item minuted at a meeting
-- keeps meeting_id and has no raised_on.
ALTER TABLE convergence_action ALTER COLUMN meeting_id DROP NOT NULL;
ALTER TABLE convergence_action ADD COLUMN raised_on date;
ALTER TABLE convergence_action ADD CONSTRAINT convergence_action_meeting_or_raised
  CHECK ((meeting_id IS NULL) = (raised_on IS NOT NULL) AND (raised_on IS NULL OR raised_on = assigned_on));
