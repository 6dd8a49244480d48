/**
 * Dates and times written year first (ISO 8601 and its common relatives): `2012-01-31`,
 * `2012/01/31`, `2012-01-31 13:45`, `2012-01-31T13:45:30.250Z`, `...+02:00`. Day-first and
 * month-first forms are not recognised: `03/04/2012` is ambiguous, so such a column stays categorical.
 * A time without a zone is read as UTC, so the same text always gives the same instant.
 */
const DATETIME =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Epoch milliseconds of a datetime text, or NaN when it is not one (or names no real day, like 2023-02-30). */
export function parseDatetime(text: string): number {
  const match = DATETIME.exec(text);
  if (!match) return NaN;
  const [, y, , mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  return utc - zoneOffsetMinutes(zone) * 60_000;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}
