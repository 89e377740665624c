import type { TestApp } from '../../support/app';

/**
 * A cheap fingerprint of the tables that hold records: per table, the row count and the sum
 * of the rows' xmin (the transaction that wrote each row version). Any insert, update or
 * delete changes it; reading does not. It costs one scan per table without converting rows
 * to text, so it can run around every refused request.
 *
 * Left out on purpose: audit_event (a refused or denied request may be audited: that is
 * the point of an audit log), user_session (signing in), the job queue's tables, and
 * missing_block_key (a cache of blocking-key counts).
 */
export const KEY_TABLES = [
  'child',
  'family',
  'family_member',
  'assessment',
  'village_survey',
  'survey_visit',
  'document',
  'document_event',
  'case_record',
  'case_action',
  'case_due',
  'case_referral',
  'case_attachment',
  'case_convergence_flag',
  'case_non_disclosure_order',
  'missing_record',
  'missing_match',
  'missing_restoration',
  'possible_duplicate',
  'convergence_group',
  'convergence_member',
  'convergence_meeting',
  'convergence_attendance',
  'convergence_discussion',
  'convergence_action',
  'convergence_action_event',
  'convergence_matrix',
  'bal_panchayat_issue',
  'document_request',
  'scheme_application',
  'scheme_application_step',
  'scheme_revision',
  'app_user',
  'organisation',
  'location',
  'notification_outbox',
  'notification_read',
];

export async function fingerprintQuery(t: TestApp): Promise<() => Promise<string>> {
  const present = new Set(
    (
      await t.ctx.database.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)
    ).map((r) => r.table_name),
  );
  const tables = KEY_TABLES.filter((x) => present.has(x));
  // A refused sign-in or password change counts a failure on app_user by design (the lockout,
  // src/auth): the account's own fields are compared instead of the row version.
  const of = (x: string) =>
    x === 'app_user'
      ? `SELECT 'app_user' AS t, count(*)::text || ':' || md5(coalesce(string_agg(concat_ws('|', id, username, display_name, password_hash, role, organisation_id, scope_level, active, must_change_password), ',' ORDER BY id), '')) AS f FROM app_user`
      : `SELECT '${x}' AS t, count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text AS f FROM ${x}`;
  const sql = tables.map(of).join(' UNION ALL ');
  return async () => (await t.ctx.database.query<{ t: string; f: string }>(sql)).map((r) => `${r.t}=${r.f}`).join(' ');
}

/** The tables whose fingerprint differs, for a readable failure. */
export function changedTables(before: string, after: string): string[] {
  const a = new Map(before.split(' ').map((p) => p.split('=') as [string, string]));
  return after
    .split(' ')
    .map((p) => p.split('=') as [string, string])
    .filter(([t, f]) => a.get(t) !== f)
    .map(([t]) => t);
}
