import { createMatrix, type Matrix } from '../core/matrix.js';
import { NotFittedError } from '../estimator/errors.js';
import type { ModelState, StateValue } from '../estimator/model-state.js';
import { CategoryImputer, type CategoricalImputation } from './category-imputer.js';
import { datetimePart, datetimePartsFor, type DatetimePart } from './datetime-parts.js';
import { inputLength, type CategoricalInput, type InputColumn, type InputKind } from './input-column.js';
import { OneHotEncoder } from './one-hot-encoder.js';
import { SimpleImputer, type NumericImputation } from './simple-imputer.js';
import { StandardScaler } from './standard-scaler.js';

export interface PreprocessingOptions {
  numericImputation: NumericImputation;
  /** Used by numericImputation "constant", and for a numeric column with no value at all. */
  numericFillValue: number;
  categoricalImputation: CategoricalImputation;
  /** Used by categoricalImputation "constant", and for a categorical column with no value at all. */
  categoricalFillValue: string;
  /** Standard scaling of the numeric outputs (numbers and datetime parts), never of one-hot columns. */
  scaling: 'standard' | 'none';
}

export const DEFAULT_PREPROCESSING: PreprocessingOptions = {
  numericImputation: 'mean',
  numericFillValue: 0,
  categoricalImputation: 'most_frequent',
  categoricalFillValue: 'missing',
  scaling: 'none',
};

const STATE_TYPE = 'tabular_preprocessor';

interface Fitted {
  inputNames: string[];
  inputKinds: InputKind[];
  /** Per input column: its datetime parts ([] unless a datetime column). */
  datetimeParts: DatetimePart[][];
  numericImputer: SimpleImputer;
  scaler: StandardScaler | null;
  categoryImputer: CategoryImputer;
  encoder: OneHotEncoder;
}

/**
 * scikit-learn's usual ColumnTransformer, fitted on the training rows only: numbers are imputed
 * and (optionally) standard-scaled; datetimes become numeric parts, treated like numbers; categories
 * are imputed and one-hot encoded. Encoded columns keep the order of the input columns, each input
 * expanding in place, so every encoded feature knows the input column it came from.
 */
export class TabularPreprocessor {
  private fitted: Fitted | null = null;
  private cachedLayout: Layout | null = null;

  constructor(readonly options: PreprocessingOptions = DEFAULT_PREPROCESSING) {}

  fit(names: readonly string[], columns: readonly InputColumn[]): this {
    const o = this.options;
    const datetimeParts = columns.map((column) => (column.kind === 'datetime' ? datetimePartsFor(column.values) : []));
    const numericBlock = numericMatrix(columns, datetimeParts);
    const numericImputer = new SimpleImputer(o.numericImputation, o.numericFillValue).fit(numericBlock);
    numericImputer.transformInPlace(numericBlock);
    const categorical = columns.filter((c): c is CategoricalInput => c.kind === 'categorical');
    const categoryImputer = new CategoryImputer(o.categoricalImputation, o.categoricalFillValue).fit(categorical);
    this.cachedLayout = null;
    this.fitted = {
      inputNames: [...names],
      inputKinds: columns.map((c) => c.kind),
      datetimeParts,
      numericImputer,
      scaler: o.scaling === 'standard' ? new StandardScaler().fit(numericBlock) : null,
      categoryImputer,
      encoder: new OneHotEncoder().fit(categorical.map((c, k) => categoryImputer.transform(c, k))),
    };
    return this;
  }

  transform(columns: readonly InputColumn[]): Matrix {
    const fitted = this.requireFitted();
    checkColumns(fitted, columns);
    const nRows = columns.length === 0 ? 0 : inputLength(columns[0]);
    const layout = this.layout();
    const out = createMatrix(nRows, layout.featureNames.length);
    let numericBlock = fitted.numericImputer.transformInPlace(numericMatrix(columns, fitted.datetimeParts));
    if (fitted.scaler) numericBlock = fitted.scaler.transform(numericBlock);
    let numericCol = 0;
    let categoricalCol = 0;
    columns.forEach((column, i) => {
      const first = layout.firstOutput[i];
      if (column.kind === 'categorical') {
        const imputed = fitted.categoryImputer.transform(column, categoricalCol);
        fitted.encoder.transformInto(imputed, categoricalCol++, out, first);
        return;
      }
      const width = column.kind === 'datetime' ? fitted.datetimeParts[i].length : 1;
      out.data.set(numericBlock.data.subarray(numericCol * nRows, (numericCol + width) * nRows), first * nRows);
      numericCol += width;
    });
    return out;
  }

  /** Encoded feature names: `age`, `date.month`, `island=Biscoe`. */
  get featureNames(): string[] {
    return this.layout().featureNames;
  }

  /** For each encoded feature, the index of the input column it came from. */
  get featureSources(): Int32Array {
    return this.layout().sources;
  }

  get inputNames(): readonly string[] {
    return this.requireFitted().inputNames;
  }

