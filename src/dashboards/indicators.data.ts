/**
 * The indicators of the dashboards and the Mission Vatsalya reports, as versioned data.
 * Changing what an indicator counts means a new `version` of it here (and of the set), so a
 * report records which definition its figures follow. Validated by zod when loaded
 * (indicators.ts); each live indicator has a test on a hand-built fixture
 * (indicators.fixture.test.ts).
 *
 * A slot may be marked `awaiting_module` while the module that counts it is being built: it shows
 * as "not yet available" until wired. Care (src/care) and the helpline (src/helpline) are read
 * through their views (migrations/0662_dashboard_care_helpline.sql); this module imports neither.
 */
import type { z } from 'zod';
import { indicatorSchema, indicatorSetSchema, SOURCE_DISAGGREGATIONS, type IndicatorSet, type Source } from './domain/indicator';

const MV = 'Mission Vatsalya Guidelines 2022 (MWCD), monitoring and MIS';

type Def = z.input<typeof indicatorSchema>;
type Counted = Pick<Def, 'numerator' | 'denominator'>;

/**
 * A live indicator over one source, version 1 and every disaggregation the source gives unless
 * said otherwise: the data below says only what differs from one indicator to the next.
 */
const live = (
  source: Source,
  counted: Counted,
  def: Omit<Def, 'source' | 'status' | 'numerator' | 'denominator' | 'version' | 'disaggregations'> &
    Partial<Pick<Def, 'version' | 'disaggregations'>>,
): Def => ({
  version: 1,
  status: 'live',
  source,
  ...counted,
  disaggregations: [...SOURCE_DISAGGREGATIONS[source]],
  ...def,
});
/** A plain count of the rows meeting every condition. */
const count = (...conditions: string[]): Counted => ({ numerator: conditions, denominator: null });
/** A rate: of the rows meeting `of`, those meeting `also` as well (the numerator includes the denominator, so ≤ 100%). */
const share = (of: string[], ...also: string[]): Counted => ({ numerator: [...of, ...also], denominator: of });

