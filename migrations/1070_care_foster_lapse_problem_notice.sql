-- Foster approval lapse alert (issue #14, src/care/foster-lapse.service.ts): when its convergence
-- action item could not be opened (no district group, the DCPU without a seat) the district's DCPU
-- users are told once, in-app, why; this records when, so a daily retry does not tell them again.
ALTER TABLE care_foster_lapse_alert ADD COLUMN problem_notified_at timestamptz;
