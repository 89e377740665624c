import { istToday } from '../../src/kernel/clock';

/**
 * A server clock for tests that must not depend on the hour they run at: midday IST of the
 * real IST date, moving on with real time (so that orderings and timeouts still work). At
 * midday the IST and UTC dates agree, so a test that runs between 00:00 and 05:30 IST sees
 * the same "today" as one that runs in the afternoon; a browser in Asia/Kolkata shows the
 * same date as the server.
 */
export function istMiddayClock(real: () => number = Date.now): () => Date {
  const midday = Date.parse(`${istToday(new Date(real()))}T12:00:00+05:30`);
  const offset = midday - real();
  return () => new Date(real() + offset);
}
