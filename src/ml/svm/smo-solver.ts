import type { SignedKernelQ } from './q-matrix.js';

/** libsvm's stand-in for a non-positive curvature along a working-set direction. */
const TAU = 1e-12;

const LOWER = 0;
const UPPER = 1;
const FREE = 2;

export interface SmoProblem {
  Q: SignedKernelQ;
  /** Linear term of the objective, per variable. */
  linear: Float64Array;
  /** Upper bound of each variable (its C). */
  upper: Float64Array;
  /** Stop when the maximal KKT violation is below this (scikit-learn's tol, libsvm's eps). */
  eps: number;
  shrinking: boolean;
  /** Iteration limit; -1 for none. */
  maxIter: number;
}

export interface SmoSolution {
  /** Optimal alpha per variable (original order), all within [0, upper]. */
  alpha: Float64Array;
  rho: number;
  /** Iterations taken; max_iter when that limit stopped the solver first. */
  iterations: number;
}

/**
 * The SMO solver of libsvm (Fan, Chen and Lin, JMLR 2005) for
 *   min 0.5 a'Qa + p'a  subject to  y'a = 0, 0 <= a_i <= C_i,
 * starting from a = 0: second-order working-set selection, the same clipping of each two-variable
 * step, and the same shrinking heuristic (with one unshrink once the violation is within 10 eps).
 * Variables live at positions that shrinking permutes exactly as libsvm's swap_index does, so scans
 * break ties the same way and the iterates follow libsvm's.
 */
export function solveSmo(problem: SmoProblem): SmoSolution {
  return new SmoSolver(problem).solve();
}

class SmoSolver {
  private readonly l: number;
  private activeSize: number;
  private unshrink = false;
  // Per position; position t holds variable activeSet[t].
  private readonly y: Int8Array;
  private readonly G: Float64Array;
  private readonly Gbar: Float64Array;
  private readonly alpha: Float64Array;
  private readonly status: Uint8Array;
  private readonly p: Float64Array;
  private readonly C: Float64Array;
  private readonly QD: Float64Array;
  private readonly activeSet: Int32Array;
  // Column buffers: two for the working pair, one for full-length columns.
  private readonly columnI: Float32Array;
  private readonly columnJ: Float32Array;
  private readonly columnFull: Float32Array;

  constructor(private readonly problem: SmoProblem) {
    const { Q, linear, upper } = problem;
    const l = Q.size;
    this.l = l;
    this.activeSize = l;
    this.y = Int8Array.from(Q.sign);
    this.G = Float64Array.from(linear);
    this.Gbar = new Float64Array(l);
    this.alpha = new Float64Array(l);
    this.status = new Uint8Array(l).fill(LOWER);
    this.p = Float64Array.from(linear);
    this.C = Float64Array.from(upper);
    this.QD = Float64Array.from(Q.diagonal);
    this.activeSet = Int32Array.from({ length: l }, (_, t) => t);
    this.columnI = new Float32Array(l);
    this.columnJ = new Float32Array(l);
    this.columnFull = new Float32Array(l);
    // Every alpha starts at 0 (lower bound), so the gradient starts as the linear term and G_bar at 0.
  }

  solve(): SmoSolution {
    const { maxIter } = this.problem;
    let iterations = 0;
    let counter = Math.min(this.l, 1000) + 1;
    const pair = { i: -1, j: -1 };
    for (;;) {
      if (maxIter !== -1 && iterations >= maxIter) break;
      if (--counter === 0) {
        counter = Math.min(this.l, 1000);
        if (this.problem.shrinking) this.shrink();
      }
      if (!this.selectWorkingSet(pair)) {
        // Optimal on the active set: check the whole problem before stopping.
        this.reconstructGradient();
        this.activeSize = this.l;
        if (!this.selectWorkingSet(pair)) break;
        counter = 1; // shrink again at the next iteration
      }
      iterations++;
      this.step(pair.i, pair.j);
    }
    const rho = this.calculateRho();
    const alpha = new Float64Array(this.l);
    for (let t = 0; t < this.l; t++) alpha[this.activeSet[t]] = this.alpha[t];
    return { alpha, rho, iterations };
  }

