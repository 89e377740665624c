-- Child helpline 1098 (issue #13), the queue at 1 lakh calls and the warning before a target is missed.
--
-- The queue's order (open work first, then by urgency, then the oldest call) as one stored
-- number, so the page is read in index order: no sort and no count of the whole open set.
-- rank = status order * 3 + urgency order (helpline.repository.ts, queueRank).
ALTER TABLE helpline_call ADD COLUMN queue_rank smallint GENERATED ALWAYS AS (
  (CASE status WHEN 'draft' THEN 0 WHEN 'open' THEN 1 WHEN 'dispatched' THEN 2 WHEN 'reached' THEN 3 ELSE 4 END) * 3
  + CASE urgency WHEN 'emergency' THEN 0 WHEN 'non_emergency' THEN 1 ELSE 2 END
) STORED;
-- The district queue page: WHERE district_code = ? ORDER BY queue_rank, received_at, number, and
-- the next page as (queue_rank, received_at, number) > the cursor (keyset paging).
CREATE INDEX helpline_call_queue_page ON helpline_call (district_code, queue_rank, received_at, number);

-- The warning before the target is missed (helpline.jobs.ts, the due-soon sweep): sent once per call.
ALTER TABLE helpline_call ADD COLUMN warned_at timestamptz;
CREATE INDEX helpline_call_due_soon ON helpline_call (target_at) WHERE reached_at IS NULL AND warned_at IS NULL AND status IN ('open', 'dispatched');
