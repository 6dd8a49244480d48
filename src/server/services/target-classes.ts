import type { ColumnProfile } from '../../datasets/profile.js';
import { apiErrors } from '../errors.js';

/** The classes of a classification target with their row counts; a 400 unless there are at least two. */
export function classCounts(target: ColumnProfile): [string, number][] {
  const counts = target.value_counts;
  if (!counts) {
    throw apiErrors.badRequest(`Target column '${target.name}' has ${target.n_unique} distinct values: too many classes for classification`);
  }
  const classes = Object.entries(counts);
  if (classes.length < 2) {
    const found = classes.length === 1 ? `only the class '${classes[0][0]}'` : 'no values';
    throw apiErrors.badRequest(`Target column '${target.name}' has ${found}: classification needs at least two classes`);
  }
  return classes;
}

/** Classes named in a message before "...": a continuous target would otherwise list every value. */
const NAMED_CLASSES = 5;

/** A 400 unless every class has the two rows a stratified split needs (one on each side). */
export function checkClassSizes(target: ColumnProfile, classes: [string, number][]): void {
  const single = classes.filter(([, n]) => n < 2).map(([name]) => `'${name}'`);
  if (single.length === 0) return;
  const need = 'a stratified split needs at least 2 rows per class';
  if (single.length === 1) throw apiErrors.badRequest(`Target column '${target.name}': class ${single[0]} has only 1 row; ${need}`);
  if (single.length <= NAMED_CLASSES) {
    throw apiErrors.badRequest(`Target column '${target.name}': classes ${single.join(', ')} have only 1 row each; ${need}`);
  }
  const examples = `${single.slice(0, NAMED_CLASSES).join(', ')}, ...`;
  const hint = target.dtype === 'numeric' ? 'a continuous value (train a regression model instead)' : 'an identifier or free text rather than a class';
  throw apiErrors.badRequest(
    `Target column '${target.name}' has ${classes.length} classes, ${single.length} of them with a single row (${examples}); ${need}. Is it ${hint}, or is another column the target?`,
  );
}
