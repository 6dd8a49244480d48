/** Display formats: numbers to 4 significant digits, durations, sizes and dates a person reads at a glance. */

const SIGNIFICANT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const MISSING = '—';

/** 0.966666 -> "0.9667", 150.5 -> "150.5", 1234567 -> "1,235,000", 0.0000123 -> "1.23e-5". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING;
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const magnitude = Math.abs(value);
  // Below 0.001 four significant digits need many leading zeros; scientific notation stays readable.
  if (magnitude !== 0 && magnitude < 1e-3) return value.toExponential(3).replace(/\.?0+e/, 'e');
  return SIGNIFICANT.format(value);
}

/** A column statistic: a number, or an ISO date-time for a datetime column's min and max. */
export function formatStat(value: number | string | null | undefined): string {
  return typeof value === 'string' ? formatDateTime(value) : formatNumber(value);
}

export function formatInteger(value: number): string {
  return WHOLE.format(value);
}

const PERCENT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
/** The smallest share PERCENT shows without rounding it to 0% or 100%. */
const PERCENT_STEP = 0.01;

/** A share of 100, to at most two decimals: 0.5814 -> "0.58%", 50 -> "50%"; a tiny share is "<0.01%", never "0%". */
export function formatPercent(percent: number): string {
  if (percent > 0 && percent < PERCENT_STEP) return `<${PERCENT_STEP}%`;
  if (percent < 100 && percent > 100 - PERCENT_STEP) return `>${100 - PERCENT_STEP}%`;
  return `${PERCENT.format(percent)}%`;
}

const THREE_DIGITS = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** 0.000899 -> "0.899 ms", 0.1437 -> "144 ms", 12.34 -> "12.3 s", 75 -> "1 min 15 s", 3900 -> "1 h 5 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return MISSING;
  if (seconds < 1) return `${THREE_DIGITS.format(seconds * 1000)} ms`;
  if (seconds < 60) return `${THREE_DIGITS.format(seconds)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  return `${Math.floor(whole / 3600)} h ${Math.floor((whole % 3600) / 60)} min`;
}

/** Seconds between two ISO timestamps; the end defaults to now for runs still going. */
export function secondsBetween(startIso: string, endIso: string | null, now = Date.now()): number {
  const end = endIso === null ? now : Date.parse(endIso);
  return Math.max(0, (end - Date.parse(startIso)) / 1000);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${formatNumber(Number(value.toPrecision(3)))} ${units[unit]}`;
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** "3 Dec 2026, 18:52" in the reader's time zone. */
export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? MISSING : DATE_TIME.format(time);
}

/** A hyperparameter value exactly as set (no rounding: a seed or a tolerance must read as given). */
export function formatSetting(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Words a model type spells in lower case that people write otherwise (names, acronyms). */
const WORDS: Record<string, string> = {
  knn: 'k-NN',
  kmeans: 'k-means',
  sgd: 'SGD',
  svc: 'SVC',
  svr: 'SVR',
  mlp: 'MLP',
  dbscan: 'DBSCAN',
  hdbscan: 'HDBSCAN',
  optics: 'OPTICS',
  birch: 'BIRCH',
  adaboost: 'AdaBoost',
  xgboost: 'XGBoost',
  lightgbm: 'LightGBM',
  catboost: 'CatBoost',
  gaussian: 'Gaussian',
  bayes: 'Bayes',
};

/** "random_forest_classifier" -> "Random forest classifier", "knn_classifier" -> "k-NN classifier", "ada_boost_regressor" -> "AdaBoost regressor". */
export function modelLabel(modelType: string): string {
  const words = modelType.replace(/^ada_boost/, 'adaboost').split('_');
  return words
    .map((word, index) => WORDS[word] ?? (index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(' ');
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}
