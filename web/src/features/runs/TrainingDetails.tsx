import type { ReactNode } from 'react';
import type { TrainingMetadata } from '../../lib/api-types.js';
import { formatDuration, formatInteger, formatPercent, formatSetting } from '../../lib/format.js';
import { DURATION, TRAINING_TIME, type RunTiming } from '../../lib/run-timings.js';

/** A time's label with what it measures under it; the whole meaning in its tooltip. */
function TimingLabel({ timing }: { timing: RunTiming }) {
  return (
    <span title={timing.meaning}>
      {timing.label}
      <span className="details__hint">{timing.hint}</span>
    </span>
  );
}

/** What the run was trained on and with: times, sizes, target, split, and every hyperparameter as resolved. */
export function TrainingDetails({ metadata, durationSeconds }: { metadata: TrainingMetadata; durationSeconds: number }) {
  // [key, value, label]: the key is the label too, unless a richer one is given.
  const rows: Array<[string, ReactNode, ReactNode?]> = [
    ['duration', formatDuration(durationSeconds), <TimingLabel timing={DURATION} />],
    ['training-time', formatDuration(metadata.training_time), <TimingLabel timing={TRAINING_TIME} />],
  ];
  // Clustering has no test rows: a size the run does not report is left out rather than shown as a dash.
  if (metadata.train_samples !== undefined) rows.push(['Training rows', formatInteger(metadata.train_samples)]);
  if (metadata.test_samples !== undefined) rows.push(['Test rows', formatInteger(metadata.test_samples)]);
  if (metadata.n_features !== undefined) rows.push(['Features', formatInteger(metadata.n_features)]);
  if (metadata.n_clusters_found !== undefined) rows.push(['Clusters found', formatInteger(metadata.n_clusters_found)]);
  if (metadata.target_column) rows.push(['Target', <span className="mono">{metadata.target_column}</span>]);
  if (metadata.classes) rows.push(['Classes', <span className="value-chips">{metadata.classes.map((c) => <span key={c} className="chip">{c}</span>)}</span>]);
  if (metadata.positive_class) rows.push(['Positive class', metadata.positive_class]);
  if (metadata.averaging) rows.push(['Averaging', metadata.averaging]);
  if (metadata.split) {
    const { test_size, random_state, stratified } = metadata.split;
    rows.push(['Split', `${test_size !== undefined ? `${formatPercent(test_size * 100)} test` : 'no test set'}, seed ${random_state ?? '—'}${stratified ? ', stratified' : ''}`]);
  }
  if (metadata.rows_dropped_missing_target) rows.push(['Rows without target', formatInteger(metadata.rows_dropped_missing_target)]);

  const hyperparameters = Object.entries(metadata.hyperparameters ?? {});
  return (
    <section className="card">
      <h2 className="card__title">Training</h2>
      <dl className="details">
        {rows.map(([label, value, richLabel]) => (
          <div key={label} className="details__row" data-row={label}>
            <dt>{richLabel ?? label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {hyperparameters.length > 0 && (
        <>
          <h3 className="card__subtitle">Hyperparameters</h3>
          <dl className="details details--compact" aria-label="Hyperparameters">
            {hyperparameters.map(([name, value]) => (
              <div key={name} className="details__row">
                <dt className="mono">{name}</dt>
                <dd className="mono">{formatSetting(value)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
