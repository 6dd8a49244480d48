import { axpy, dot, scal } from '../kernels/blas1.js';

/**
 * The last m correction pairs (s = x_{k+1} - x_k, y = g_{k+1} - g_k) of limited-memory BFGS, in
 * ring buffers allocated once, and the two-loop recursion that applies the implied inverse Hessian.
 * The initial matrix is (s'y / y'y) I from the newest pair, the same scaling L-BFGS-B's compact form
 * uses (theta = y'y / s'y), so both produce the same search direction.
 */
export class LbfgsMemory {
  private readonly s: Float64Array;
  private readonly y: Float64Array;
  private readonly rho: Float64Array;
  private readonly alpha: Float64Array;
  /** Slot of the oldest stored pair. */
  private start = 0;
  count = 0;

  constructor(
    private readonly n: number,
    private readonly capacity: number,
  ) {
    this.s = new Float64Array(n * capacity);
    this.y = new Float64Array(n * capacity);
    this.rho = new Float64Array(capacity);
    this.alpha = new Float64Array(capacity);
  }

  reset(): void {
    this.start = 0;
    this.count = 0;
  }

  /**
   * Stores s = step * direction and y = gradient - previousGradient, unless the curvature s'y is
   * not safely positive; then the pair would break positive definiteness and is skipped, with the
   * same test as L-BFGS-B (s'y <= eps * (-s'g_old)). Returns whether the pair was kept.
   */
  update(direction: Float64Array, step: number, gradient: Float64Array, previousGradient: Float64Array): boolean {
    const n = this.n;
    // Test before storing: when the buffers are full, the slot to write holds the oldest pair.
    let sy = 0;
    let descent = 0;
    for (let i = 0; i < n; i++) {
      const si = step * direction[i];
      sy += si * (gradient[i] - previousGradient[i]);
      descent -= si * previousGradient[i];
    }
    if (sy <= Number.EPSILON * descent) return false;
    const slot = (this.start + this.count) % this.capacity;
    const offset = slot * n;
    for (let i = 0; i < n; i++) {
      this.s[offset + i] = step * direction[i];
      this.y[offset + i] = gradient[i] - previousGradient[i];
    }
    this.rho[slot] = 1 / sy;
    if (this.count < this.capacity) this.count++;
    else this.start = (this.start + 1) % this.capacity;
    return true;
  }

  /** out = -H gradient, where H approximates the inverse Hessian (the identity when empty). */
  direction(gradient: Float64Array, out: Float64Array): void {
    const n = this.n;
    out.set(gradient);
    if (this.count > 0) {
      const { s, y, rho, alpha } = this;
      for (let k = this.count - 1; k >= 0; k--) {
        const offset = this.slotOf(k) * n;
        alpha[k] = rho[this.slotOf(k)] * dot(n, s, offset, 1, out, 0, 1);
        axpy(n, -alpha[k], y, offset, 1, out, 0, 1);
      }
      const newest = this.slotOf(this.count - 1) * n;
      const yy = dot(n, y, newest, 1, y, newest, 1);
      scal(n, 1 / (rho[this.slotOf(this.count - 1)] * yy), out, 0, 1);
      for (let k = 0; k < this.count; k++) {
        const offset = this.slotOf(k) * n;
        const beta = rho[this.slotOf(k)] * dot(n, y, offset, 1, out, 0, 1);
        axpy(n, alpha[k] - beta, s, offset, 1, out, 0, 1);
      }
    }
    scal(n, -1, out, 0, 1);
  }

  /** Ring slot of the k-th stored pair, oldest first. */
  private slotOf(k: number): number {
    return (this.start + k) % this.capacity;
  }
}
