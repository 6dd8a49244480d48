/** Interval sizes a reader counts in, per power of ten. */
const STEPS = [1, 2, 2.5, 5, 10];

/**
 * Axis ticks at round steps (1, 2, 2.5 or 5 × 10^k) from at or below `min` to at or above `max`,
 * about `intervals` of them: 0–0.4567 gets 0, 0.2, 0.4, 0.6 rather than recharts' 0, 0.15, 0.3, 0.4567.
 */
export function niceTicks(min: number, max: number, intervals = 4): number[] {
  if (!(max > min)) return [min, min + 1];
  const raw = (max - min) / intervals;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = STEPS.map((multiple) => multiple * magnitude).find((candidate) => candidate >= raw * (1 - 1e-9))!;
  const first = Math.floor(min / step + 1e-9) * step;
  const last = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  // toPrecision drops the float noise of repeated addition (0.30000000000000004).
  for (let index = 0; first + index * step <= last + step / 2; index++) ticks.push(Number((first + index * step).toPrecision(12)));
  return ticks;
}
