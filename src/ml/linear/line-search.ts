import { safeguardedStep, type StepInterval } from './line-search-step.js';

/**
 * Moré-Thuente line search in reverse-communication form, the search scipy's L-BFGS-B runs (MINPACK-2
 * dcsrch with ftol = 1e-3, gtol = 0.9, xtol = 0.1). The caller evaluates phi(stp) and phi'(stp)
 * whenever `next` answers 'evaluate', so the optimiser keeps control of its buffers and of how many
 * evaluations it allows. It stops at a step satisfying the strong Wolfe conditions, or with a warning
 * when rounding or the step bounds leave no room to improve; both end the search successfully.
 */
export type LineSearchOutcome = 'evaluate' | 'converged' | 'warning';

/** Sufficient decrease: phi(stp) <= phi(0) + FTOL * stp * phi'(0). */
const FTOL = 1e-3;
/** Curvature: |phi'(stp)| <= GTOL * |phi'(0)|. */
const GTOL = 0.9;
/** Relative width of the bracketing interval below which the search gives up. */
const XTOL = 0.1;
/** Extrapolation bounds while the minimiser is not yet bracketed. */
const EXTRAPOLATE_LOWER = 1.1;
const EXTRAPOLATE_UPPER = 4;

export class LineSearch {
  /** The step to evaluate next, or the accepted step once the search has ended. */
  stp = 0;
  private readonly interval: StepInterval = { stx: 0, fx: 0, dx: 0, sty: 0, fy: 0, dy: 0, bracketed: false };
  private stage = 1;
  private finit = 0;
  private gtest = 0;
  private ginit = 0;
  private stpMin = 0;
  private stpMax = 0;
  private stMin = 0;
  private stMax = 0;
  private width = 0;
  private width1 = 0;

  /** Starts a search from phi(0) = f0, phi'(0) = g0 < 0 with a first trial step stp0. */
  start(f0: number, g0: number, stp0: number, stpMin: number, stpMax: number): void {
    this.stp = stp0;
    this.stpMin = stpMin;
    this.stpMax = stpMax;
    this.stage = 1;
    this.finit = f0;
    this.ginit = g0;
    this.gtest = FTOL * g0;
    this.width = stpMax - stpMin;
    this.width1 = this.width / 0.5;
    Object.assign(this.interval, { stx: 0, fx: f0, dx: g0, sty: 0, fy: f0, dy: g0, bracketed: false });
    this.stMin = 0;
    this.stMax = stp0 + EXTRAPOLATE_UPPER * stp0;
  }

  /** Takes phi and phi' at the current `stp`; says whether to evaluate a new `stp` or stop. */
  next(f: number, g: number): LineSearchOutcome {
    const iv = this.interval;
    const stp = this.stp;
    const ftest = this.finit + stp * this.gtest;
    if (this.stage === 1 && f <= ftest && g >= 0) this.stage = 2;

    const ending = this.ending(f, g, ftest);
    if (ending !== 'evaluate') return ending;

    let next: number;
    if (this.stage === 1 && f <= iv.fx && f > ftest) {
      // Until a step with sufficient decrease and non-negative derivative shows up, work on the
      // modified function psi(stp) = phi(stp) - phi(0) - FTOL * stp * phi'(0), as the paper prescribes.
      const gtest = this.gtest;
      iv.fx -= iv.stx * gtest;
      iv.fy -= iv.sty * gtest;
      iv.dx -= gtest;
      iv.dy -= gtest;
      next = safeguardedStep(iv, stp, f - stp * gtest, g - gtest, this.stMin, this.stMax);
      iv.fx += iv.stx * gtest;
      iv.fy += iv.sty * gtest;
      iv.dx += gtest;
      iv.dy += gtest;
    } else {
      next = safeguardedStep(iv, stp, f, g, this.stMin, this.stMax);
    }

    if (iv.bracketed) {
      // Guarantee shrinkage: bisect when the last two steps left the interval wider than 66% of before.
      if (Math.abs(iv.sty - iv.stx) >= 0.66 * this.width1) next = iv.stx + 0.5 * (iv.sty - iv.stx);
      this.width1 = this.width;
      this.width = Math.abs(iv.sty - iv.stx);
      this.stMin = Math.min(iv.stx, iv.sty);
      this.stMax = Math.max(iv.stx, iv.sty);
    } else {
      this.stMin = next + EXTRAPOLATE_LOWER * (next - iv.stx);
      this.stMax = next + EXTRAPOLATE_UPPER * (next - iv.stx);
    }
    next = Math.min(Math.max(next, this.stpMin), this.stpMax);
    if (
      iv.bracketed &&
      (next <= this.stMin || next >= this.stMax || this.stMax - this.stMin <= XTOL * this.stMax)
    ) {
      // No progress is possible inside the interval: fall back to the best step found.
      next = iv.stx;
    }
    this.stp = next;
    return 'evaluate';
  }

  /** Convergence (strong Wolfe) or one of the warnings that end the search at the current step. */
  private ending(f: number, g: number, ftest: number): LineSearchOutcome {
    const iv = this.interval;
    const stp = this.stp;
    if (f <= ftest && Math.abs(g) <= GTOL * -this.ginit) return 'converged';
    if (iv.bracketed && (stp <= this.stMin || stp >= this.stMax)) return 'warning';
    if (iv.bracketed && this.stMax - this.stMin <= XTOL * this.stMax) return 'warning';
    if (stp === this.stpMax && f <= ftest && g <= this.gtest) return 'warning';
    if (stp === this.stpMin && (f > ftest || g >= this.gtest)) return 'warning';
    return 'evaluate';
  }
}
