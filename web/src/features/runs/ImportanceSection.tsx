import { useState } from 'react';
import { useApi } from '../../app/session.js';
import { BarChart } from '../../components/ui/BarChart.js';
import { EmptyState, Loaded } from '../../components/ui/states.js';
import { TableScroll } from '../../components/ui/TableScroll.js';
import { CoefficientsTable } from './CoefficientsTable.js';
import type { RunImportanceBody } from '../../lib/api-types.js';
import { formatNumber } from '../../lib/format.js';
import { useResource } from '../../lib/use-resource.js';

const TOP_N_CHOICES = [5, 10, 20, 50];
/** How many leading bars get the accent colour: the eye goes to the few that matter. */
const HIGHLIGHTED = 3;

/** The feature-importance chart with its top-N control, the same features as a ranked table, and a linear model's coefficients. */
export function ImportanceSection({ runId, classes }: { runId: string; classes: string[] | undefined }) {
  const api = useApi();
  const [topN, setTopN] = useState(10);
  const { resource, reload } = useResource(() => api.runImportance(runId, topN), [runId, topN]);
  const unsupported = resource.status === 'ready' && !ranksFeatures(resource.data);
  return (
    <section className="card importance">
      <div className="card__header">
        <h2 className="card__title">Feature importance</h2>
        <label className="toolbar__control" hidden={unsupported}>
          Show
          <select name="top_n" value={topN} onChange={(e) => setTopN(Number(e.target.value))}>
            {TOP_N_CHOICES.map((n) => (
              <option key={n} value={n}>
                top {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Loaded resource={resource} onRetry={reload}>
        {(importance) => {
          if (!ranksFeatures(importance)) {
            return <EmptyState title="No feature importance">{importance.message ?? 'This model does not rank its features.'}</EmptyState>;
          }
          const top = importance.top_features ?? [];
          let cumulative = 0;
          return (
            <>
              <p className="muted importance__note">
                {methodNote(importance.importance_method)} Showing {top.length} of {importance.total_features} features.
              </p>
              <BarChart
                label="Feature importance"
                valueName="importance"
                strongest={HIGHLIGHTED}
                bars={top.map((f) => ({ key: f.feature, label: f.feature, value: f.importance }))}
              />
              <TableScroll label="Ranked features" className="table table--compact">
                <thead>
                  <tr>
                    <th className="numeric">Rank</th>
                    <th>Feature</th>
                    <th className="numeric">Importance</th>
                    <th className="numeric">Cumulative</th>
                  </tr>
                </thead>
                <tbody>
                  {top.map((f) => {
                    cumulative += f.importance;
                    return (
                      <tr key={f.feature}>
                        <td className="numeric">{f.rank}</td>
                        <td className="mono">{f.feature}</td>
                        <td className="numeric">{formatNumber(f.importance)}</td>
                        <td className="numeric">{formatNumber(cumulative)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </TableScroll>
              {importance.coefficients && <CoefficientsTable coefficients={importance.coefficients} classes={classes} limit={topN} />}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

/** Whether the model ranked any features: without them there is neither a chart nor a top-N to pick. */
function ranksFeatures(importance: RunImportanceBody): boolean {
  return importance.has_feature_importance && (importance.top_features?.length ?? 0) > 0;
}

/** What the numbers are, from the API's importance_method (scikit-learn's attribute name). */
function methodNote(method: string | null): string {
  if (method === 'coef_') return 'Absolute coefficients, normalised to sum to 1.';
  if (method === 'feature_importances_') return 'Each feature’s share of the importance of the model’s splits.';
  return method ? `Importance by ${method}, normalised to sum to 1.` : '';
}
