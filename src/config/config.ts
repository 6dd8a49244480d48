import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

/** Everything the service reads from its environment, parsed and validated once at boot. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  maxUploadMb: number;
  maxRunSeconds: number;
  /** Training threads in this process; 0 means the process trains nothing itself. */
  workers: number;
  tokenTtlHours: number;
  logLevel: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  return {
    port: intFrom(env, 'PORT', 8000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: resolve(env.TRAINYARD_DATA_DIR?.trim() || './data'),
    demo: boolFrom(env, 'TRAINYARD_DEMO', true),
    maxUploadMb: numberFrom(env, 'TRAINYARD_MAX_UPLOAD_MB', 100, 0.001),
    maxRunSeconds: numberFrom(env, 'TRAINYARD_MAX_RUN_SECONDS', 3600, 0.001),
    // One thread per core, but at least one: training is CPU-bound.
    workers: intFrom(env, 'TRAINYARD_WORKERS', Math.max(1, availableParallelism()), 0, 256),
    tokenTtlHours: numberFrom(env, 'TRAINYARD_TOKEN_TTL_HOURS', 24 * 30, 0.001),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
  };
}

function numberFrom(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) {
    throw new ConfigError(`${name} must be a number >= ${min}, got '${raw}'`);
  }
  return value;
}

function intFrom(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got '${raw}'`);
  }
  return value;
}

function boolFrom(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be 0 or 1, got '${env[name]}'`);
}
