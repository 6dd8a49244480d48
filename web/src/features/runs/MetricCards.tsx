import { formatNumber } from '../../lib/format.js';
import { metricInfo, orderMetricNames } from '../../lib/metrics.js';

/** One card per metric of the run's task type; an undefined metric shows why, from metric_warnings. */
export function MetricCards({ metrics, warnings }: { metrics: Record<string, number | null>; warnings: Record<string, string> }) {
  return (
    <section className="metric-cards" aria-label="Metrics">
      {orderMetricNames(Object.keys(metrics)).map((name) => {
        const info = metricInfo(name);
        const value = metrics[name];
        return (
          <div key={name} className="metric-card" data-metric={name}>
            <div className="metric-card__label" title={info.hint}>
              {info.label}
            </div>
            <div className="metric-card__value">{formatNumber(value)}</div>
            <div className="metric-card__hint">{value === null ? (warnings[name] ?? 'Undefined for this data') : (warnings[name] ?? info.hint)}</div>
          </div>
        );
      })}
    </section>
  );
}
