import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../lib/format.js';
import { niceTicks } from '../../lib/nice-ticks.js';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
}

const ROW_HEIGHT = 34;
const ACCENT = '#2f5bea';
const MUTED = '#9db0f5';

/**
 * One horizontal bar per item, in the given order, value labels at the bar ends: the feature-importance
 * chart and the compare page's metric chart. `strongest` items get the accent colour.
 */
export function HorizontalBarChart({
  bars,
  label,
  strongest = bars.length,
  valueName,
}: {
  bars: BarDatum[];
  label: string;
  strongest?: number;
  valueName: string;
}) {
  // recharts does not measure tick labels: size the axis for the longest one (about 7.5 px a character at 13 px).
  const labelWidth = Math.min(320, 16 + 7.5 * Math.max(...bars.map((bar) => bar.label.length), 4));
  // Bars grow from zero; negative values (an R² below 0) extend the axis left of it.
  const values = bars.map((bar) => bar.value);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  return (
    <figure className="bar-chart" aria-label={label} data-bars={bars.length}>
      <ResponsiveContainer width="100%" height={bars.length * ROW_HEIGHT + 36}>
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 4 }} barCategoryGap={6}>
          <CartesianGrid horizontal={false} stroke="#e7e9f0" />
          <XAxis
            type="number"
            domain={[ticks[0], ticks[ticks.length - 1]]}
            ticks={ticks}
            tickFormatter={formatNumber}
            tick={{ fontSize: 12, fill: '#5b6275' }}
            stroke="#c9cedb"
          />
          <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: 13, fill: '#1d2333' }} stroke="#c9cedb" interval={0} />
          <Tooltip
            cursor={{ fill: 'rgba(47, 91, 234, 0.06)' }}
            formatter={(value) => [formatNumber(Number(value)), valueName]}
            contentStyle={{ borderRadius: 8, border: '1px solid #dfe3ec', fontSize: 13 }}
          />
          <Bar dataKey="value" radius={[0, 4, 4, 0]} isAnimationActive={false}>
            {bars.map((bar, index) => (
              <Cell key={bar.key} fill={index < strongest ? ACCENT : MUTED} />
            ))}
            <LabelList dataKey="value" position="right" formatter={(value: unknown) => formatNumber(Number(value))} fontSize={12} fill="#1d2333" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