export const INDICATORS_DATA = {
  version: 2,
  effectiveFrom: '2026-12-06',
  indicators: [
    live('child', count(), {
      id: 'children_identified',
      title: { en: 'Children identified as vulnerable', hi: 'चिन्हित असुरक्षित बच्चे', mr: 'ओळखलेली असुरक्षित बालके' },
      definition: 'Children recorded in the registry of vulnerable children and families (merged duplicates not counted).',
      basis: `${MV}: vulnerability mapping and a shared database of child and family vulnerabilities (Amravati–Akola convergence model)`,
      section: 'identification',
      trend: { date: 'identified_at', mode: 'stock' },
      better: 'higher',
    }),
    live('child', share([], 'assessed'), {
      id: 'children_assessed',
      title: { en: 'Children assessed', hi: 'मूल्यांकित बच्चे', mr: 'मूल्यांकन झालेली बालके' },
      definition: 'Children with at least one vulnerability assessment of the child or of the family as a whole, of all identified.',
      basis: `${MV}; JJ Model Rules 2016 r.19 and Form 7 (assessment before the care plan)`,
      section: 'identification',
      trend: { date: 'assessed_on', mode: 'stock' },
      better: 'higher',
    }),
    live('child', share([], 'open_case'), {
      id: 'children_open_case',
      title: { en: 'Children with an open case', hi: 'खुले केस वाले बच्चे', mr: 'खुले प्रकरण असलेली बालके' },
      definition: 'Children with at least one case of a child in need of care and protection that is not closed, of all identified.',
      basis: 'JJ Act 2015 s.2(14) (child in need of care and protection), s.31 and s.36 (the case before the CWC)',
      section: 'care',
      trend: { date: 'open_case_since', mode: 'stock' },
      better: 'higher',
    }),
    live('care', count('institution'), {
      id: 'children_in_institutional_care',
      title: { en: 'Children in institutional care', hi: 'संस्थागत देखरेख में बच्चे', mr: 'संस्थात्मक काळजीतील बालके' },
      definition:
        'Children in a Child Care Institution now (on leave included, a child who ran away not), counted in the district of the institution.',
      basis: 'JJ Act 2015 s.2(21), s.37(1)(c); Mission Vatsalya institutional care component',
      section: 'care',
      trend: null,
      better: 'lower',
    }),
    live('care', count('family_based'), {
      id: 'children_in_family_based_care',
      title: { en: 'Children in family-based care', hi: 'परिवार-आधारित देखरेख में बच्चे', mr: 'कुटुंब-आधारित काळजीतील बालके' },
      definition:
        'Children in a current kinship, foster, group foster or sponsorship placement (aftercare not counted), each child once, counted in the district of the placement.',
      basis: 'JJ Act 2015 s.44, s.45; Mission Vatsalya non-institutional care (sponsorship, foster care)',
      section: 'care',
      trend: null,
      better: 'higher',
    }),
    live('child', share(['restored'], 'followed_up'), {
      id: 'children_restored_followed_up',
      title: { en: 'Restored and followed up', hi: 'पुनर्स्थापित और अनुवर्ती', mr: 'पुनर्स्थापित व पाठपुरावा' },
      definition: 'Children restored to their family on a CWC restoration order who had a follow-up visit on or after it, of all restored.',
      basis: 'JJ Act 2015 s.37(1), s.40 (restoration); Model Rules 2016 Form 44 and Form 7 (follow-up after restoration)',
      section: 'care',
      trend: { date: 'followed_up_on', mode: 'stock' },
      better: 'higher',
    }),
    live('child', share([], 'scheme_linked'), {
      id: 'children_scheme_linked',
      title: { en: 'Linked to at least one scheme', hi: 'कम से कम एक योजना से जुड़े', mr: 'किमान एका योजनेशी जोडलेली' },
      definition: 'Children for whom, or for whose family, at least one scheme benefit is sanctioned or being received, of all identified.',
      basis: `${MV}: convergence with schemes of other departments (Amravati–Akola: families linked to government schemes)`,
      section: 'schemes',
      trend: { date: 'scheme_linked_on', mode: 'stock' },
      better: 'higher',
    }),
    live('child', share(['documents_recorded'], 'documents_complete'), {
      id: 'children_documents_complete',
      title: { en: 'With every needed document', hi: 'सभी आवश्यक दस्तावेज़ों सहित', mr: 'सर्व आवश्यक कागदपत्रांसह' },
      definition:
        'Children none of whose recorded documents (their own and their family’s) is still missing or applied for, of children with any document recorded.',
      basis: `${MV}: documents secured for orphans (death, caste and orphan certificates) so that benefits can follow`,
      section: 'schemes',
      trend: null,
      better: 'higher',
    }),
    live('case_due', share(['production_pending'], 'overdue'), {
      id: 'cases_past_production',
      title: { en: 'Past the 24-hour production limit', hi: '24 घंटे की पेशी सीमा पार', mr: '24 तासांची हजेरी मर्यादा ओलांडली' },
      definition: 'Open cases whose child is still to be produced before the CWC after the limit, of cases awaiting production.',
      basis: 'JJ Act 2015 s.31(1): production before the CWC within 24 hours',
      section: 'statutory',
      trend: null,
      better: 'lower',
    }),
    live('case_due', share(['sir_pending'], 'overdue'), {
      id: 'cases_past_sir',
      title: { en: 'SIR past 15 days', hi: 'एसआईआर 15 दिन से अधिक लंबित', mr: 'एसआयआर 15 दिवसांपेक्षा जास्त प्रलंबित' },
      definition: 'Open cases whose Social Investigation Report is not submitted 15 days after first production, of cases awaiting one.',
      basis: 'JJ Act 2015 s.36(2); JJ Model Rules 2016 Forms 21 and 22',
      section: 'statutory',
      trend: null,
      better: 'lower',
    }),
    live('case_due', share(['final_order_pending'], 'overdue'), {
      id: 'cases_past_final_order',
      title: { en: 'Final order past 4 months', hi: 'अंतिम आदेश 4 महीने से अधिक लंबित', mr: 'अंतिम आदेश 4 महिन्यांपेक्षा जास्त प्रलंबित' },
      definition: 'Open cases without the CWC’s final order four months after first production, of cases awaiting one.',
      basis: 'JJ Act 2015 s.36(2): final order within four months of first production',
      section: 'statutory',
      trend: null,
      better: 'lower',
    }),
    live('action', share(['due_by_today'], 'done_on_time'), {
      id: 'actions_done_on_time',
      title: { en: 'Action items done on time', hi: 'समय पर पूरे कार्य-बिंदु', mr: 'वेळेत पूर्ण कृती-मुद्दे' },
      definition: 'Convergence action items done on or before their due date, of those due by today; per department.',
      basis: `${MV}: DCWPC and convergence group review; division of labour among departments (Amravati–Akola model)`,
      section: 'convergence',
      trend: { date: 'due_date', mode: 'flow' },
      better: 'higher',
    }),
    live('missing', share([], 'matched'), {
      id: 'missing_matched',
      title: { en: 'Missing reports matched', hi: 'मिलान हुई गुमशुदगी रिपोर्ट', mr: 'जुळलेल्या हरवल्याच्या नोंदी' },
      definition: 'Missing-child reports with a confirmed match to a found child, of reports accepted.',
      basis: 'MWCD Khoya-Paaya and TrackChild; SOP on missing children (Ministry of Home Affairs advisory 2013)',
      section: 'missing',
      trend: { date: 'matched_at', mode: 'stock' },
      better: 'higher',
    }),
    live('missing', share(['matched'], 'restored'), {
      id: 'missing_restored',
      title: { en: 'Matched and restored', hi: 'मिलान के बाद पुनर्स्थापित', mr: 'जुळवून पुनर्स्थापित' },
      definition: 'Matched missing children restored on a CWC order, of reports matched; with the median days from report to restoration.',
      basis: 'JJ Act 2015 s.37(1), s.40; Model Rules 2016 Form 44 (release-cum-restoration order)',
      section: 'missing',
      medianDays: { from: 'reported_at', to: 'restored_at' },
      trend: { date: 'restored_at', mode: 'stock' },
      better: 'higher',
    }),
    live('helpline', share(['due'], 'reached_in_target'), {
      id: 'helpline_reached_in_target',
      title: { en: 'Helpline calls reached within target', hi: 'लक्ष्य समय में पहुँची हेल्पलाइन कॉल', mr: 'लक्ष्य वेळेत पोहोचलेले हेल्पलाइन कॉल' },
      definition:
        'Submitted calls to 1098 whose child was reached by the call’s response-time target, of calls whose time is up (reached, or the target passed unreached).',
      basis: 'MWCD Child Helpline (1098) integrated with ERSS 112: response-time targets (src/helpline/triage.data.ts)',
      section: 'helpline',
      trend: { date: 'received_at', mode: 'flow' },
      better: 'higher',
    }),
  ],
};

export const INDICATORS: IndicatorSet = indicatorSetSchema.parse(INDICATORS_DATA);
