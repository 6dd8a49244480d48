import type { Matrix } from '../core/matrix.js';
import { rowMajorRows } from '../core/row-major.js';
import { NotFittedError } from '../estimator/errors.js';
import type { ResolvedParams } from '../estimator/hyperparameters.js';
import { checkFeatureCount } from '../estimator/input-checks.js';
import type { ModelState, StateValue } from '../estimator/model-state.js';
import type { Activation } from './activations.js';
import { outputsOfRows, parameterCount, type MlpShape, type OutputActivation } from './mlp-network.js';
import { hiddenLayers } from './mlp-params.js';
import { trainMlp, type MlpData } from './mlp-trainer.js';

export interface MlpFit {
  shape: MlpShape;
  parameters: Float64Array;
  facts: { [key: string]: StateValue };
}

/**
 * What scikit-learn's MLPClassifier and MLPRegressor share once the targets are encoded: the network,
 * its training, forward passes for prediction, and the saved state. There is no feature importance.
 */
export abstract class MlpBase {
  abstract readonly modelType: string;
  protected network: MlpFit | null = null;

  constructor(readonly params: Readonly<ResolvedParams>) {}

  /** Builds the network for `nOutputs` outputs and trains it on the encoded targets. */
  protected train(
    X: Matrix,
    nOutputs: number,
    output: OutputActivation,
    data: Omit<MlpData, 'inputs' | 'nRows'>,
    onProgress?: (fraction: number) => void,
  ): void {
    const units = [X.nCols, ...hiddenLayers(this.params), nOutputs];
    const shape: MlpShape = { units, hidden: this.params.activation as Activation, output };
    const training = trainMlp(shape, this.params, { ...data, inputs: rowMajorRows(X), nRows: X.nRows }, onProgress);
    this.network = {
      shape,
      parameters: training.parameters,
      facts: { nIter: training.nIter, loss: training.loss, converged: training.converged },
    };
  }

  /** Network outputs for every row of X, row-major nRows x nOutputs. */
  protected outputs(X: Matrix): Float64Array {
    const { shape, parameters } = this.requireNetwork();
    checkFeatureCount(this.modelType, X, shape.units[0]);
    return outputsOfRows(shape, parameters, rowMajorRows(X), X.nRows);
  }

  featureImportance(): null {
    this.requireNetwork();
    return null;
  }

  protected networkState(): { [key: string]: StateValue } {
    const { shape, parameters, facts } = this.requireNetwork();
    return { units: Int32Array.from(shape.units), hidden: shape.hidden, output: shape.output, parameters, ...facts };
  }

  protected loadNetwork(fitted: ModelState['fitted']): void {
    const { units, hidden, output, parameters, nIter, loss, converged } = fitted;
    if (
      !(units instanceof Int32Array) ||
      !(parameters instanceof Float64Array) ||
      typeof hidden !== 'string' ||
      typeof output !== 'string'
    ) {
      throw new Error(`${this.modelType} state is missing its network`);
    }
    const shape: MlpShape = { units: Array.from(units), hidden: hidden as Activation, output: output as OutputActivation };
    if (parameterCount(shape) !== parameters.length) throw new Error(`${this.modelType} state has inconsistent weights`);
    this.network = { shape, parameters, facts: { nIter: nIter ?? null, loss: loss ?? null, converged: converged ?? null } };
  }

  protected requireNetwork(): MlpFit {
    if (!this.network) throw new NotFittedError(this.modelType);
    return this.network;
  }
}
