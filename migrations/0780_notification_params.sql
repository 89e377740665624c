-- Issue #17: an alert is written for people in their own language when it is read, not once in
-- English when it is raised. `params` holds the catalogue key and its values (ids, codes, numbers
-- and instants only, never names: JJ Act 2015 s.74); `message` stays as the English fallback for
-- older rows and for programs.
ALTER TABLE notification ADD COLUMN params jsonb;