  /** Optimises the pair (i, j) analytically, clipped to the box, and updates G and G_bar. */
  private step(i: number, j: number): void {
    const { alpha, y, G, C, QD } = this;
    const Qi = this.columnI;
    const Qj = this.columnJ;
    this.fillColumn(i, this.activeSize, Qi);
    this.fillColumn(j, this.activeSize, Qj);
    const Ci = C[i];
    const Cj = C[j];
    const oldI = alpha[i];
    const oldJ = alpha[j];
    if (y[i] !== y[j]) {
      let curvature = QD[i] + QD[j] + 2 * Qi[j];
      if (curvature <= 0) curvature = TAU;
      const delta = (-G[i] - G[j]) / curvature;
      const diff = alpha[i] - alpha[j];
      alpha[i] += delta;
      alpha[j] += delta;
      if (diff > 0) {
        if (alpha[j] < 0) {
          alpha[j] = 0;
          alpha[i] = diff;
        }
      } else if (alpha[i] < 0) {
        alpha[i] = 0;
        alpha[j] = -diff;
      }
      if (diff > Ci - Cj) {
        if (alpha[i] > Ci) {
          alpha[i] = Ci;
          alpha[j] = Ci - diff;
        }
      } else if (alpha[j] > Cj) {
        alpha[j] = Cj;
        alpha[i] = Cj + diff;
      }
    } else {
      let curvature = QD[i] + QD[j] - 2 * Qi[j];
      if (curvature <= 0) curvature = TAU;
      const delta = (G[i] - G[j]) / curvature;
      const total = alpha[i] + alpha[j];
      alpha[i] -= delta;
      alpha[j] += delta;
      if (total > Ci) {
        if (alpha[i] > Ci) {
          alpha[i] = Ci;
          alpha[j] = total - Ci;
        }
      } else if (alpha[j] < 0) {
        alpha[j] = 0;
        alpha[i] = total;
      }
      if (total > Cj) {
        if (alpha[j] > Cj) {
          alpha[j] = Cj;
          alpha[i] = total - Cj;
        }
      } else if (alpha[i] < 0) {
        alpha[i] = 0;
        alpha[j] = total;
      }
    }
    const deltaI = alpha[i] - oldI;
    const deltaJ = alpha[j] - oldJ;
    for (let k = 0; k < this.activeSize; k++) G[k] += Qi[k] * deltaI + Qj[k] * deltaJ;
    this.updateStatusAndGbar(i);
    this.updateStatusAndGbar(j);
  }

  /** G_bar = sum over upper-bounded variables of C_v Q_v: adjust it when v enters or leaves the bound. */
  private updateStatusAndGbar(v: number): void {
    const wasUpper = this.status[v] === UPPER;
    this.updateStatus(v);
    if (wasUpper === (this.status[v] === UPPER)) return;
    const column = this.columnFull;
    this.fillColumn(v, this.l, column);
    const change = wasUpper ? -this.C[v] : this.C[v];
    for (let k = 0; k < this.l; k++) this.Gbar[k] += change * column[k];
  }

  /**
   * libsvm's WSS 3: i maximises -y_i G_i over I_up; j, among the violating partners in I_low,
   * gives the largest decrease of the objective for the pair. Returns false when the maximal
   * violation is below eps (or there is no partner).
   */
  private selectWorkingSet(pair: { i: number; j: number }): boolean {
    const { y, G, QD } = this;
    let gMax = -Infinity;
    let gMax2 = -Infinity;
    let gMaxIndex = -1;
    let gMinIndex = -1;
    let smallestObjectiveChange = Infinity;
    for (let t = 0; t < this.activeSize; t++) {
      if (y[t] === 1) {
        if (this.status[t] !== UPPER && -G[t] >= gMax) {
          gMax = -G[t];
          gMaxIndex = t;
        }
      } else if (this.status[t] !== LOWER && G[t] >= gMax) {
        gMax = G[t];
        gMaxIndex = t;
      }
    }
    const i = gMaxIndex;
    const Qi = this.columnI;
    if (i !== -1) this.fillColumn(i, this.activeSize, Qi);
    for (let j = 0; j < this.activeSize; j++) {
      let gradientGap: number;
      let curvature: number;
      if (y[j] === 1) {
        if (this.status[j] === LOWER) continue;
        gradientGap = gMax + G[j];
        if (G[j] >= gMax2) gMax2 = G[j];
        if (!(gradientGap > 0)) continue;
        curvature = QD[i] + QD[j] - 2 * y[i] * Qi[j];
      } else {
        if (this.status[j] === UPPER) continue;
        gradientGap = gMax - G[j];
        if (-G[j] >= gMax2) gMax2 = -G[j];
        if (!(gradientGap > 0)) continue;
        curvature = QD[i] + QD[j] + 2 * y[i] * Qi[j];
      }
      const objectiveChange = -(gradientGap * gradientGap) / (curvature > 0 ? curvature : TAU);
      if (objectiveChange <= smallestObjectiveChange) {
        gMinIndex = j;
        smallestObjectiveChange = objectiveChange;
      }
    }
    if (gMax + gMax2 < this.problem.eps || gMinIndex === -1) return false;
    pair.i = gMaxIndex;
    pair.j = gMinIndex;
    return true;
  }

