import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './paths.js';
import { SUITE_SHAPES } from './suite.js';

export interface BenchOptions {
  shapes: string[];
  repeats: number;
  /** Anchor model names to keep; empty keeps every model of a shape. */
  models: string[];
  runAnchorFits: boolean;
  serve: boolean;
  dataDir: string;
}

/** A bad flag: the bench prints the message and the usage, without a stack. */
export class UsageError extends Error {
  constructor(problem: string) {
    super(`${problem}\n${USAGE}`);
  }
}

const USAGE = `npm run bench -- [--shapes medium,large,regression] [--repeats 3] [--models a,b] [--no-anchor]
                    [--no-serve] [--data-dir bench/data]`;

export function parseBenchOptions(argv: string[]): BenchOptions {
  const values = flagValues(argv);
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const shapes = knownShapes(listOf(values.shapes));
  return {
    shapes,
    repeats: positiveInteger('--repeats', values.repeats),
    models: modelsOf(shapes, listOf(values.models)),
    runAnchorFits: values.anchor,
    serve: values.serve,
    dataDir: resolve(values['data-dir']),
  };
}

function flagValues(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowNegative: true,
      options: {
        shapes: { type: 'string', default: 'medium,large,regression' },
        repeats: { type: 'string', default: '3' },
        models: { type: 'string', default: '' },
        anchor: { type: 'boolean', default: true },
        serve: { type: 'boolean', default: true },
        'data-dir': { type: 'string', default: resolve(REPO_ROOT, 'bench', 'data') },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    // parseArgs' own words: "Unknown option '--bogus'".
    throw new UsageError((error as Error).message);
  }
}

function listOf(commaSeparated: string): string[] {
  return commaSeparated
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function knownShapes(shapes: string[]): string[] {
  const unknown = shapes.filter((shape) => !(shape in SUITE_SHAPES));
  if (unknown.length > 0) {
    throw new UsageError(`unknown shape ${unknown.join(', ')}; known: ${Object.keys(SUITE_SHAPES).join(', ')}`);
  }
  return shapes;
}

/** A filter naming no model of the chosen shapes is a typo, not a request for an empty table. */
function modelsOf(shapes: string[], models: string[]): string[] {
  const known = new Set(shapes.flatMap((shape) => SUITE_SHAPES[shape].entries.map((entry) => entry.anchorModel)));
  const unknown = models.filter((model) => !known.has(model));
  if (unknown.length > 0) {
    throw new UsageError(`no model ${unknown.join(', ')} on ${shapes.join(', ')}; known: ${[...known].join(', ')}`);
  }
  return models;
}

function positiveInteger(flag: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${flag} must be an integer >= 1, got '${raw}'`);
  return value;
}
