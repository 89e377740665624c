/** The case list's filters, kept in the address so a filtered list can be shared and reloaded. */
export interface CaseSearch {
  status?: string;
  risk?: string;
  level?: string;
  villageId?: string;
  queue?: string;
  overdue?: 'true';
  childId?: string;
  page?: number;
}

const STATUSES = [
  'open',
  'intake',
  'under_assessment',
  'under_cwc',
  'care_plan_active',
  'under_review',
  'escalated',
  'transfer_pending',
  'closed',
];
const RISKS = ['low', 'medium', 'high', 'critical'];
const LEVELS = ['village', 'block', 'district', 'state'];
const QUEUES = ['mine', 'unit', 'escalated', 'transfers', 'convergence'];

const pick = (v: unknown, allowed: string[]) => (typeof v === 'string' && allowed.includes(v) ? v : undefined);

export function parseCaseSearch(s: Record<string, unknown>): CaseSearch {
  const page = Number(s.page);
  return {
    status: pick(s.status, STATUSES),
    risk: pick(s.risk, RISKS),
    level: pick(s.level, LEVELS),
    queue: pick(s.queue, QUEUES),
    villageId: typeof s.villageId === 'string' && s.villageId.length < 61 ? s.villageId : undefined,
    childId: typeof s.childId === 'string' && /^[0-9a-f-]{36}$/i.test(s.childId) ? s.childId : undefined,
    overdue: s.overdue === 'true' || s.overdue === true ? 'true' : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

export const compact = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
