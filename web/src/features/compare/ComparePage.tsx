import { useState } from 'react';
import { Link } from '../../app/router.js';
import { useApi } from '../../app/session.js';
import { BarChart } from '../../components/ui/BarChart.js';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { EmptyState, ErrorPanel, Loaded } from '../../components/ui/states.js';
import { ApiError, asApiError } from '../../lib/api-error.js';
import type { RunMetricsBody } from '../../lib/api-types.js';
import { shortId } from '../../lib/format.js';
import { keyMetric, metricInfo, metricNamesOf } from '../../lib/metrics.js';
import { useResource } from '../../lib/use-resource.js';
import { runTitle } from './compare-rows.js';
import { CompareTable } from './CompareTable.js';

/** Several runs of one experiment side by side: metrics and hyperparameters, and one metric as a chart. */
export function ComparePage({ experimentId, runIds }: { experimentId: string; runIds: string[] }) {
  const api = useApi();
  const { resource, reload } = useResource(async () => {
    const experiment = await api.getExperiment(experimentId);
    // One run that cannot be read (deleted, not finished) should not hide the others: collect its error.
    const results = await Promise.all(runIds.map((id) => api.runMetrics(id).then((metrics) => ({ id, metrics }), (error: unknown) => ({ id, error: asApiError(error) }))));
    return { experiment, results };
  }, [experimentId, runIds.join()]);

  return (
    <Loaded resource={resource} onRetry={reload} back={<Link className="button" to={{ page: 'experiments' }}>All experiments</Link>}>
      {({ experiment, results }) => {
        const runs = results.flatMap((r) => ('metrics' in r ? [r.metrics] : []));
        const failures = results.flatMap((r) => ('error' in r ? [r] : []));
        return (
          <>
            <PageHeader
              crumbs={[
                { label: 'Experiments', to: { page: 'experiments' } },
                { label: experiment.name, to: { page: 'experiment', experimentId } },
              ]}
              title={`Comparing ${runs.length} run${runs.length === 1 ? '' : 's'}`}
              subtitle="Best value of each metric in bold; hyperparameters that differ are highlighted."
            />
            {failures.map(({ id, error }) => (
              <ErrorPanel key={id} error={new ApiError(error.status, `Run ${shortId(id)}: ${error.detail}`)} />
            ))}
            {runs.length === 0 ? (
              <section className="card">
                <EmptyState
                  title="Nothing to compare"
                  action={
                    <Link className="button" to={{ page: 'experiment', experimentId }}>
                      Pick runs in the experiment
                    </Link>
                  }
                >
                  Tick two or more completed runs in the runs table, then press Compare.
                </EmptyState>
              </section>
            ) : (
              <>
                <MetricChart runs={runs} />
                <section className="card card--flush">
                  <CompareTable runs={runs} experimentId={experimentId} />
                </section>
              </>
            )}
          </>
        );
      }}
    </Loaded>
  );
}

function MetricChart({ runs }: { runs: RunMetricsBody[] }) {
  const names = metricNamesOf(runs.map((run) => run.metrics));
  const [metric, setMetric] = useState(() => keyMetric(runs[0].task_type)?.name ?? names[0]);
  const info = metricInfo(metric);
  const bars = runs.flatMap((run) => {
    const value = run.metrics[metric];
    return value === null || value === undefined ? [] : [{ key: run.model_run_id, label: runTitle(run), value }];
  });
  return (
    <section className="card">
      <div className="card__header">
        <h2 className="card__title">{info.label}</h2>
        <label className="toolbar__control">
          Metric
          <select name="chart-metric" value={metric} onChange={(e) => setMetric(e.target.value)}>
            {names.map((name) => (
              <option key={name} value={name}>
                {metricInfo(name).label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">
        {info.hint}. {info.higherIsBetter ? 'Higher is better.' : 'Lower is better.'}
      </p>
      {bars.length === 0 ? (
        <EmptyState title={`No ${info.label} values`}>None of these runs report this metric.</EmptyState>
      ) : (
        <BarChart bars={bars} label={`${info.label} by run`} valueName={info.label} />
      )}
    </section>
  );
}
