import { useSearch } from '@tanstack/react-router';
import { useMe } from '../../auth/session';
import { DistrictHomeView } from './DistrictHome';
import { MyDayView } from './MyDay';
import { StateComparisonView } from './StateComparison';
import { CwcPendencyView } from './CwcPendencyPage';

/**
 * Which home a user lands on: a state user compares districts (and drills into one with
 * ?district=), a national user compares states (and opens one with ?state=); a CWC member sees pendency first; caseworkers and frontline workers their
 * day; everyone else (DCPU, nodal officers, auditors of a district) the district's picture.
 */
export default function HomePage() {
  const me = useMe();
  const { district, state } = useSearch({ strict: false }) as { district?: number; state?: number };
  const level = me.scope.level;
  if (district !== undefined) return <DistrictHomeView district={district} />;
  if (state !== undefined) return <StateComparisonView state={state} />;
  if (level === 'state' || level === 'national') return <StateComparisonView />;
  if (me.role === 'cwc_member') return <CwcPendencyView />;
  if (['caseworker', 'ngo_caseworker', 'frontline_worker'].includes(me.role)) return <MyDayView />;
  return <DistrictHomeView />;
}
