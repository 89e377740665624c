import type { EventHandler } from '../events/dispatcher';
import { unitOfKind } from './cases.repository';
import { insertNotifications } from './notifications.repository';

/**
 * What a Bal Panchayat raises cannot always wait for the next block meeting: an imminent child
 * marriage (Prohibition of Child Marriage Act 2006 s.13: injunctions to stop one), abuse, or a
 * child kept out of school for work (Child and Adolescent Labour Act 1986 s.3) reach the
 * responsible officer as an alert due within the hour. The alert goes to the DCPU (JJ Act 2015
 * s.106 district unit) and to the block committee where there is one; it names no child.
 */
export const URGENT_ISSUE_CATEGORIES = new Set(['child_marriage', 'violence_or_abuse', 'child_labour']);
const HOUR_MS = 60 * 60 * 1000;

const WORDS: Record<string, string> = {
  child_marriage: 'a child marriage reported as imminent',
  violence_or_abuse: 'violence or abuse of a child',
  child_labour: 'a child kept out of school for work',
};

const urgentBalPanchayatIssue: EventHandler<'balpanchayat.issue_raised'> = {
  name: 'cases.urgent-bal-panchayat-alert',
  type: 'balpanchayat.issue_raised',
  async handle(db, e, now) {
    const { category, place, issueId } = e.payload;
    if (!URGENT_ISSUE_CATEGORIES.has(category)) return;
    const dcpu = await unitOfKind(db, ['DCPU'], place.stateCode, place.districtCode);
    const block = await unitOfKind(db, ['BCPC', 'TCPC'], place.stateCode, place.districtCode, place); // the issue's own block or taluka committee
    const units = [...new Set([dcpu?.id, block?.id].filter((u): u is string => !!u))];
    const dueAt = new Date(e.createdAt.getTime() + HOUR_MS);
    await insertNotifications(
      db,
      units.map((unitId) => ({
        unitId,
        kind: 'urgent.bal_panchayat',
        ref: issueId,
        dueAt,
        message: `Urgent from a Bal Panchayat: ${WORDS[category] ?? category}. Act within the hour (issue ${issueId.slice(0, 8)}).`,
        params: { key: 'alert.urgentBalPanchayat' as const, category, ref: issueId },
        createdAt: now,
      })),
    );
  },
};

export const casesEventHandlers = [urgentBalPanchayatIssue] as const;
