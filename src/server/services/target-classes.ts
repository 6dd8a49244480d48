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
