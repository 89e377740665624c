import { formatDay, formatStamp, translate, type CatalogueLang } from '../i18n/catalogue';
import { lgdStateNames } from '../locations/lgd';

/**
 * What an alert says, kept as a catalogue key and its values (codes, numbers, instants: never a
 * name, JJ Act 2015 s.74) so it is worded in the reader's language when read (issue #17).
 */
export type NotificationParams =
  | { key: 'alert.overdue'; number: number; dueKind: string; dueAt: string }
  | { key: 'alert.urgentBalPanchayat'; category: string; ref: string }
  | { key: 'alert.helplineOverdue'; number: number; targetAt: string; route: string | null }
  | { key: 'alert.helplineDueSoon'; number: number; targetAt: string; route: string | null }
  /** A foster family's approval lapsed or was refused while a child is placed (src/care/foster-lapse.service.ts). */
  | { key: 'alert.fosterLapse'; ref: string; state: 'lapsed' | 'refused'; endedOn: string | null; count: number }
  /** The lapse alert's convergence action item could not be opened (no district group, the DCPU without a seat). */
  | { key: 'alert.fosterLapseNoAction'; ref: string; problem: string }
  | { key: 'alert.nationalMatchClosed'; ref: string; states: number[] };

/** The alert in `lang`; an older row without params keeps its English message. */
export function alertText(lang: CatalogueLang, params: NotificationParams | null | undefined, message: string): string {
  switch (params?.key) {
    case 'alert.overdue':
      return translate(lang, params.key, {
        number: params.number,
        what: translate(lang, `dueItem.${params.dueKind}`),
        // A due date is a calendar day: no "5:30 AM" (the production limit's hour is in the words).
        due: formatDay(lang, new Date(params.dueAt)),
      });
    case 'alert.urgentBalPanchayat':
      return translate(lang, params.key, { what: translate(lang, `urgentIssue.${params.category}`), ref: params.ref.slice(0, 8) });
    case 'alert.helplineOverdue':
    case 'alert.helplineDueSoon':
      return translate(lang, params.key, {
        number: params.number,
        // A 1098 response target is counted in minutes: its clock time matters.
        target: formatStamp(lang, params.targetAt),
        route: translate(lang, `helplineRoute.${params.route ?? 'unit'}`),
      });
    case 'alert.fosterLapse':
      // The e-mail's words (src/i18n/email-words.ts): the family by its reference, no child named.
      return translate(lang, 'email.fosterLapseSubject', { ref: params.ref });
    case 'alert.fosterLapseNoAction':
      return translate(lang, params.key, {
        ref: params.ref,
        why:
          params.problem === 'no_district_group'
            ? translate(lang, 'lapseActionProblem.no_district_group')
            : translate(lang, 'lapseActionProblem.other', { code: params.problem }),
      });
    case 'alert.nationalMatchClosed':
      // State names as the LGD spells them (the proposals screen shows the same).
      return translate(lang, params.key, {
        ref: params.ref,
        states: params.states.map((c) => lgdStateNames().get(c) ?? String(c)).join(', '),
      });
    default:
      return message;
  }
}
