/**
 * Run as its own process (`node --import tsx predict-in-fresh-process.ts <model.json> <inputs.json>`):
 * loads a downloaded model file with src/ml alone, nothing of the service, and prints the encoded
 * predictions and class probabilities for the input columns in <inputs.json>, as JSON on stdout.
 */
import { readFileSync } from 'node:fs';
import { TabularPreprocessor, decodeState, restoreModel, type InputColumn } from '../../src/ml/index.js';

type PlainColumn = { kind: 'numeric' | 'datetime'; values: (number | null)[] } | { kind: 'categorical'; codes: number[]; categories: string[] };

const [modelPath, inputsPath] = process.argv.slice(2);
const document = JSON.parse(readFileSync(modelPath, 'utf8')) as { preprocessing: unknown; estimator: unknown };
const preprocessor = TabularPreprocessor.fromState(decodeState(document.preprocessing));
const estimator = restoreModel(decodeState(document.estimator));
const inputs = (JSON.parse(readFileSync(inputsPath, 'utf8')) as PlainColumn[]).map(
  (column): InputColumn =>
    column.kind === 'categorical'
      ? { kind: 'categorical', codes: Int32Array.from(column.codes), categories: column.categories }
      : { kind: column.kind, values: Float64Array.from(column.values, (v) => v ?? NaN) },
);
const X = preprocessor.transform(inputs);
if (estimator.task === 'clustering') throw new Error('expected a supervised model');
const proba = estimator.task === 'classification' ? estimator.predictProba(X) : null;
process.stdout.write(JSON.stringify({ predictions: Array.from(estimator.predict(X)), proba: proba ? Array.from(proba.data) : null }));
