import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { Assessment } from '../types';

// Colour-blind-safe palette (Okabe–Ito); the overall line is black and thicker.
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'];

/**
 * The family's assessments over time: overall (1 in crisis … 4 thriving) and per domain.
 * Loaded on demand (charts are the heaviest part of the app). A table beside it says the
 * same for screen readers and very small screens.
 */
export default function AssessmentChart({ assessments, domains }: { assessments: Assessment[]; domains: string[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const data = [...assessments]
    .sort((a, b) => a.assessedOn.localeCompare(b.assessedOn))
    .map((a) => ({ date: a.assessedOn, overall: Number(a.overall), ...a.domainScores }));
  return (
    <div data-testid="assessment-chart" aria-hidden="true" style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: -16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" tickFormatter={(d: string) => f.month(d)} fontSize={12} />
          <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} fontSize={12} tickFormatter={(v: number) => f.number(v)} />
          <Tooltip labelFormatter={(d) => f.date(String(d))} formatter={(v) => f.decimal(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line
            type="monotone"
            dataKey="overall"
            name={t('assessment.overall')}
            stroke="#212529"
            strokeWidth={3}
            dot
            isAnimationActive={false}
          />
          {domains.map((d, i) => (
            <Line
              key={d}
              type="monotone"
              dataKey={d}
              name={t(`instrument.domains.${d}`, { defaultValue: d })}
              stroke={COLOURS[i % COLOURS.length]}
              strokeWidth={1.5}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
