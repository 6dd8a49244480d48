/**
 * The safeguarded step of Moré & Thuente's line search ("Line search algorithms with guaranteed
 * sufficient decrease", ACM TOMS 20(3), 1994), the one inside MINPACK-2's dcsrch that scipy's
 * L-BFGS-B drives. Given the best step so far (stx), the other end of the interval (sty) and the
 * trial step (stp), each with its function value and derivative, it picks the next trial step from
 * cubic and quadratic interpolants and updates the interval. The four cases follow the paper.
 */
export interface StepInterval {
  /** Step with the lowest function value so far. */
  stx: number;
  fx: number;
  dx: number;
  /** Other endpoint of the interval of uncertainty. */
  sty: number;
  fy: number;
  dy: number;
  /** Whether a minimiser is known to lie between stx and sty. */
  bracketed: boolean;
}

const P66 = 0.66;

/** Updates `interval` with the trial (stp, fp, dp) and returns the next trial step within [stpMin, stpMax]. */
export function safeguardedStep(
  interval: StepInterval,
  stp: number,
  fp: number,
  dp: number,
  stpMin: number,
  stpMax: number,
): number {
  const { stx, fx, dx, sty, fy, dy } = interval;
  // Sign of dp relative to dx; zero (dp = 0) counts as "same sign", as in the paper.
  const opposite = dp * (dx / Math.abs(dx)) < 0;
  // theta is written out per case, in the paper's operand order, so rounding matches MINPACK-2's.
  const thetaXP = (3 * (fx - fp)) / (stp - stx) + dx + dp;
  let stpf: number;

  if (fp > fx) {
    // Case 1: higher function value; the minimum is bracketed. Take the cubic step if it is closer
    // to stx than the quadratic one, else their midpoint.
    const stpc = cubicMinimiser(stx, dx, stp, dp, thetaXP);
    const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
    stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
    interval.bracketed = true;
  } else if (opposite) {
    // Case 2: lower value, derivatives of opposite sign; bracketed. Take the step farther from stp.
    const stpc = cubicMinimiser(stp, dp, stx, dx, thetaXP);
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
    interval.bracketed = true;
  } else if (Math.abs(dp) < Math.abs(dx)) {
    // Case 3: lower value, same sign, derivative decreasing in magnitude. The cubic may have no
    // minimiser in the right direction; then step to the bound.
    stpf = decreasingDerivativeStep(interval, stp, dp, thetaXP, stpMin, stpMax);
  } else if (interval.bracketed) {
    // Case 4: lower value, same sign, derivative not decreasing: cubic on the stp/sty side.
    stpf = cubicMinimiser(stp, dp, sty, dy, (3 * (fp - fy)) / (sty - stp) + dy + dp);
  } else {
    stpf = stp > stx ? stpMax : stpMin;
  }

  if (fp > fx) {
    interval.sty = stp;
    interval.fy = fp;
    interval.dy = dp;
  } else {
    if (opposite) {
      interval.sty = stx;
      interval.fy = fx;
      interval.dy = dx;
    }
    interval.stx = stp;
    interval.fx = fp;
    interval.dx = dp;
  }
  return stpf;
}

/**
 * Minimiser of the cubic through (a, fa, da) and (b, fb, db), written relative to a; the function
 * values enter only through theta = 3 (fa - fb) / (b - a) + da + db.
 */
function cubicMinimiser(a: number, da: number, b: number, db: number, theta: number): number {
  // Scaling by the largest magnitude keeps the square root's argument from overflowing.
  const s = Math.max(Math.abs(theta), Math.abs(da), Math.abs(db));
  let gamma = s * Math.sqrt((theta / s) * (theta / s) - (da / s) * (db / s));
  if (b < a) gamma = -gamma;
  const p = gamma - da + theta;
  const q = gamma - da + gamma + db;
  return a + (p / q) * (b - a);
}

function decreasingDerivativeStep(
  interval: StepInterval,
  stp: number,
  dp: number,
  theta: number,
  stpMin: number,
  stpMax: number,
): number {
  const { stx, dx, sty } = interval;
  const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
  // The cubic tends to infinity in the direction of the step only if gamma is non-zero.
  let gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
  if (stp > stx) gamma = -gamma;
  const p = gamma - dp + theta;
  const q = gamma + (dx - dp) + gamma;
  const r = p / q;
  let stpc: number;
  if (r < 0 && gamma !== 0) stpc = stp + r * (stx - stp);
  else stpc = stp > stx ? stpMax : stpMin;
  const stpq = stp + (dp / (dp - dx)) * (stx - stp);

  if (interval.bracketed) {
    // Stay closer to stp than the cubic/secant choice alone would, but never past 66% of the way to sty.
    const stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
    const limit = stp + P66 * (sty - stp);
    return stp > stx ? Math.min(limit, stpf) : Math.max(limit, stpf);
  }
  const stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
  return Math.max(stpMin, Math.min(stpMax, stpf));
}