  /** Moves variables that are stuck at a bound past the current violation to the inactive end. */
  private shrink(): void {
    const { y, G } = this;
    let gMax1 = -Infinity; // max -y_i G_i over I_up
    let gMax2 = -Infinity; // max y_i G_i over I_low
    for (let t = 0; t < this.activeSize; t++) {
      if (y[t] === 1) {
        if (this.status[t] !== UPPER && -G[t] >= gMax1) gMax1 = -G[t];
        if (this.status[t] !== LOWER && G[t] >= gMax2) gMax2 = G[t];
      } else {
        if (this.status[t] !== UPPER && -G[t] >= gMax2) gMax2 = -G[t];
        if (this.status[t] !== LOWER && G[t] >= gMax1) gMax1 = G[t];
      }
    }
    if (!this.unshrink && gMax1 + gMax2 <= this.problem.eps * 10) {
      this.unshrink = true;
      this.reconstructGradient();
      this.activeSize = this.l;
    }
    for (let t = 0; t < this.activeSize; t++) {
      if (!this.canShrink(t, gMax1, gMax2)) continue;
      this.activeSize--;
      while (this.activeSize > t) {
        if (!this.canShrink(this.activeSize, gMax1, gMax2)) {
          this.swap(t, this.activeSize);
          break;
        }
        this.activeSize--;
      }
    }
  }

  private canShrink(t: number, gMax1: number, gMax2: number): boolean {
    const { y, G } = this;
    if (this.status[t] === UPPER) return y[t] === 1 ? -G[t] > gMax1 : -G[t] > gMax2;
    if (this.status[t] === LOWER) return y[t] === 1 ? G[t] > gMax2 : G[t] > gMax1;
    return false;
  }

  /** Recomputes the gradient of the inactive variables from G_bar and the free variables. */
  private reconstructGradient(): void {
    const { l, activeSize, G, Gbar, p, alpha } = this;
    if (activeSize === l) return;
    for (let j = activeSize; j < l; j++) G[j] = Gbar[j] + p[j];
    let nFree = 0;
    for (let j = 0; j < activeSize; j++) if (this.status[j] === FREE) nFree++;
    const column = this.columnFull;
    // Whichever of the two loop orders touches fewer kernel values, as libsvm chooses.
    if (nFree * l > 2 * activeSize * (l - activeSize)) {
      for (let i = activeSize; i < l; i++) {
        this.fillColumn(i, activeSize, column);
        for (let j = 0; j < activeSize; j++) if (this.status[j] === FREE) G[i] += alpha[j] * column[j];
      }
    } else {
      for (let i = 0; i < activeSize; i++) {
        if (this.status[i] !== FREE) continue;
        this.fillColumn(i, l, column);
        for (let j = activeSize; j < l; j++) G[j] += alpha[i] * column[j];
      }
    }
  }

  /** b = (lb + ub) / 2 from the bounded variables, or the mean over free variables when there are any. */
  private calculateRho(): number {
    const { y, G } = this;
    let nFree = 0;
    let upperBound = Infinity;
    let lowerBound = -Infinity;
    let freeSum = 0;
    for (let t = 0; t < this.activeSize; t++) {
      const yG = y[t] * G[t];
      if (this.status[t] === UPPER) {
        if (y[t] === -1) upperBound = Math.min(upperBound, yG);
        else lowerBound = Math.max(lowerBound, yG);
      } else if (this.status[t] === LOWER) {
        if (y[t] === 1) upperBound = Math.min(upperBound, yG);
        else lowerBound = Math.max(lowerBound, yG);
      } else {
        nFree++;
        freeSum += yG;
      }
    }
    return nFree > 0 ? freeSum / nFree : (upperBound + lowerBound) / 2;
  }

  private updateStatus(t: number): void {
    const a = this.alpha[t];
    this.status[t] = a >= this.C[t] ? UPPER : a <= 0 ? LOWER : FREE;
  }

  private fillColumn(position: number, length: number, out: Float32Array): void {
    this.problem.Q.column(this.activeSet[position], this.activeSet, length, out);
  }

  private swap(a: number, b: number): void {
    swapIn(this.y, a, b);
    swapIn(this.G, a, b);
    swapIn(this.status, a, b);
    swapIn(this.alpha, a, b);
    swapIn(this.p, a, b);
    swapIn(this.activeSet, a, b);
    swapIn(this.Gbar, a, b);
    swapIn(this.C, a, b);
    swapIn(this.QD, a, b);
  }
}

function swapIn(values: { [index: number]: number }, a: number, b: number): void {
  const tmp = values[a];
  values[a] = values[b];
  values[b] = tmp;
}
