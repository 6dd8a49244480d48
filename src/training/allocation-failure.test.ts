import { describe, expect, it } from 'vitest';
import { explainAllocationFailure, MODEL_TOO_LARGE } from './allocation-failure.js';

const thrownBy = (work: () => unknown): unknown => {
  try {
    work();
  } catch (err) {
    return err;
  }
  throw new Error('did not throw');
};

describe('explainAllocationFailure', () => {
  it('says plainly that the model did not fit in memory when V8 refuses an allocation', () => {
    const refusals = [() => new Array(1e11), () => new Float64Array(1e11), () => new Int32Array(-1), () => 'x'.repeat(2 ** 30)];
    for (const refusal of refusals) {
      const explained = explainAllocationFailure(thrownBy(refusal)) as Error;
      expect(explained.message).toBe(MODEL_TOO_LARGE);
      expect(explained.cause).toBeInstanceOf(RangeError);
    }
  });

  it('says the same of a training thread stopped at its heap limit', () => {
    const outOfHeap = Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), {
      code: 'ERR_WORKER_OUT_OF_MEMORY',
    });
    expect((explainAllocationFailure(outOfHeap) as Error).message).toBe(MODEL_TOO_LARGE);
  });

  it('keeps every other error as it was thrown', () => {
    const recursion = new RangeError('Maximum call stack size exceeded');
    const other = new Error('Invalid array length'); // not a RangeError: not V8's allocation failure
    expect(explainAllocationFailure(recursion)).toBe(recursion);
    expect(explainAllocationFailure(other)).toBe(other);
  });
});
