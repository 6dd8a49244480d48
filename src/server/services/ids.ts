import { apiErrors } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks an id from a URL or body before it reaches a query or a file name. */
export function requireUuid(field: string, value: string): string {
  if (!UUID.test(value)) throw apiErrors.invalidId(field, value);
  return value.toLowerCase();
}

export function nowIso(): string {
  return new Date().toISOString();
}
