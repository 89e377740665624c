import type { AppContext } from '../../http/context';
import { requirePermission, type Actor } from '../../access/policy';
import { audit } from '../../audit/audit.service';
import { HttpError, notFound } from '../../http/errors';
import { lgdStateNames } from '../../locations/lgd';
import { decideNationalMatch, NationalDecisionError } from '../decisions';
import { countProposals, federationTables, getProposal, listProposals, type ProposalRow } from './proposals.repository';
import type { ProposalDecisionInput, ProposalListOut, ProposalListQuery, ProposalOut } from './proposals.model';

/**
 * National match proposals in a state's app (issue #19): the nation proposes (national-matching.ts),
 * the proposal arrives by replication, and the DCPU of the district whose record it names confirms
 * or rejects it for the state (decisions.ts). A state database without the federation tables (the
 * embedded database, or PostgreSQL not set up for the federation) has no proposals: the list says
 * `federation: false`, which the screen shows as "national matching is not set up".
 */
export async function listNationalProposals(ctx: AppContext, actor: Actor, query: ProposalListQuery): Promise<ProposalListOut> {
  requirePermission(actor, 'missing.national');
  const { page, pageSize, ...filter } = query;
  if (!(await federationTables(ctx.db))) return { federation: false, items: [], total: 0, page, pageSize };
  const [rows, total] = await Promise.all([
    listProposals(ctx.db, actor, filter, pageSize, (page - 1) * pageSize),
    countProposals(ctx.db, actor, filter),
  ]);
  // Ids and counts only (JJ Act 2015 s.74): the names the proposals carry stay out of the log.
  await audit(ctx.db, actor, 'list', 'national_match', null, null, {
    ids: rows.map((r) => r.id),
    records: rows.map((r) => (r.ownSide === 'missing' ? r.missingId : r.foundId)),
    total,
    national: true,
  });
  return { federation: true, items: rows.map(proposalView), total, page, pageSize };
}

export async function decideNationalProposal(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: ProposalDecisionInput,
): Promise<ProposalOut> {
  requirePermission(actor, 'missing.national');
  if (!(await federationTables(ctx.db)))
    throw new HttpError(404, 'federation_not_set_up', 'National matching is not set up for this state');
  const p = await getProposal(ctx.db, actor, id);
  if (!p) throw notFound('National proposal');
  if (p.decision) throw new HttpError(409, 'already_decided', `Your state has already decided on this proposal (${p.decision})`);
  if (p.status !== 'proposed') throw new HttpError(409, 'already_decided', `This proposal is already ${p.status}`);
  const stateCode = p.ownSide === 'missing' ? p.missingStateCode : p.foundStateCode;
  try {
    await decideNationalMatch(ctx.database, stateCode, {
      matchId: id,
      decision: input.decision,
      note: input.note,
      checkedBy: input.checkedBy ?? null,
      actor,
    });
  } catch (err) {
    if (!(err instanceof NationalDecisionError)) throw err;
    // A second decision racing this one, or the nation's status arriving meanwhile.
    if (err.code === 'already_decided' || err.code === 'not_proposed') throw new HttpError(409, 'already_decided', err.message);
    if (err.code === 'note_required') throw new HttpError(400, 'validation_failed', err.message, [{ field: 'note', message: err.message }]);
    throw notFound('National proposal');
  }
  return proposalView((await getProposal(ctx.db, actor, id))!);
}

function proposalView(r: ProposalRow): ProposalOut {
  const names = lgdStateNames();
  const side = (k: 'missing' | 'found') => ({
    recordId: k === 'missing' ? r.missingId : r.foundId,
    stateCode: k === 'missing' ? r.missingStateCode : r.foundStateCode,
    stateName: names.get(k === 'missing' ? r.missingStateCode : r.foundStateCode) ?? null,
    districtCode: k === 'missing' ? r.missingDistrictCode : r.foundDistrictCode,
    name: k === 'missing' ? r.missingName : r.foundName,
    nameLocal: k === 'missing' ? r.missingNameLocal : r.foundNameLocal,
    sex: k === 'missing' ? r.missingSex : r.foundSex,
    ageYears: k === 'missing' ? r.missingAgeYears : r.foundAgeYears,
    eventDate: k === 'missing' ? r.missingEventDate : r.foundEventDate,
  });
  return {
    id: r.id,
    status: r.status,
    ownSide: r.ownSide,
    missing: side('missing'),
    found: side('found'),
    probability: r.probability,
    explanation: r.explanation,
    modelVersion: r.modelVersion,
    proposedAt: r.proposedAt as unknown as string,
    decision: r.decision
      ? { decision: r.decision, note: r.decisionNote ?? '', checkedBy: r.checkedBy, decidedAt: r.decidedAt as unknown as string }
      : null,
  };
}
