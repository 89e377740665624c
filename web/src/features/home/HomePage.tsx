import { useSearch } from '@tanstack/react-router';
import { useMe } from '../../auth/session';
import { DistrictHomeView } from './DistrictHome';
import { MyDayView } from './MyDay';
import { StateComparisonView } from './StateComparison';
import { CwcPendencyView } from './CwcPendencyPage';

/**
 * Which home a user lands on: a state or national user compares districts (and drills into one
 * with ?district=); a CWC member sees pendency first; caseworkers and frontline workers their
 * day; everyone else (DCPU, nodal officers, auditors of a district) the district's picture.
 */
export default function HomePage() {
  const me = useMe();
  const { district } = useSearch({ strict: false }) as { district?: number };
  const level = me.scope.level;
  if (district !== undefined) return <DistrictHomeView district={district} />;
  if (level === 'state' || level === 'national') return <StateComparisonView />;
  if (me.role === 'cwc_member') return <CwcPendencyView />;
  if (['caseworker', 'ngo_caseworker', 'frontline_worker'].includes(me.role)) return <MyDayView />;
  return <DistrictHomeView />;
}
