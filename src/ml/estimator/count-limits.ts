/**
 * Upper bounds of the count-like hyperparameters. Each sits well above what scikit-learn, XGBoost or
 * LightGBM users run, and well below sizes whose arrays cannot be allocated, so a slip such as
 * n_estimators=1e11 is refused with the request (a 400 naming the field) instead of failing the run.
 * The declarations say their bound in their description, so the catalogue and OpenAPI show it.
 */

/** Trees a forest averages or AdaBoost reweights: the gains flatten out long before this. */
export const MAX_ESTIMATORS = 10_000;

/** Boosting rounds: a small learning rate with early stopping legitimately asks for tens of thousands. */
export const MAX_BOOSTING_ROUNDS = 100_000;

/** Solver iterations, epochs and patience counts: only a loop bound, so the most generous. */
export const MAX_ITERATIONS = 10_000_000;

/** Tree depth: deeper than any tree a real table grows; null (or -1) is how "no limit" is asked for. */
export const MAX_TREE_DEPTH = 1_000;

/** Leaves per tree: LightGBM's own ceiling for num_leaves (2^17). */
export const MAX_LEAVES = 131_072;

/** Neighbours consulted per row (k-NN, the nearest-neighbour affinity). */
export const MAX_NEIGHBORS = 10_000;

/** Clusters or mixture components; also the dimensions of a spectral embedding. */
export const MAX_CLUSTERS = 10_000;

/** Restarts from fresh initial centres, of which the best is kept. */
export const MAX_RESTARTS = 1_000;

/** Units in one hidden layer of a multi-layer perceptron. */
export const MAX_LAYER_WIDTH = 10_000;

/** Rows in one mini-batch or initialisation sample (larger ones are cut to the data's rows anyway). */
export const MAX_BATCH_ROWS = 1_000_000;
