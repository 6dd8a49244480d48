import type { Matrix } from '../core/matrix.js';
import { NotFittedError } from '../estimator/errors.js';
import type { CategoricalInput } from './input-column.js';

/**
 * One 0/1 output column per category seen in the fitted rows, categories sorted as scikit-learn's
 * OneHotEncoder sorts them. A category unseen at fit time encodes as all zeros
 * (handle_unknown="ignore"): new data is answered, not refused.
 */
export class OneHotEncoder {
  private categories: string[][] | null = null;

  fit(columns: readonly CategoricalInput[]): this {
    this.categories = columns.map((column) => {
      const used = new Uint8Array(column.categories.length);
      for (const code of column.codes) if (code >= 0) used[code] = 1;
      return column.categories.filter((_, i) => used[i] === 1).sort(byCodePoint);
    });
    return this;
  }

  /** The categories of input column c, in output order. */
  categoriesOf(c: number): readonly string[] {
    return this.toState().categories[c];
  }

  /** Writes column c's indicator columns into `out`, starting at output column `firstCol`. */
  transformInto(column: CategoricalInput, c: number, out: Matrix, firstCol: number): void {
    const position = new Map(this.categoriesOf(c).map((category, k) => [category, k]));
    // Resolve each input code to an output column once, then walk the rows.
    const target = Int32Array.from(column.categories, (category) => position.get(category) ?? -1);
    const n = out.nRows;
    for (let r = 0; r < n; r++) {
      const code = column.codes[r];
      const k = code < 0 ? -1 : target[code];
      if (k >= 0) out.data[(firstCol + k) * n + r] = 1;
    }
  }

  toState(): { categories: string[][] } {
    if (!this.categories) throw new NotFittedError('OneHotEncoder');
    return { categories: this.categories };
  }

  static fromState(state: { categories: string[][] }): OneHotEncoder {
    const encoder = new OneHotEncoder();
    encoder.categories = state.categories;
    return encoder;
  }
}

/** Python's string order (by code point), which scikit-learn's sorted categories follow. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
