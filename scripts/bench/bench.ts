/**
 * `npm run bench`: our engine's fit times and scores next to scikit-learn's and XGBoost's on the
 * same data and split (the anchor harness, when it is there), then the API's latency while a big
 * forest trains. Prints both tables and writes bench/results/<date>.json. Never part of npm test.
 *
 *   npm run bench -- [--shapes medium,large,regression] [--repeats 3] [--models a,b] [--no-anchor]
 *                    [--no-serve] [--data-dir bench/data]
 */
import { findAnchorTools, type AnchorAvailability } from './anchor-tools.js';
import { engineReport } from './engine-table.js';
import { runEngineSection } from './engine-section.js';
import { machineFacts } from './machine.js';
import { UsageError, parseBenchOptions } from './options.js';
import { writeResults } from './results-file.js';
import { serveReport } from './serve/serve-report.js';
import { runServeSection, type ServeResult } from './serve/serve-section.js';

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const anchors = await findAnchorTools();
  if (!anchors.available) console.log(`anchors absent: ${anchors.reason}`);
  else if (!options.runAnchorFits) console.log('anchors not run (--no-anchor)');
  const machine = machineFacts(anchors);
  const engine = await runEngineSection({
    shapes: options.shapes,
    models: options.models,
    repeats: options.repeats,
    dataDir: options.dataDir,
    cores: machine.cpus,
    anchors,
    runAnchorFits: options.runAnchorFits,
  });
  const serve = options.serve ? await serveOrError(options.dataDir, anchors) : null;

  console.log(`\n${engineReport(engine)}`);
  if (serve && 'error' in serve) console.log(`\nserve section failed: ${serve.error}`);
  else if (serve) console.log(`\n${serveReport(serve)}`);
  const path = writeResults({ date: new Date().toISOString(), machine, anchors: anchorsNote(anchors, options.runAnchorFits), options, engine, serve });
  console.log(`\n${machine.cpus} cpus (${machine.cpuModel}), Node ${machine.node}; results in ${path}`);
}

/** A failed serve section is reported, not thrown: the engine numbers are still worth writing. */
async function serveOrError(dataDir: string, anchors: AnchorAvailability): Promise<ServeResult | { error: string }> {
  try {
    return await runServeSection(dataDir, anchors);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function anchorsNote(anchors: AnchorAvailability, runAnchorFits: boolean): Record<string, unknown> {
  if (!anchors.available) return { run: false, absent: anchors.reason };
  return { run: runAnchorFits, dir: anchors.tools.dir };
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
