import { describe, expect, it } from 'vitest';
import { Random } from './random.js';

describe('Random', () => {
  it('continues the same stream from a state taken mid-way, as another thread does', () => {
    const original = new Random(42);
    for (let i = 0; i < 17; i++) original.next();
    const copy = Random.fromState(Int32Array.from(original.state()));
    const ahead = Array.from({ length: 50 }, () => original.nextUint32());
    expect(Array.from({ length: 50 }, () => copy.nextUint32())).toEqual(ahead);
  });
});
