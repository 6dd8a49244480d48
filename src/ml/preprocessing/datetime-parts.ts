/** Numeric parts a datetime column is turned into, named like pandas' `.dt` accessors. */
export type DatetimePart = 'year' | 'month' | 'day' | 'dayofweek' | 'dayofyear' | 'hour';

const DAY_MS = 86_400_000;

/**
 * The parts worth giving a model: the calendar parts always, the hour only when some fitted value
 * has a time of day (a date-only column would give a constant 0).
 */
export function datetimePartsFor(values: Float64Array): DatetimePart[] {
  const parts: DatetimePart[] = ['year', 'month', 'day', 'dayofweek', 'dayofyear'];
  for (const v of values) {
    if (!Number.isNaN(v) && ((v % DAY_MS) + DAY_MS) % DAY_MS !== 0) return [...parts, 'hour'];
  }
  return parts;
}

/** One part of an epoch-millisecond instant (UTC); NaN stays NaN. Day of week counts Monday as 0, like pandas. */
export function datetimePart(part: DatetimePart, epochMs: number): number {
  if (Number.isNaN(epochMs)) return NaN;
  const date = new Date(epochMs);
  switch (part) {
    case 'year':
      return date.getUTCFullYear();
    case 'month':
      return date.getUTCMonth() + 1;
    case 'day':
      return date.getUTCDate();
    case 'dayofweek':
      return (date.getUTCDay() + 6) % 7;
    case 'dayofyear':
      return Math.floor((epochMs - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
    case 'hour':
      return date.getUTCHours();
  }
}
