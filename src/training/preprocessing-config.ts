import type { CategoricalImputation, NumericImputation, PreprocessingOptions } from '../ml/index.js';

/** A train request's `preprocessing` object, as the API spells it; every field optional. */
export interface PreprocessingRequest {
  numeric_imputation?: NumericImputation;
  numeric_fill_value?: number;
  categorical_imputation?: CategoricalImputation;
  categorical_fill_value?: string;
  /** "auto" scales exactly the models that need it (linear, k-NN, k-means, ...), like a scikit-learn pipeline would. */
  scaling?: 'auto' | 'standard' | 'none';
}

/** The same with every default filled in and "auto" decided: what a run stores and reports. */
export type ResolvedPreprocessing = Required<PreprocessingRequest> & { scaling: 'standard' | 'none' };

export const PREPROCESSING_DEFAULTS = {
  numeric_imputation: 'mean',
  numeric_fill_value: 0,
  categorical_imputation: 'most_frequent',
  categorical_fill_value: 'missing',
  scaling: 'auto',
} as const satisfies Required<PreprocessingRequest>;

export function resolvePreprocessing(request: PreprocessingRequest, modelNeedsScaling: boolean): ResolvedPreprocessing {
  const merged = { ...PREPROCESSING_DEFAULTS, ...request };
  const scaling = merged.scaling === 'auto' ? (modelNeedsScaling ? 'standard' : 'none') : merged.scaling;
  return { ...merged, scaling };
}

export function engineOptions(resolved: ResolvedPreprocessing): PreprocessingOptions {
  return {
    numericImputation: resolved.numeric_imputation,
    numericFillValue: resolved.numeric_fill_value,
    categoricalImputation: resolved.categorical_imputation,
    categoricalFillValue: resolved.categorical_fill_value,
    scaling: resolved.scaling,
  };
}
