import { NotFittedError } from '../estimator/errors.js';
import type { CategoricalInput } from './input-column.js';

export type CategoricalImputation = 'most_frequent' | 'constant';

/**
 * Fills missing categories like scikit-learn's SimpleImputer on strings: with the most frequent
 * category of the fitted rows (ties to the smallest, as scikit-learn breaks them), or with a
 * constant that becomes a category of its own. A column with no value at all gets the constant.
 */
export class CategoryImputer {
  private fills: string[] | null = null;

  constructor(
    readonly strategy: CategoricalImputation = 'most_frequent',
    readonly fillValue = 'missing',
  ) {}

  fit(columns: readonly CategoricalInput[]): this {
    this.fills = columns.map((column) => (this.strategy === 'constant' ? this.fillValue : (mostFrequent(column) ?? this.fillValue)));
    return this;
  }

  /** Column `c` with its missing cells filled (a new column; the input is left alone). */
  transform(column: CategoricalInput, c: number): CategoricalInput {
    const fill = this.toState().fills[c];
    let fillCode = column.categories.indexOf(fill);
    let categories = column.categories;
    if (fillCode < 0) {
      categories = [...categories, fill];
      fillCode = categories.length - 1;
    }
    return { kind: 'categorical', categories, codes: column.codes.map((code) => (code < 0 ? fillCode : code)) };
  }

  toState(): { fills: string[] } {
    if (!this.fills) throw new NotFittedError('CategoryImputer');
    return { fills: this.fills };
  }

  static fromState(strategy: CategoricalImputation, fillValue: string, state: { fills: string[] }): CategoryImputer {
    const imputer = new CategoryImputer(strategy, fillValue);
    imputer.fills = state.fills;
    return imputer;
  }
}

function mostFrequent(column: CategoricalInput): string | null {
  const counts = new Float64Array(column.categories.length);
  for (const code of column.codes) if (code >= 0) counts[code]++;
  let best: string | null = null;
  let bestCount = 0;
  column.categories.forEach((category, i) => {
    if (counts[i] > bestCount || (counts[i] === bestCount && bestCount > 0 && category < best!)) {
      best = category;
      bestCount = counts[i];
    }
  });
  return best;
}
