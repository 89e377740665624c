-- Issue #14: a granted movement request records the move on the stay in the same transaction;
-- the stay it left the child in (a transfer: the new institution's stay) is kept on the request.
ALTER TABLE care_movement_request ADD COLUMN recorded_stay_id uuid;
