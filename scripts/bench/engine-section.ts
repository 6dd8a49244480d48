import type { AnchorAvailability } from './anchor-tools.js';
import { anchorFigures, ourFigures, type DataShape, type FitFigures } from './fit-figures.js';
import { SCORE_NAME } from './fit-protocol.js';
import { median } from './median.js';
import { ourModelFor, type OurModel } from './our-model.js';
import { runAnchorFit } from './run-anchor.js';
import { runOurFit } from './run-ours.js';
import { ensureShapeData, type ShapeData } from './shape-data.js';
import { SUITE_SHAPES, entryLabel, type AnchorParams, type SuiteEntry } from './suite.js';

export interface EngineSettings {
  shapes: string[];
  /** Anchor model names to keep; empty keeps them all. */
  models: string[];
  repeats: number;
  dataDir: string;
  cores: number;
  /** The harness makes the data and splits even when its fits are not run (--no-anchor). */
  anchors: AnchorAvailability;
  runAnchorFits: boolean;
}

/** One side's repeats of one model. */
export interface SideResult {
  fitSeconds: number[];
  medianFitSeconds: number;
  /** The first repeat's: every fit is seeded, so repeats differ in time only. */
  score: number | null;
  /** The largest over the repeats. */
  peakRssMb: number;
  data: DataShape;
}

export type Measured = SideResult | { error: string };

export interface EngineResult {
  shape: string;
  /** The suite entry's label: the anchor model, plus what tells two entries of it apart. */
  model: string;
  ourModelType: string;
  ourParams: Record<string, unknown>;
  /** As given to anchor.py --params, which adds random_state, n_jobs and its own defaults. */
  anchorParams: AnchorParams;
  /** Anchor parameters our model does not declare, so not part of our fit. */
  droppedParams: string[];
  scoreName: string;
  ours: Measured;
  /** null when the anchor fits were not run. */
  anchor: Measured | null;
  /** ours / anchor, median fit seconds. */
  ratio: number | null;
}

/** Every selected (shape, model) pair, the anchor's fits and ours, `repeats` times each. */
export async function runEngineSection(settings: EngineSettings): Promise<EngineResult[]> {
  const results: EngineResult[] = [];
  for (const shape of settings.shapes) {
    let data: ShapeData;
    try {
      data = await ensureShapeData(settings.dataDir, shape, settings.anchors);
    } catch (error) {
      console.log(`shape ${shape} skipped: ${(error as Error).message}`);
      continue;
    }
    for (const entry of selectedEntries(shape, settings.models)) {
      const result = await benchEntry(shape, entry, data, settings);
      console.log(progressLine(result));
      results.push(result);
    }
  }
  return results;
}

function selectedEntries(shape: string, models: string[]): readonly SuiteEntry[] {
  const { entries } = SUITE_SHAPES[shape];
  return models.length === 0 ? entries : entries.filter((entry) => models.includes(entry.anchorModel));
}

async function benchEntry(shape: string, entry: SuiteEntry, data: ShapeData, settings: EngineSettings): Promise<EngineResult> {
  const ourModel = requireOurModel(entry, settings.cores);
  const scoreName = SCORE_NAME[ourModel.task];
  const { anchors } = settings;
  const anchor =
    settings.runAnchorFits && anchors.available
      ? await measure(settings.repeats, async () => anchorFigures(await runAnchorFit(anchors.tools, data, entry), scoreName))
      : null;
  const request = { csv: data.csv, splitFile: data.splitFile, modelType: ourModel.modelType, params: ourModel.params };
  const ours = await measure(settings.repeats, async () => ourFigures(await runOurFit(request)));
  return {
    shape,
    model: entryLabel(entry),
    ourModelType: ourModel.modelType,
    ourParams: ourModel.params,
    anchorParams: entry.params,
    droppedParams: ourModel.dropped,
    scoreName,
    ours,
    anchor,
    ratio: succeeded(ours) && anchor && succeeded(anchor) ? ours.medianFitSeconds / anchor.medianFitSeconds : null,
  };
}

/** Every suite model is in our catalogue; one that is not is a bug in this bench, not a result. */
function requireOurModel(entry: SuiteEntry, cores: number): OurModel {
  const ourModel = ourModelFor(entry, cores);
  if (!ourModel) throw new Error(`${entry.anchorModel} has no model in our catalogue`);
  return ourModel;
}

/** Runs the fits one after the other (never two at once: they would share the cores); the first failure ends them. */
async function measure(repeats: number, fit: () => Promise<FitFigures>): Promise<Measured> {
  const fits: FitFigures[] = [];
  try {
    for (let repeat = 0; repeat < repeats; repeat++) fits.push(await fit());
  } catch (error) {
    return { error: (error as Error).message };
  }
  const fitSeconds = fits.map((f) => f.fitSeconds);
  return {
    fitSeconds,
    medianFitSeconds: median(fitSeconds),
    score: fits[0].score,
    peakRssMb: Math.max(...fits.map((f) => f.peakRssMb)),
    data: fits[0].data,
  };
}

export function succeeded(measured: Measured): measured is SideResult {
  return !('error' in measured);
}

function progressLine(result: EngineResult): string {
  const describe = (side: Measured | null): string =>
    side === null ? 'not run' : succeeded(side) ? `${side.medianFitSeconds.toFixed(3)} s` : `failed (${side.error.split('\n').pop()})`;
  return `${result.shape} ${result.model}: ours ${describe(result.ours)}, anchor ${describe(result.anchor)}`;
}
