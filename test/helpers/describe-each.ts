import { describe } from 'vitest';
import { skipReason, type Service } from './services.js';

/** One describe per case (a stack, a dialect); a case whose services are absent is skipped under a name that says so. */
export function describeEach<Case extends { name: string; needs: Service[] }>(cases: Case[], title: string, body: (c: Case) => void): void {
  for (const c of cases) {
    const skipped = skipReason(c.needs);
    describe.skipIf(skipped !== null)(`${title} [${c.name}]${skipped ? ` ${skipped}` : ''}`, () => body(c));
  }
}
