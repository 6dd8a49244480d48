import { kernelFromDot, rowDot, type KernelSpec } from './kernel.js';

/**
 * Rows of the training kernel matrix K(x_a, x_b) over a set of samples (row-major, p features each),
 * rounded to float32 as libsvm caches them (its Qfloat), and kept in a least-recently-used cache of
 * at most cache_size megabytes. The rounding matters: the solver's gradient updates use these values,
 * so matching them is what keeps its path on libsvm's.
 */
export class KernelRows {
  private readonly squaredNorms: Float64Array | null;
  /** Cached rows by sample, and the samples in least- to most-recently used order. */
  private readonly rows = new Map<number, Float32Array>();
  private readonly capacity: number;

  constructor(
    private readonly kernel: KernelSpec,
    private readonly samples: Float64Array,
    readonly nSamples: number,
    private readonly p: number,
    cacheMegabytes: number,
  ) {
    this.squaredNorms =
      kernel.kind === 'rbf' ? Float64Array.from({ length: nSamples }, (_, a) => rowDot(p, samples, a, samples, a)) : null;
    // libsvm keeps room for at least two rows whatever the budget.
    this.capacity = Math.max(2, Math.floor((cacheMegabytes * 2 ** 20) / (4 * nSamples)));
  }

  /** K(x_a, x_a) in double precision (libsvm's QD). */
  diagonal(a: number): number {
    return this.value(a, a);
  }

  /** Row a of the kernel matrix, as float32. */
  row(a: number): Float32Array {
    const cached = this.rows.get(a);
    if (cached) {
      // Re-insert to mark it most recently used (a Map iterates in insertion order).
      this.rows.delete(a);
      this.rows.set(a, cached);
      return cached;
    }
    if (this.rows.size >= this.capacity) this.rows.delete(this.rows.keys().next().value as number);
    const row = new Float32Array(this.nSamples);
    for (let b = 0; b < this.nSamples; b++) row[b] = this.value(a, b);
    this.rows.set(a, row);
    return row;
  }

  /** libsvm's Kernel::kernel_* (i, j): rbf through the squared norms, ||a||^2 + ||b||^2 - 2 a.b. */
  private value(a: number, b: number): number {
    const dotProduct = rowDot(this.p, this.samples, a, this.samples, b);
    const squaredDistance = this.squaredNorms ? this.squaredNorms[a] + this.squaredNorms[b] - 2 * dotProduct : 0;
    return kernelFromDot(this.kernel, dotProduct, squaredDistance);
  }
}
