import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';

/** What /care/sponsorships answers (src/care/sponsorship/sponsorship.model.ts). */
export interface SponsorshipClock {
  key: 'sponsorshipApplicationDecision' | 'sponsorshipAnnualReview' | 'sponsorshipSchoolAbsence';
  dueOn: string;
  overdue: boolean;
  citation: string;
  verification: string;
  setBy: 'default' | 'state';
  decidedBy: string | null;
}
export interface Sponsorship {
  id: string;
  childId: string;
  districtCode: number;
  appliedOn: string;
  applicant: string;
  ground: string;
  status: 'applied' | 'sanctioned' | 'refused' | 'ended';
  decidedOn: string | null;
  orderRef: string | null;
  monthlyAmount: number | null;
  lastReviewOn: string | null;
  absentSince: string | null;
  /** Until when the sanction holds (renewed by the committee); null: no end recorded (absent from an older server). */
  validUntil?: string | null;
  endedOn?: string | null;
  /** Why it ended (SPONSORSHIP_END_REASONS, or a review's outcome). */
  endReason?: string | null;
  clocks: SponsorshipClock[];
  nextDue: string | null;
  overdue: boolean;
  paused: boolean;
  pauses: { from: string; to: string | null }[];
  version: number;
}

export const useSponsorships = (q: { overdue?: 'true' }) =>
  useQuery({
    queryKey: ['sponsorships', q],
    queryFn: ({ signal }) => api.get<{ items: Sponsorship[] }>('/care/sponsorships', q, signal),
  });

/** After a change, or a 409 (changed meanwhile), the list is fetched again so the screen shows the record as it is. */
function useSponsorshipMutation<B>(fn: (body: B) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['sponsorships'] }),
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: ['sponsorships'] });
    },
  });
}
export const useApplySponsorship = () =>
  useSponsorshipMutation((body: Record<string, unknown>) => api.post<Sponsorship>('/care/sponsorships', body));
export const useSponsorshipStep = (id: string, step: 'decision' | 'reviews' | 'absence') =>
  useSponsorshipMutation((body: Record<string, unknown>) => api.post<Sponsorship>(`/care/sponsorships/${id}/${step}`, body));
