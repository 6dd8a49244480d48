import type { AnyTypedArray } from '../core/dtypes.js';

/**
 * What a fitted model is made of: plain values and typed arrays, nothing else, so it can be
 * written to disk (see state-codec.ts) and restored by the registry without the training data.
 */
export type StateValue =
  | number
  | string
  | boolean
  | null
  | AnyTypedArray
  | StateValue[]
  | { [key: string]: StateValue };

export interface ModelState {
  modelType: string;
  params: Record<string, unknown>;
  fitted: { [key: string]: StateValue };
}
