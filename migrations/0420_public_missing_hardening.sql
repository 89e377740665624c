-- Missing and found children, hardening (issues #11, #12).
--
-- 1. Public references are random (src/missing/domain/reference.ts): MR-XXXXX-XXXXX, ten
--    characters without 0/O/1/I/L, unique. References already handed to citizens keep their
--    sequential form (a citizen holds it on paper); only new records get random ones.
ALTER TABLE missing_record ADD COLUMN reference text;
UPDATE missing_record SET reference = (CASE WHEN kind = 'missing' THEN 'MR-' ELSE 'FC-' END) || lpad(number::text, 6, '0')
  WHERE reference IS NULL;
ALTER TABLE missing_record ALTER COLUMN reference SET NOT NULL;
CREATE UNIQUE INDEX missing_record_reference_idx ON missing_record (reference);

-- 2. A cross-district match is agreed by a reviewer of each side (or the CWC of the report's
--    district) before it is confirmed; until a side agrees, the other district sees only the
--    compared fields of that side's record (src/access/missing.ts).
ALTER TABLE missing_match ADD COLUMN missing_agreed_by uuid;
ALTER TABLE missing_match ADD COLUMN missing_agreed_at timestamptz;
ALTER TABLE missing_match ADD COLUMN found_agreed_by uuid;
ALTER TABLE missing_match ADD COLUMN found_agreed_at timestamptz;
-- 'both_sides', 'one_district' (a reviewer whose jurisdiction covers both) or 'cwc' (the CWC of the report's district).
ALTER TABLE missing_match ADD COLUMN confirmed_as text;

-- 3. A restoration is recorded only on a CWC restoration order (JJ Act 2015 s.37(1)(b), s.40;
--    JJ Model Rules 2016 Form 44): its reference, date and where it came from.
ALTER TABLE missing_restoration ADD COLUMN cwc_order_ref text;
ALTER TABLE missing_restoration ADD COLUMN cwc_order_on date;
ALTER TABLE missing_restoration ADD COLUMN cwc_order_source text CHECK (cwc_order_source IN ('case', 'cwc_member'));

-- 4. The public forms' abuse limits, kept in the database so that several servers share them.
--    One row per (what is counted, address or '*', window start); updated with one atomic
--    INSERT … ON CONFLICT DO UPDATE … WHERE (under the limit) RETURNING.
CREATE TABLE public_limit_counter (
  scope        text NOT NULL,
  subject      text NOT NULL,
  window_start timestamptz NOT NULL,
  hits         integer NOT NULL DEFAULT 0,
  bytes        bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, subject, window_start)
);
CREATE INDEX public_limit_counter_window_idx ON public_limit_counter (window_start);

-- Proof-of-work challenges: issued by the server, solved by the browser (a nonce such that
-- sha256(challenge + nonce) starts with `difficulty` zero bits), used once, before expires_at.
CREATE TABLE public_challenge (
  id          text PRIMARY KEY,
  difficulty  integer NOT NULL CHECK (difficulty BETWEEN 0 AND 32),
  issued_at   timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX public_challenge_expiry_idx ON public_challenge (expires_at);
