import type { EventHandler } from '../events/dispatcher';
import { audit } from '../audit/audit.service';
import { istToday } from '../kernel/clock';
import { activeOfKindAt } from '../users/organisations.repository';
import { triage } from './domain/triage';
import { triageTableFor } from './triage.data';
import { insertCall } from './helpline.repository';

/**
 * A citizen's sighting from /report-a-child (published by the missing module) becomes a call in
 * the district's helpline queue at once, with the clock of a found-child call, instead of only
 * waiting for moderation. The call carries the record's id, not the citizen's words: the unit
 * reads the sighting through the missing module (its officials' view); no operator took it.
 */
const publicSightingToQueue: EventHandler<'missing.public_sighting_submitted'> = {
  name: 'helpline.public-sighting-call',
  type: 'missing.public_sighting_submitted',
  async handle(db, e, now) {
    const { recordId, place } = e.payload;
    const receivedAt = e.createdAt;
    const decision = triage(triageTableFor(place.stateCode, istToday(receivedAt)), {
      categories: ['found_sighting'],
      urgency: 'non_emergency',
    });
    const [unit] = await activeOfKindAt(db, 'DCPU', `di:${place.districtCode}`);
    const row = await insertCall(db, {
      status: 'open',
      channel: 'public',
      stateCode: place.stateCode,
      districtCode: place.districtCode,
      subdistrictCode: place.subdistrictCode ?? null,
      blockCode: place.blockCode ?? null,
      villageId: place.villageId ?? null,
      operatorUserId: null,
      operatorUnitId: unit?.id ?? null,
      callerAnonymous: true,
      categories: ['found_sighting'],
      urgency: 'non_emergency',
      receivedAt,
      submittedAt: now,
      route: decision.route,
      targetMinutes: decision.targetMinutes,
      targetAt: decision.targetMinutes != null ? new Date(receivedAt.getTime() + decision.targetMinutes * 60_000) : null,
      triage: decision,
      missingRecordId: recordId,
      createdAt: now,
      updatedAt: now,
    });
    await audit(db, null, 'helpline.public_sighting', 'helpline_call', row.id, place, { missingRecordId: recordId });
  },
};

export const helplineEventHandlers = [publicSightingToQueue] as const;
