import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { placeLabel } from '../../../components/PersonName';
import { useFormat } from '../../../i18n/format';
import { useVocab } from '../shared/vocab';
import type { VillageRisk } from '../types';

/**
 * Villages side by side: who is at risk, and why. Drawn in the browser from the numbers
 * alone (no map tiles), so it works offline and on a slow connection.
 */
export function VillageRiskChart({ villages }: { villages: VillageRisk[] }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const data = villages.map((v) => ({
    name: placeLabel({ name: v.villageName ?? '—', nameLocal: v.villageNameLocal }, i18n.language),
    familiesAtRisk: v.familiesAtRisk,
    childrenAtRisk: v.childrenAtRisk,
  }));
  return (
    <div data-testid="village-chart" aria-hidden="true" style={{ width: '100%', height: 60 + data.length * 44 }}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tickFormatter={(n: number) => f.number(n)} fontSize={12} />
          <YAxis type="category" dataKey="name" width={120} fontSize={12} tick={{ fill: '#343a40' }} />
          <Tooltip formatter={(n) => f.number(Number(n))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="familiesAtRisk" name={t('map.familiesAtRisk')} fill="#0072B2" isAnimationActive={false} />
          <Bar dataKey="childrenAtRisk" name={t('map.childrenAtRisk')} fill="#D55E00" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function FactorChart({ factors }: { factors: Record<string, number> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const vocab = useVocab();
  const data = Object.entries(factors)
    .sort((a, b) => b[1] - a[1])
    .map(([factor, n]) => ({ name: vocab('vulnerabilityFactor', factor), n }));
  return (
    <div data-testid="factor-chart" aria-hidden="true" style={{ width: '100%', height: 40 + data.length * 30 }}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tickFormatter={(n: number) => f.number(n)} fontSize={12} />
          <YAxis type="category" dataKey="name" width={160} fontSize={11} tick={{ fill: '#343a40' }} />
          <Tooltip formatter={(n) => f.number(Number(n))} />
          <Bar dataKey="n" name={t('map.families')} fill="#E69F00" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
