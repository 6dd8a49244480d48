import { lazy, Suspense, type ComponentProps } from 'react';
import { Loading } from './states.js';

// recharts is most of the bundle's weight and only two pages draw charts: load it when one does.
const HorizontalBarChart = lazy(() => import('./HorizontalBarChart.js').then((module) => ({ default: module.HorizontalBarChart })));

export function BarChart(props: ComponentProps<typeof HorizontalBarChart>) {
  return (
    <Suspense fallback={<Loading label="Drawing chart…" />}>
      <HorizontalBarChart {...props} />
    </Suspense>
  );
}
