/** Deep copy in which NaN and +-Infinity become null: JSON has no such numbers, and neither do our answers. */
export function toFiniteJson<T>(value: T): T {
  if (typeof value === 'number') return (Number.isFinite(value) ? value : null) as T;
  if (Array.isArray(value)) return value.map(toFiniteJson) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toFiniteJson(v)])) as T;
  }
  return value;
}
