/**
 * The stochastic optimisers of scikit-learn's MLP (its _stochastic_optimizers), over one packed
 * parameter vector.
 */
export interface StochasticOptimizer {
  /** params += the step for this batch's gradient. */
  update(parameters: Float64Array, gradient: Float64Array): void;
  /** Called after each epoch with the number of samples seen so far. */
  iterationEnds(samplesSeen: number): void;
  /** Called when progress stalls: true to stop, false when the optimiser adapted instead. */
  triggerStopping(): boolean;
}

/** Adam (Kingma and Ba) with scikit-learn's bias correction folded into the learning rate. */
export class Adam implements StochasticOptimizer {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;

  constructor(
    size: number,
    private readonly learningRateInit: number,
    private readonly beta1: number,
    private readonly beta2: number,
    private readonly epsilon: number,
  ) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  update(parameters: Float64Array, gradient: Float64Array): void {
    this.t++;
    const { m, v, beta1, beta2 } = this;
    const rate = (this.learningRateInit * Math.sqrt(1 - beta2 ** this.t)) / (1 - beta1 ** this.t);
    for (let i = 0; i < parameters.length; i++) {
      m[i] = beta1 * m[i] + (1 - beta1) * gradient[i];
      v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i];
      parameters[i] += (-rate * m[i]) / (Math.sqrt(v[i]) + this.epsilon);
    }
  }

  iterationEnds(): void {}

  triggerStopping(): boolean {
    return true;
  }
}

export type SgdSchedule = 'constant' | 'invscaling' | 'adaptive';

/** SGD with (Nesterov) momentum and scikit-learn's learning-rate schedules. */
export class MomentumSgd implements StochasticOptimizer {
  private readonly velocity: Float64Array;
  private learningRate: number;

  constructor(
    size: number,
    private readonly learningRateInit: number,
    private readonly schedule: SgdSchedule,
    private readonly momentum: number,
    private readonly nesterov: boolean,
    private readonly powerT: number,
  ) {
    this.velocity = new Float64Array(size);
    this.learningRate = learningRateInit;
  }

  update(parameters: Float64Array, gradient: Float64Array): void {
    const { velocity, momentum, learningRate } = this;
    for (let i = 0; i < parameters.length; i++) {
      velocity[i] = momentum * velocity[i] - learningRate * gradient[i];
      // Nesterov looks one momentum step ahead of the new velocity.
      parameters[i] += this.nesterov ? momentum * velocity[i] - learningRate * gradient[i] : velocity[i];
    }
  }

  iterationEnds(samplesSeen: number): void {
    if (this.schedule === 'invscaling') this.learningRate = this.learningRateInit / (samplesSeen + 1) ** this.powerT;
  }

  /** The adaptive schedule divides the rate by 5 until it falls to 1e-6; the others stop at once. */
  triggerStopping(): boolean {
    if (this.schedule !== 'adaptive' || this.learningRate <= 1e-6) return true;
    this.learningRate /= 5;
    return false;
  }
}
