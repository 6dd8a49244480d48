import { ClassificationCriterion, type ClassImpurity } from './classification-criterion.js';
import type { SplitCriterion } from './criterion.js';
import { SquaredErrorCriterion } from './regression-criterion.js';

/**
 * A tree model's split criterion as plain data (its kind and targets), so a worker thread growing
 * some of a forest's trees builds the same criterion the calling thread would.
 */
export type CriterionRecipe =
  | { kind: 'classification'; y: Int32Array; nClasses: number; impurity: ClassImpurity }
  | { kind: 'squared_error'; y: Float64Array };

/** The criterion of one tree, bound to that tree's sample weights (bootstrap counts, or all ones). */
export function criterionFrom(recipe: CriterionRecipe, weights: Float64Array): SplitCriterion {
  if (recipe.kind === 'classification') return new ClassificationCriterion(recipe.y, weights, recipe.nClasses, recipe.impurity);
  return new SquaredErrorCriterion(recipe.y, weights);
}
