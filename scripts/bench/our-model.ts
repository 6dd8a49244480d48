import { findModelSpec, type ModelSpec, type TaskType } from '../../src/ml/index.js';
import { ANCHOR_DEFAULTS, SPLIT_SEED, type AnchorParams, type SuiteEntry } from './suite.js';

/** What we fit for one suite entry: our model and the anchor's parameters that it knows. */
export interface OurModel {
  modelType: string;
  task: TaskType;
  params: Record<string, unknown>;
  /** Anchor parameters our model does not declare, left out of our fit (XGBoost's tree_method, say). */
  dropped: string[];
}

/** anchor.py gives every estimator with an n_jobs all the cores, except this one (see its NO_AUTO_NJOBS). */
const NO_AUTO_N_JOBS = new Set(['logistic_regression']);

/**
 * Our catalogue entry for an anchor model and the parameters the anchor fits it with. The suite's
 * anchor names are our model types or their aliases, so the catalogue resolves them; null when it has none.
 */
export function ourModelFor(entry: SuiteEntry, cores: number): OurModel | null {
  const spec = findModelSpec(entry.anchorModel);
  if (!spec) return null;
  const anchorParams: AnchorParams = { ...ANCHOR_DEFAULTS[entry.anchorModel], ...entry.params };
  const params: Record<string, unknown> = { ...filledLikeTheAnchor(spec, cores) };
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(anchorParams)) {
    if (declares(spec, name)) params[name] = value;
    else dropped.push(name);
  }
  return { modelType: spec.modelType, task: spec.taskType, params, dropped };
}

/** anchor.py fills random_state (the split seed) and n_jobs (all cores) wherever the estimator has them. */
function filledLikeTheAnchor(spec: ModelSpec, cores: number): Record<string, number> {
  const filled: Record<string, number> = {};
  if (declares(spec, 'random_state')) filled.random_state = SPLIT_SEED;
  if (declares(spec, 'n_jobs') && !NO_AUTO_N_JOBS.has(spec.modelType)) filled.n_jobs = cores;
  return filled;
}

function declares(spec: ModelSpec, name: string): boolean {
  return spec.hyperparameters.some((def) => def.name === name || def.aliases?.includes(name));
}