  get inputKinds(): readonly InputKind[] {
    return this.requireFitted().inputKinds;
  }

  toState(): ModelState {
    const f = this.requireFitted();
    const fitted: { [key: string]: StateValue } = {
      input_names: f.inputNames,
      input_kinds: f.inputKinds,
      datetime_parts: f.datetimeParts,
      numeric_statistics: f.numericImputer.toState().statistics,
      category_fills: f.categoryImputer.toState().fills,
      categories: f.encoder.toState().categories,
    };
    if (f.scaler) Object.assign(fitted, { scaler_mean: f.scaler.toState().mean, scaler_scale: f.scaler.toState().scale });
    return { modelType: STATE_TYPE, params: { ...this.options }, fitted };
  }

  static fromState(state: ModelState): TabularPreprocessor {
    if (state.modelType !== STATE_TYPE) throw new Error(`not a preprocessing state: ${state.modelType}`);
    const options = state.params as unknown as PreprocessingOptions;
    const s = state.fitted as unknown as {
      input_names: string[];
      input_kinds: InputKind[];
      datetime_parts: DatetimePart[][];
      numeric_statistics: Float64Array;
      category_fills: string[];
      categories: string[][];
      scaler_mean?: Float64Array;
      scaler_scale?: Float64Array;
    };
    const preprocessor = new TabularPreprocessor(options);
    preprocessor.fitted = {
      inputNames: s.input_names,
      inputKinds: s.input_kinds,
      datetimeParts: s.datetime_parts,
      numericImputer: SimpleImputer.fromState(options.numericImputation, options.numericFillValue, { statistics: s.numeric_statistics }),
      scaler: s.scaler_mean && s.scaler_scale ? StandardScaler.fromState({ mean: s.scaler_mean, scale: s.scaler_scale }) : null,
      categoryImputer: CategoryImputer.fromState(options.categoricalImputation, options.categoricalFillValue, { fills: s.category_fills }),
      encoder: OneHotEncoder.fromState({ categories: s.categories }),
    };
    return preprocessor;
  }

  private layout(): Layout {
    this.cachedLayout ??= computeLayout(this.requireFitted());
    return this.cachedLayout;
  }

  private requireFitted(): Fitted {
    if (!this.fitted) throw new NotFittedError('TabularPreprocessor');
    return this.fitted;
  }
}

interface Layout {
  featureNames: string[];
  /** Encoded feature -> input column index. */
  sources: Int32Array;
  /** Input column -> its first encoded column. */
  firstOutput: number[];
}

function computeLayout(f: Fitted): Layout {
  const featureNames: string[] = [];
  const sources: number[] = [];
  const firstOutput: number[] = [];
  let categoricalCol = 0;
  f.inputNames.forEach((name, i) => {
    firstOutput.push(featureNames.length);
    const kind = f.inputKinds[i];
    const names =
      kind === 'numeric'
        ? [name]
        : kind === 'datetime'
          ? f.datetimeParts[i].map((part) => `${name}.${part}`)
          : f.encoder.categoriesOf(categoricalCol++).map((category) => `${name}=${category}`);
    for (const encoded of names) {
      featureNames.push(encoded);
      sources.push(i);
    }
  });
  return { featureNames, sources: Int32Array.from(sources), firstOutput };
}

/** The numeric inputs and the datetime parts, in input order, as one matrix (NaN where missing). */
function numericMatrix(columns: readonly InputColumn[], datetimeParts: DatetimePart[][]): Matrix {
  const nRows = columns.length === 0 ? 0 : inputLength(columns[0]);
  const width = columns.reduce((w, c, i) => w + (c.kind === 'numeric' ? 1 : datetimeParts[i].length), 0);
  const block = createMatrix(nRows, width);
  let col = 0;
  columns.forEach((column, i) => {
    if (column.kind === 'numeric') block.data.set(column.values, nRows * col++);
    if (column.kind !== 'datetime') return;
    for (const part of datetimeParts[i]) {
      const offset = nRows * col++;
      for (let r = 0; r < nRows; r++) block.data[offset + r] = datetimePart(part, column.values[r]);
    }
  });
  return block;
}

function checkColumns(fitted: Fitted, columns: readonly InputColumn[]): void {
  if (columns.length !== fitted.inputKinds.length) {
    throw new RangeError(`the preprocessing was fitted on ${fitted.inputKinds.length} columns but got ${columns.length}`);
  }
  const nRows = columns.length === 0 ? 0 : inputLength(columns[0]);
  columns.forEach((column, i) => {
    if (column.kind !== fitted.inputKinds[i]) {
      throw new RangeError(`column '${fitted.inputNames[i]}' was fitted as ${fitted.inputKinds[i]} but is ${column.kind}`);
    }
    if (inputLength(column) !== nRows) throw new RangeError(`column '${fitted.inputNames[i]}' has ${inputLength(column)} rows, not ${nRows}`);
  });
}
