import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REDIS_URL, UNCAPPED, databaseUrlFor, dropIsolated, isolationId, queuePrefixFor } from './services.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** One pino line a service process wrote. */
export interface LogLine {
  event?: string;
  model_run_id?: string;
  [field: string]: unknown;
}

/** A Trainyard process (API or worker) started as a real child process, its JSON log kept line by line. */
export class ServiceProcess {
  readonly lines: LogLine[] = [];
  readonly exited: Promise<number | null>;
  private stderr = '';
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    createInterface({ input: child.stdout! }).on('line', (text) => {
      try {
        this.lines.push(JSON.parse(text) as LogLine);
      } catch {
        this.lines.push({ event: 'text', text });
      }
      for (const listener of this.listeners) listener();
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code) => {
      for (const listener of this.listeners) listener();
      resolve(code);
    }));
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  events(event: string, runId?: string): LogLine[] {
    return this.lines.filter((l) => l.event === event && (runId === undefined || l.model_run_id === runId));
  }

  /** The first log line (past or future) matching, or an error naming what the process said. */
  waitFor(match: (line: LogLine) => boolean, timeoutMs = 30_000): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const found = this.lines.find(match);
        if (found) finish(() => resolve(found));
        else if (!this.alive) finish(() => reject(new Error(`${this.name} exited before the awaited log line.\n${this.tail()}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`${this.name}: awaited log line not seen in ${timeoutMs} ms.\n${this.tail()}`))), timeoutMs);
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
        settle();
      };
      this.listeners.add(check);
      check();
    });
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** The end of what the process wrote, for a failing test's message. */
  tail(): string {
    const last = this.lines.slice(-15).map((l) => JSON.stringify(l)).join('\n');
    return `--- ${this.name} stdout (last lines) ---\n${last}\n--- stderr ---\n${this.stderr.slice(-3000)}`;
  }
}

export interface ClusterOptions {
  /** Run the built dist/ (what `npm run load` measures) instead of the sources through tsx. */
  fromDist?: boolean;
  /** Environment for every process of the cluster. */
  env?: Record<string, string>;
}

/**
 * API and worker processes sharing one PostgreSQL schema, one BullMQ prefix and one artifact dir
 * of their own, as a deployment over several machines would share them.
 */
export class Cluster {
  readonly processes: ServiceProcess[] = [];
  private workerCount = 0;
  private apiCount = 0;

  private constructor(
    readonly dir: string,
    readonly baseUrl: string,
    private readonly port: number,
    private readonly env: Record<string, string>,
    private readonly fromDist: boolean,
  ) {}

  static async create(options: ClusterOptions = {}): Promise<Cluster> {
    const dir = mkdtempSync(join(tmpdir(), 'trainyard-cluster-'));
    const id = isolationId(dir);
    const port = await freePort();
    const env = {
      DATABASE_URL: databaseUrlFor(id),
      REDIS_URL,
      TRAINYARD_QUEUE_PREFIX: queuePrefixFor(id),
      TRAINYARD_DATA_DIR: dir,
      TRAINYARD_ARTIFACT_DIR: join(dir, 'shared'),
      TRAINYARD_DEMO: '0',
      ...UNCAPPED,
      LOG_LEVEL: 'info',
      ...options.env,
    };
    return new Cluster(dir, `http://127.0.0.1:${port}`, port, env, options.fromDist ?? false);
  }

  get artifactDir(): string {
    return this.env.TRAINYARD_ARTIFACT_DIR;
  }

  /** An API process that only queues (TRAINYARD_WORKERS=0), listening on the cluster's port. */
  async startApi(env: Record<string, string> = {}): Promise<ServiceProcess> {
    const api = this.spawn(`api-${++this.apiCount}`, this.entry('server/main'), [], { PORT: String(this.port), TRAINYARD_WORKERS: '0', ...env });
    await api.waitFor((l) => l.event === 'server_started', 60_000);
    return api;
  }

  async startWorker(concurrency = 1, env: Record<string, string> = {}): Promise<ServiceProcess> {
    const worker = this.spawn(`worker-${++this.workerCount}`, this.entry('cli'), ['worker', '--concurrency', String(concurrency)], env);
    await worker.waitFor((l) => l.event === 'worker_started', 60_000);
    return worker;
  }

  /** The process that most recently started training the run, if any did. */
  trainerOf(runId: string): ServiceProcess | undefined {
    let latest: { service: ServiceProcess; time: number } | undefined;
    for (const service of this.processes) {
      for (const line of service.events('training_started', runId)) {
        if (!latest || (line.time as number) >= latest.time) latest = { service, time: line.time as number };
      }
    }
    return latest?.service;
  }

  /** Every process's log lines of one event for one run. */
  eventsFor(event: string, runId: string): LogLine[] {
    return this.processes.flatMap((p) => p.events(event, runId));
  }

  /** Waits for a process to log the event for the run: logs cross a pipe, so they may trail an HTTP answer. */
  async waitForEvent(event: string, runId: string, timeoutMs = 10_000): Promise<LogLine[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.eventsFor(event, runId).length === 0) {
      if (Date.now() > deadline) throw new Error(`no process logged ${event} for ${runId} in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return this.eventsFor(event, runId);
  }

  /** SIGTERM to whatever still runs, then removes the schema, the Redis keys and the files. */
  async stop(): Promise<void> {
    const running = this.processes.filter((p) => p.alive);
    for (const p of running) p.kill('SIGTERM');
    await Promise.all(running.map((p) => p.exited));
    await dropIsolated(isolationId(this.dir), ['PostgreSQL', 'Redis']);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private entry(module: string): string[] {
    return this.fromDist ? [join(ROOT, 'dist', `${module}.js`)] : ['--import', 'tsx', join(ROOT, 'src', `${module}.ts`)];
  }

  private spawn(name: string, entry: string[], args: string[], env: Record<string, string>): ServiceProcess {
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new ServiceProcess(name, child);
    this.processes.push(service);
    return service;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
