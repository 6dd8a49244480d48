import type { KernelRows } from './kernel-rows.js';

/**
 * The Hessian of libsvm's dual problems, Q(v, w) = sign_v sign_w K(sample_v, sample_w), over solver
 * variables: one per training row for classification (sign = the row's +1/-1 label), two per row
 * for epsilon-SVR (alpha+ with sign +1 and alpha- with sign -1, both on the same row).
 */
export class SignedKernelQ {
  readonly size: number;
  /** Q(v, v), double precision as libsvm's QD. */
  readonly diagonal: Float64Array;

  constructor(
    private readonly rows: KernelRows,
    private readonly sampleOf: Int32Array,
    readonly sign: Int8Array,
  ) {
    this.size = sampleOf.length;
    this.diagonal = Float64Array.from(sampleOf, (sample) => rows.diagonal(sample));
  }

  /** out[t] = Q(v, variables[t]) for t < length, in float32 (the sign products are exact). */
  column(v: number, variables: Int32Array, length: number, out: Float32Array): void {
    const row = this.rows.row(this.sampleOf[v]);
    const { sign, sampleOf } = this;
    const signV = sign[v];
    for (let t = 0; t < length; t++) {
      const w = variables[t];
      out[t] = signV * sign[w] * row[sampleOf[w]];
    }
  }
}
