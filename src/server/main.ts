import { exitOnConfigError, loadConfig } from '../config/config.js';
import { createTrainyard, type Trainyard } from './bootstrap.js';
import { createDemoUser } from './demo.js';

/** `npm start` (or `trainyard serve`): the service as configured; SIGINT/SIGTERM close it gracefully. */
async function main(): Promise<void> {
  const config = loadConfig();
  const trainyard = await createTrainyard(config);
  const address = await trainyard.app.listen({ port: config.port, host: config.host });
  trainyard.app.log.info({
    event: 'server_started',
    address,
    database: config.databaseUrl ? 'postgres' : 'sqlite',
    queue: config.redisUrl ? 'bullmq' : 'threads',
    workers: config.workers,
    data_dir: config.dataDir,
    artifact_dir: config.artifactDir,
  });
  // Handlers first: someone reading the banner may stop the server at once.
  handleSignals(trainyard);
  if (config.demo) await createDemoUser(trainyard, address);
}

function handleSignals(trainyard: Trainyard): void {
  let closing = false;
  const close = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    trainyard.app.log.info({ event: 'server_stopping', signal });
    await trainyard.close();
    trainyard.app.log.info({ event: 'server_stopped', signal });
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
}

main().catch((err) => {
  exitOnConfigError(err);
  console.error(err);
  process.exit(1);
});
