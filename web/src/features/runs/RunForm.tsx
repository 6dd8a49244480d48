import { useState, type FormEvent } from 'react';
import { useNavigation } from '../../app/router.js';
import { useApi } from '../../app/session.js';
import { ErrorPanel } from '../../components/ui/states.js';
import type { DatasetBody, ModelEntry } from '../../lib/api-types.js';
import { formatInteger } from '../../lib/format.js';
import { useSubmit } from '../../lib/use-submit.js';
import { HyperparameterField } from './HyperparameterField.js';
import { fieldFor, type FieldState } from './hyperparameter-form.js';
import { ModelPicker } from './ModelPicker.js';
import { buildTrainRequest, defaultFeatures, defaultTarget, featureCandidates, needsTarget, targetCandidates } from './run-request.js';

interface Props {
  experimentId: string;
  datasets: DatasetBody[];
  models: ModelEntry[];
}

const defaultFields = (model: ModelEntry) => Object.fromEntries(model.hyperparameters.map((def) => [def.name, fieldFor(def.default)]));

/**
 * The model's own `random_state` is left out of the form: the API seeds it with the request's seed
 * (the "Random seed" field) when the request does not set it, so one field reproduces the whole run.
 */
const formHyperparameters = (model: ModelEntry) => model.hyperparameters.filter((def) => def.name !== 'random_state');

/** The new-run form: data, model, generated hyperparameters, split; checked before it is sent. */
export function RunForm({ experimentId, datasets, models }: Props) {
  const api = useApi();
  const { navigate } = useNavigation();
  const [dataset, setDataset] = useState(datasets[0]);
  const [model, setModel] = useState(models[0]);
  const [target, setTarget] = useState(() => defaultTarget(datasets[0], models[0]));
  const [features, setFeatures] = useState(() => featureCandidates(datasets[0], target));
  const [fields, setFields] = useState<Record<string, FieldState>>(() => defaultFields(models[0]));
  const [testSize, setTestSize] = useState('0.2');
  const [seed, setSeed] = useState('42');
  const [submitted, setSubmitted] = useState(false);

  const choose = (nextDataset: DatasetBody, nextModel: ModelEntry, nextTarget = defaultTarget(nextDataset, nextModel)) => {
    setDataset(nextDataset);
    setModel(nextModel);
    setTarget(nextTarget);
    setFeatures(defaultFeatures(nextDataset, nextModel, nextTarget, nextDataset === dataset ? target : null));
  };
  const draft = { experimentId, dataset, model, targetColumn: target, featureColumns: features, fields, testSize, seed };
  const checked = buildTrainRequest(draft);
  // Errors show as soon as a value is wrong: the defaults are valid, so a fresh form shows none.
  const errors = checked.errors ?? {};

  const { busy, error: apiError, run } = useSubmit(async () => {
    if (!checked.body) return;
    const accepted = await api.train(checked.body);
    navigate({ page: 'run', experimentId, runId: accepted.model_run_id });
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    void run();
  };

  const supervised = needsTarget(model);
  const candidates = featureCandidates(dataset, target);
  return (
    <form className="run-form" onSubmit={submit} noValidate>
      <section className="card">
        <h2 className="card__title">1. Data</h2>
        <div className="form-grid">
          <label className="field">
            <span className="field__label">Dataset</span>
            <select name="dataset" value={dataset.id} onChange={(e) => choose(datasets.find((d) => d.id === e.target.value)!, model)}>
              {datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} — {formatInteger(d.n_rows)} rows × {formatInteger(d.n_columns)} columns
                </option>
              ))}
            </select>
          </label>
          <label className={`field${errors.target_column ? ' field--invalid' : ''}`}>
            <span className="field__label">Target column</span>
            <select name="target" value={target ?? ''} disabled={!supervised} onChange={(e) => choose(dataset, model, e.target.value || null)}>
              {!supervised && <option value="">None — clustering uses no target</option>}
              {targetCandidates(dataset, model).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
            {errors.target_column && <span className="field__error">{errors.target_column}</span>}
          </label>
        </div>
        <fieldset className={`field${errors.feature_columns ? ' field--invalid' : ''}`}>
          <legend className="field__label">Feature columns</legend>
          <div className="checkbox-list">
            {candidates.map((name) => (
              <label key={name} className="checkbox">
                <input
                  type="checkbox"
                  name="feature"
                  value={name}
                  checked={features.includes(name)}
                  onChange={(e) => setFeatures(e.target.checked ? candidates.filter((c) => c === name || features.includes(c)) : features.filter((f) => f !== name))}
                />
                <span className="mono">{name}</span>
              </label>
            ))}
          </div>
          {errors.feature_columns ? <span className="field__error">{errors.feature_columns}</span> : <span className="field__hint">Free-text and empty columns cannot be features and are not listed.</span>}
        </fieldset>
      </section>

      <section className="card">
        <h2 className="card__title">2. Model</h2>
        <ModelPicker
          models={models}
          value={model.model_type}
          onChange={(modelType) => {
            const next = models.find((m) => m.model_type === modelType)!;
            // Keep the target when the new model can still predict it.
            choose(dataset, next, target !== null && targetCandidates(dataset, next).includes(target) ? target : defaultTarget(dataset, next));
            setFields(defaultFields(next));
          }}
        />
      </section>

      <section className="card">
        <h2 className="card__title">3. Hyperparameters</h2>
        {formHyperparameters(model).length === 0 ? (
          <p className="muted">This model has no settings.</p>
        ) : (
          <div className="form-grid form-grid--three">
            {formHyperparameters(model).map((def) => (
              <HyperparameterField
                key={`${model.model_type}-${def.name}`}
                def={def}
                state={fields[def.name]}
                error={errors[def.name]}
                onChange={(state) => setFields({ ...fields, [def.name]: state })}
              />
            ))}
          </div>
        )}
      </section>

      <section className="card">
        <h2 className="card__title">4. Split and seed</h2>
        <div className="form-grid">
          {supervised && (
            <label className={`field${errors.test_size ? ' field--invalid' : ''}`}>
              <span className="field__label">Test size</span>
              <input name="test_size" inputMode="decimal" value={testSize} onChange={(e) => setTestSize(e.target.value)} />
              {errors.test_size ? <span className="field__error">{errors.test_size}</span> : <span className="field__hint">Share of rows held out for scoring</span>}
            </label>
          )}
          <label className={`field${errors.seed ? ' field--invalid' : ''}`}>
            <span className="field__label">Random seed</span>
            <input name="random_state" inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} />
            {errors.seed ? <span className="field__error">{errors.seed}</span> : <span className="field__hint">Seeds the split and the model: same seed, same run</span>}
          </label>
        </div>
      </section>

      {apiError && <ErrorPanel error={apiError} />}
      {submitted && checked.errors && <div className="alert alert--error">Fix the highlighted fields before starting the run.</div>}
      <div className="form-actions">
        <button type="submit" className="button button--primary button--large" disabled={busy}>
          {busy ? 'Starting…' : 'Start training'}
        </button>
      </div>
    </form>
  );
}
