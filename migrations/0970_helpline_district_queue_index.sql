-- Child helpline 1098 (issue #13): the district queue page read by an index that matches the whole
-- WHERE the access policy writes for a district reader (state_code = ? AND district_code = ?,
-- src/access/policy.ts jurisdictionWhere) and then the queue's order (queue_rank = status order * 3
-- + urgency order, received_at, number; 0800). The index of 0800 led with district_code alone, so
-- state_code stayed a filter on it as district_code did on the state index (0891): the planner
-- rated the two alike and sometimes read a district's page through the state's index, scanning
-- the other districts' open calls. This one is strictly the better for a district; 0800's goes.
CREATE INDEX helpline_call_district_queue_page ON helpline_call (state_code, district_code, queue_rank, received_at, number);
DROP INDEX helpline_call_queue_page;
