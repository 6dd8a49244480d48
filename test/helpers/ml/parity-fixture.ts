import { readFileSync } from 'node:fs';

const cache = new Map<string, unknown>();

/** A committed parity fixture of test/fixtures/parity (made by scripts/fixtures/*.py), read once per test file. */
export function readParityFixture<T>(file: string): T {
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(new URL(`../../fixtures/parity/${file}`, import.meta.url), 'utf8')));
  return cache.get(file) as T;
}
