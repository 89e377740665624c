-- Child helpline 1098 (issue #13): a state-level reader's queue (all the state's districts) read in
-- index order as the district queue is (0800): WHERE state_code = ? ORDER BY queue_rank,
-- received_at, number, the next page after the cursor. No sort of the state's open calls.
CREATE INDEX helpline_call_state_queue_page ON helpline_call (state_code, queue_rank, received_at, number);
