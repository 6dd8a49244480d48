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
  /** Runs one user may have pending or running at once: one user cannot fill every worker for everyone. */
  maxActiveRunsPerUser: number;
  /** Training threads in this process; 0 means the process trains nothing itself. */
  workers: number;
  tokenTtlHours: number;
  logLevel: string;
  /** PostgreSQL instead of the SQLite file in the data dir, when set. */
  databaseUrl: string | null;
  /** BullMQ on Redis instead of this process's threads, when set: worker processes can then train. */
  redisUrl: string | null;
  /** Uploaded data sets and model files; every API and worker process must reach the same one. */
  artifactDir: string;
  /** Namespace of the BullMQ queues and keys, so deployments (or test runs) can share one Redis. */
  queuePrefix: string;
  /** A worker silent this long is taken for lost; its run is retried or failed. */
  stalledSeconds: number;
  /** How often a run whose worker was lost is trained again before it fails. */
  stalledRetries: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * How every entry point ends on a ConfigError: one line saying what is wrong, exit code 2. A stack
 * would only bury the setting to fix. Anything else is left to the caller.
 */
export function exitOnConfigError(err: unknown): void {
  if (!(err instanceof ConfigError)) return;
  console.error(`trainyard: ${err.message}`);
  process.exit(2);
}

type Env = Record<string, string | undefined>;

const QUEUE_PREFIX = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export function loadConfig(env: Env = process.env): Config {
  const dataDir = resolve(env.TRAINYARD_DATA_DIR?.trim() || './data');
  const redisUrl = urlFrom(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const config: Config = {
    port: intFrom(env, 'PORT', 8000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir,
    demo: boolFrom(env, 'TRAINYARD_DEMO', true),
    maxUploadMb: numberFrom(env, 'TRAINYARD_MAX_UPLOAD_MB', 100, 0.001),
    maxRunSeconds: numberFrom(env, 'TRAINYARD_MAX_RUN_SECONDS', 3600, 0.001),
    maxActiveRunsPerUser: intFrom(env, 'TRAINYARD_MAX_ACTIVE_RUNS_PER_USER', 8, 1, 100_000),
    // One thread per core, but at least one: training is CPU-bound.
    workers: intFrom(env, 'TRAINYARD_WORKERS', Math.max(1, availableParallelism()), 0, 256),
    tokenTtlHours: numberFrom(env, 'TRAINYARD_TOKEN_TTL_HOURS', 24 * 30, 0.001),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    databaseUrl: urlFrom(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl,
    artifactDir: resolve(env.TRAINYARD_ARTIFACT_DIR?.trim() || dataDir),
    queuePrefix: env.TRAINYARD_QUEUE_PREFIX?.trim() || 'trainyard',
    stalledSeconds: numberFrom(env, 'TRAINYARD_STALLED_SECONDS', 30, 0.5),
    stalledRetries: intFrom(env, 'TRAINYARD_STALLED_RETRIES', 1, 0, 100),
  };
  if (!QUEUE_PREFIX.test(config.queuePrefix)) {
    throw new ConfigError(`TRAINYARD_QUEUE_PREFIX must be letters, digits, '_', '.' or '-' (at most 64), got '${config.queuePrefix}'`);
  }
  if (config.workers === 0 && !redisUrl) {
    throw new ConfigError('TRAINYARD_WORKERS=0 needs REDIS_URL: without a queue that worker processes share, nothing would train');
  }
  return config;
}

/** A URL with one of the allowed schemes; null when unset. Credentials never appear in the message. */
function urlFrom(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  let protocol: string;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    throw new ConfigError(`${name} is not a URL`);
  }
  if (!protocols.includes(protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got '${protocol}//'`);
  }
  return raw;
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
