import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { ArtifactStore, RunArtifactDeletion, RunArtifacts } from './artifact-store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Artifacts on local disk: `<dataDir>/artifacts/<run>.json`, `<run>_config.json`, `<run>_metadata.json`
 * and `<dataDir>/datasets/<dataset>.table` (parsed columns, see datasets/columnar-file.ts). Only UUIDs
 * ever become file names, checked here.
 */
export class LocalArtifactStore implements ArtifactStore {
  private readonly artifactDir: string;
  private readonly datasetDir: string;

  constructor(private readonly dataDir: string) {
    this.artifactDir = join(dataDir, 'artifacts');
    this.datasetDir = join(dataDir, 'datasets');
  }

  async saveRun(runId: string, artifacts: RunArtifacts): Promise<string> {
    const files = this.runFiles(runId);
    await mkdir(this.artifactDir, { recursive: true });
    await writeAtomically(files.model, artifacts.model);
    await writeAtomically(files.config, JSON.stringify(artifacts.config, null, 2));
    await writeAtomically(files.metadata, JSON.stringify(artifacts.metadata, null, 2));
    return join('artifacts', `${safeStem(runId)}.json`);
  }

  async readModel(runId: string): Promise<string | undefined> {
    try {
      return await readFile(this.runFiles(runId).model, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async openModel(runId: string): Promise<Readable | undefined> {
    try {
      // Opened first, so a missing file is an answer here rather than an error mid-stream.
      const handle = await open(this.runFiles(runId).model, 'r');
      return handle.createReadStream();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async deleteRun(runId: string): Promise<RunArtifactDeletion> {
    const result: RunArtifactDeletion = { deleted: [], missing: [], failed: [] };
    for (const file of Object.values(this.runFiles(runId))) {
      try {
        await unlink(file);
        result.deleted.push(file);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') result.missing.push(file);
        else result.failed.push({ file, error: (err as Error).message });
      }
    }
    return result;
  }

  async saveDataset(datasetId: string, content: Buffer | readonly Buffer[]): Promise<void> {
    await mkdir(this.datasetDir, { recursive: true });
    await writeAtomically(this.datasetPath(datasetId), content);
  }

  datasetPath(datasetId: string): string {
    return join(this.datasetDir, `${safeStem(datasetId)}.table`);
  }

  async datasetUploadPath(datasetId: string): Promise<string> {
    await mkdir(this.datasetDir, { recursive: true });
    return join(this.datasetDir, `${safeStem(datasetId)}.upload`);
  }

  async deleteDataset(datasetId: string): Promise<boolean> {
    try {
      await unlink(this.datasetPath(datasetId));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  private runFiles(runId: string): { model: string; config: string; metadata: string } {
    const stem = safeStem(runId);
    return {
      model: join(this.artifactDir, `${stem}.json`),
      config: join(this.artifactDir, `${stem}_config.json`),
      metadata: join(this.artifactDir, `${stem}_metadata.json`),
    };
  }
}

function safeStem(id: string): string {
  if (!UUID.test(id)) throw new Error(`refusing a file name from a non-UUID id: ${JSON.stringify(id)}`);
  return id.toLowerCase();
}

/** Write then rename, so a reader never sees half a file and a crash leaves no partial file under the final name. */
async function writeAtomically(file: string, content: string | Buffer | readonly Buffer[]): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, content);
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
