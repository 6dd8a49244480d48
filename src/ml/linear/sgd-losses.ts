/**
 * The per-sample losses of scikit-learn's SGD estimators (its _sgd_fast loss classes): value and
 * derivative with respect to the prediction p, for a target y (+1/-1 for classification).
 */
export interface SgdLoss {
  loss(p: number, y: number): number;
  dloss(p: number, y: number): number;
  /** Whether the loss reads y as a +1/-1 label. */
  classification: boolean;
}

export const CLASSIFICATION_LOSSES = ['hinge', 'log_loss', 'modified_huber', 'squared_hinge', 'perceptron'] as const;
export const REGRESSION_LOSSES = ['squared_error', 'huber', 'epsilon_insensitive', 'squared_epsilon_insensitive'] as const;

/** max(0, threshold - p y): the hinge (threshold 1) and the perceptron (threshold 0). */
function hinge(threshold: number): SgdLoss {
  return {
    loss: (p, y) => Math.max(0, threshold - p * y),
    dloss: (p, y) => (p * y <= threshold ? -y : 0),
    classification: true,
  };
}

/** The logistic loss log(1 + e^-py), with scikit-learn's cut-offs at |py| = 18. */
const logLoss: SgdLoss = {
  loss: (p, y) => {
    const z = p * y;
    if (z > 18) return Math.exp(-z);
    if (z < -18) return -z;
    return Math.log(1 + Math.exp(-z));
  },
  dloss: (p, y) => {
    const z = p * y;
    if (z > 18) return Math.exp(-z) * -y;
    if (z < -18) return -y;
    return -y / (Math.exp(z) + 1);
  },
  classification: true,
};

/** Quadratically smoothed hinge: (1 - py)^2 for py >= -1, linear -4py below. */
const modifiedHuber: SgdLoss = {
  loss: (p, y) => {
    const z = p * y;
    if (z >= 1) return 0;
    if (z >= -1) return (1 - z) * (1 - z);
    return -4 * z;
  },
  dloss: (p, y) => {
    const z = p * y;
    if (z >= 1) return 0;
    if (z >= -1) return 2 * (1 - z) * -y;
    return -4 * y;
  },
  classification: true,
};

const squaredHinge: SgdLoss = {
  loss: (p, y) => {
    const z = 1 - p * y;
    return z > 0 ? z * z : 0;
  },
  dloss: (p, y) => {
    const z = 1 - p * y;
    return z > 0 ? -2 * y * z : 0;
  },
  classification: true,
};

const squaredError: SgdLoss = {
  loss: (p, y) => 0.5 * (p - y) * (p - y),
  dloss: (p, y) => p - y,
  classification: false,
};

function huber(c: number): SgdLoss {
  return {
    loss: (p, y) => {
      const r = p - y;
      const abs = Math.abs(r);
      return abs <= c ? 0.5 * r * r : c * abs - 0.5 * c * c;
    },
    dloss: (p, y) => {
      const r = p - y;
      if (Math.abs(r) <= c) return r;
      return r > 0 ? c : -c;
    },
    classification: false,
  };
}

function epsilonInsensitive(epsilon: number): SgdLoss {
  return {
    loss: (p, y) => Math.max(0, Math.abs(y - p) - epsilon),
    dloss: (p, y) => {
      if (y - p > epsilon) return -1;
      if (p - y > epsilon) return 1;
      return 0;
    },
    classification: false,
  };
}

function squaredEpsilonInsensitive(epsilon: number): SgdLoss {
  return {
    loss: (p, y) => {
      const excess = Math.abs(y - p) - epsilon;
      return excess > 0 ? excess * excess : 0;
    },
    dloss: (p, y) => {
      const z = y - p;
      if (z > epsilon) return -2 * (z - epsilon);
      if (z < -epsilon) return 2 * (-z - epsilon);
      return 0;
    },
    classification: false,
  };
}

/** The loss of a name, with epsilon for the huber and epsilon-insensitive losses. */
export function sgdLoss(name: string, epsilon: number): SgdLoss {
  switch (name) {
    case 'hinge':
      return hinge(1);
    case 'perceptron':
      return hinge(0);
    case 'log_loss':
      return logLoss;
    case 'modified_huber':
      return modifiedHuber;
    case 'squared_hinge':
      return squaredHinge;
    case 'squared_error':
      return squaredError;
    case 'huber':
      return huber(epsilon);
    case 'epsilon_insensitive':
      return epsilonInsensitive(epsilon);
    case 'squared_epsilon_insensitive':
      return squaredEpsilonInsensitive(epsilon);
    default:
      throw new RangeError(`unknown SGD loss ${name}`);
  }
}
