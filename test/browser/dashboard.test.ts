import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDuration, formatNumber, secondsBetween } from '../../web/src/lib/format.js';
import { DURATION, TRAINING_TIME } from '../../web/src/lib/run-timings.js';
import { SLOW_FOREST, slowClassificationCsv } from '../helpers/synthetic.js';
import { SAMPLE_DATA, startTrainyard, type TestTrainyard } from '../helpers/trainyard.js';
import { CHROMIUM_PATH, chromiumAvailable, launchChromium, type Browser } from './chromium.js';
import { HttpUser } from './http-user.js';

const WEB_DIST = join(import.meta.dirname, '..', '..', 'web', 'dist', 'index.html');
const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-output', 'screenshots');
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** How long a check may wait for the page to catch up: generous, as CI shares its cores with other tests. */
const PATIENCE = { timeout: 30_000 };
/** Chromium logs every non-2xx fetch as a console error; the error screens cause those on purpose. */
const EXPECTED_CONSOLE = /^Failed to load resource: the server responded with a status of (400|401|403|404)/;

if (!chromiumAvailable()) {
  console.warn(`\n*** Browser test SKIPPED: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium) ***\n`);
}

describe.runIf(chromiumAvailable())('dashboard in Chromium', () => {
  let trainyard: TestTrainyard;
  let browser: Browser;
  let page: Page;
  let base: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(WEB_DIST)) throw new Error(`${WEB_DIST} is missing: run \`npm run build:web\` first (npm test does)`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    trainyard = await startTrainyard();
    base = await trainyard.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    page = await openPage();
  });

  const openPage = async () => {
    const opened = await browser.context.newPage();
    opened.setDefaultTimeout(PATIENCE.timeout);
    opened.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    opened.on('console', (message) => {
      if (message.type() === 'error' && !EXPECTED_CONSOLE.test(message.text())) consoleErrors.push(message.text());
    });
    return opened;
  };

  afterAll(async () => {
    await browser?.close();
    await trainyard?.dispose();
  });

  const shot = async (name: string) => {
    // From the top, so the sticky header sits where a reader sees it in the full-page image.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  };
  const idFrom = (pattern: string) => new RegExp(pattern).exec(page.url())![1];
  const signedIn = async () => new HttpUser(base, (await page.evaluate(() => localStorage.getItem('trainyard.session')))!);

  it('registers, uploads iris, trains a forest, compares two runs and deletes one', { timeout: 180_000 }, async () => {
    await page.goto(base);
    await page.waitForURL(`${base}/sign-in`);
    await page.getByRole('tab', { name: 'Create account' }).click();
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill('a-long-password');
    await shot('01-sign-in');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${base}/experiments`);
    await page.getByText('No experiments yet').waitFor();
    await shot('02-experiments-empty');

    // Datasets: upload through the file chooser of the drop zone, land on the profile.
    await page.getByRole('link', { name: 'Datasets', exact: true }).click();
    await page.getByText('No datasets yet').waitFor();
    await page.locator('input[type=file]').setInputFiles(join(SAMPLE_DATA, 'iris.csv'));
    await page.waitForURL(new RegExp(`/datasets/${UUID}$`));
    const profileRows = page.getByRole('table', { name: 'Column profile' }).locator('tbody tr');
    await expect.poll(() => profileRows.count(), PATIENCE).toBe(5);
    expect(await profileRows.nth(0).locator('td').allInnerTexts()).toEqual(['sepal_length', 'numeric', '0', '35', '4.3', '5.843', '0.8281', '7.9']);
    expect(await profileRows.nth(4).locator('td').allInnerTexts()).toEqual(['species', 'categorical', '0', '3', expect.any(String)]);
    expect(await profileRows.nth(4).locator('.value-chips .chip').allTextContents()).toEqual(['setosa 50', 'versicolor 50', 'virginica 50']);
    await shot('03-dataset-profile');

    // An experiment, and a random forest with the catalogue's defaults.
    await page.getByRole('link', { name: 'Experiments', exact: true }).click();
    await page.getByLabel('Name').fill('Iris species');
    await page.getByLabel('Description').fill('Which model separates the three iris species best?');
    await page.getByRole('button', { name: 'Create experiment' }).click();
    await page.waitForURL(new RegExp(`/experiments/(${UUID})$`));
    const experimentId = idFrom(`/experiments/(${UUID})$`);
    await page.getByText('No runs yet').waitFor();
    await page.getByRole('link', { name: 'New run' }).click();
    await page.locator('select[name=model_type]').selectOption('random_forest_classifier');
    expect(await page.locator('select[name=target]').inputValue()).toBe('species');
    expect(await page.locator('input[name=n_estimators]').inputValue()).toBe('100');
    await shot('04-new-run');
    await page.getByRole('button', { name: 'Start training' }).click();
    await page.waitForURL(new RegExp(`/runs/(${UUID})$`));
    const forestId = idFrom(`/runs/(${UUID})$`);

    // The finished run: four importance bars, petal features on top, cards equal to the API's metrics.
    const bars = page.locator('.importance .recharts-bar-rectangle');
    await expect.poll(() => bars.count(), PATIENCE).toBe(4);
    const ranked = await page.getByRole('table', { name: 'Ranked features' }).locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(ranked.slice(0, 2).sort()).toEqual(['petal_length', 'petal_width']);
    expect(ranked.slice(2).sort()).toEqual(['sepal_length', 'sepal_width']);
    const axisLabels = await page.locator('.importance .recharts-yAxis-tick-labels text').allTextContents();
    expect(axisLabels).toEqual(ranked);
    const api = await signedIn();
    const forest = await api.get(`/models/train/${forestId}/metrics`);
    for (const name of ['accuracy', 'precision', 'recall', 'f1_score', 'auc_roc']) {
      const card = page.locator(`.metric-card[data-metric=${name}] .metric-card__value`);
      expect(await card.innerText(), name).toBe(formatNumber(forest.metrics[name]));
    }
    await shot('05-run-completed');

    // A second run: out-of-range values are refused before submitting, then fixed.
    await page.getByRole('link', { name: 'Iris species' }).click();
    await page.getByRole('link', { name: 'New run' }).click();
    await page.locator('select[name=model_type]').selectOption('logistic_regression');
    // The one solver there is shows as a fixed value.
    expect(await page.getByLabel('solver').isDisabled()).toBe(true);
    expect(await page.getByLabel('solver').locator('option:checked').innerText()).toBe('lbfgs');
    await shot('04b-new-run-logistic');
    await page.locator('input[name=C]').fill('0');
    await page.getByText('Must be a number > 0').waitFor();
    await page.locator('select[name=model_type]').selectOption('decision_tree_classifier');
    await page.getByLabel('max_depth form').selectOption('number');
    await page.locator('input[name=max_depth]').fill('0');
    await page.getByText('Must be an integer ≥ 1').waitFor();
    await page.getByRole('button', { name: 'Start training' }).click();
    await page.getByText('Fix the highlighted fields before starting the run.').waitFor();
    expect(page.url()).toBe(`${base}/experiments/${experimentId}/new-run`);
    await page.locator('input[name=max_depth]').fill('1');
    await page.getByRole('button', { name: 'Start training' }).click();
    await page.waitForURL(new RegExp(`/runs/(${UUID})$`));
    const stumpId = idFrom(`/runs/(${UUID})$`);
    await page.locator('.metric-card[data-metric=accuracy]').waitFor(PATIENCE);
    const stump = await api.get(`/models/train/${stumpId}/metrics`);
    expect(stump.training_metadata.hyperparameters).toMatchObject({ max_depth: 1, random_state: 42 });
    // One split can only separate setosa from the rest: 20 of the 30 stratified test rows are right.
    expect(stump.metrics.accuracy).toBeCloseTo(20 / 30, 12);

    // Compare both: one column per run, the chart has a bar per run.
    await page.getByRole('link', { name: 'Iris species' }).click();
    const runRows = page.getByRole('table', { name: 'Runs' }).locator('tbody tr');
    await expect.poll(() => runRows.count(), PATIENCE).toBe(2);
    await shot('06-experiment-runs');
    await page.getByRole('checkbox', { name: `Select run ${forestId.slice(0, 8)}` }).check();
    await page.getByRole('checkbox', { name: `Select run ${stumpId.slice(0, 8)}` }).check();
    await page.getByRole('link', { name: 'Compare 2 runs' }).click();
    await page.waitForURL(new RegExp(`/experiments/${experimentId}/compare\\?runs=`));
    const comparison = page.getByRole('table', { name: 'Run comparison' });
    await comparison.waitFor();
    const headers = await comparison.locator('thead th').allTextContents();
    expect(headers.slice(1).sort()).toEqual([`Decision tree classifier · ${stumpId.slice(0, 8)}`, `Random forest classifier · ${forestId.slice(0, 8)}`]);
    await expect.poll(() => page.locator('.bar-chart .recharts-bar-rectangle').count(), PATIENCE).toBe(2);
    const accuracyRow = await page.locator('tr[data-row=accuracy] td').allInnerTexts();
    expect(accuracyRow.sort()).toEqual([formatNumber(forest.metrics.accuracy), formatNumber(stump.metrics.accuracy)].sort());
    expect(await page.locator('tr[data-row=accuracy] td.compare-table__best').allTextContents()).toEqual([formatNumber(forest.metrics.accuracy)]);
    expect(await page.locator('tr[data-row=max_depth]').getAttribute('class')).toBe('compare-table__differs');
    expect(await page.locator('tr[data-row=criterion]').getAttribute('class')).toBeNull();
    await shot('07-compare');

    // Delete the logistic run after confirming; the experiment keeps the forest only.
    await page.getByRole('link', { name: `Decision tree classifier · ${stumpId.slice(0, 8)}` }).click();
    await page.getByRole('button', { name: 'Delete run' }).click();
    await page.getByRole('dialog').getByText('This cannot be undone').waitFor();
    await shot('08-delete-confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete run' }).click();
    await page.waitForURL(`${base}/experiments/${experimentId}`);
    await expect.poll(() => runRows.count(), PATIENCE).toBe(1);
    expect(await runRows.first().getAttribute('data-run-id')).toBe(forestId);
    expect((await api.raw(`/models/train/${stumpId}/status`)).status).toBe(404);

    expect(consoleErrors).toEqual([]);
  });

  it('fits a 390 px phone: no page scrolls sideways, Sign out stays in reach, long names wrap', { timeout: 120_000 }, async () => {
    const api = await signedIn();
    // One unbroken 200-character name for the experiment and the dataset: the worst case for a layout.
    const longName = `Penguins${'_species'.repeat(24)}`;
    const experiment = await api.post('/experiments', { name: longName, description: `Described${'-at-length'.repeat(20)}` });
    const dataset = await api.uploadCsv(longName, readFileSync(join(SAMPLE_DATA, 'penguins.csv'), 'utf8'));
    const run = await api.post('/models/train', {
      experiment_id: experiment.id,
      dataset_id: dataset.id,
      model_type: 'logistic_regression',
      target_column: 'Species',
    });
    await expect.poll(async () => (await api.get(`/models/train/${run.model_run_id}/status`)).status, PATIENCE).toBe('completed');

    const phone = await openPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    const pages: Array<[string, string, () => Promise<void>]> = [
      ['14-phone-experiments', '/experiments', () => phone.getByRole('table', { name: 'Experiments' }).waitFor()],
      ['15-phone-experiment-runs', `/experiments/${experiment.id}`, () => phone.getByRole('table', { name: 'Runs' }).waitFor()],
      ['16-phone-run', `/experiments/${experiment.id}/runs/${run.model_run_id}`, () => phone.locator('.importance .recharts-bar-rectangle').first().waitFor()],
      ['17-phone-datasets', '/datasets', () => phone.getByRole('table', { name: 'Datasets' }).waitFor()],
      ['18-phone-dataset', `/datasets/${dataset.id}`, () => phone.getByRole('table', { name: 'Column profile' }).waitFor()],
    ];
    for (const [name, path, loaded] of pages) {
      await phone.goto(`${base}${path}`);
      await loaded();
      const widths = await phone.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect(widths.scroll, `${path} scrolls sideways`).toBeLessThanOrEqual(widths.inner);
      const signOut = phone.getByRole('button', { name: 'Sign out' });
      await signOut.click({ trial: true }); // visible, enabled and not covered, without signing out
      const box = (await signOut.boundingBox())!;
      expect(box.x + box.width, `Sign out on ${path}`).toBeLessThanOrEqual(390);
      await phone.evaluate(() => window.scrollTo(0, 0));
      await phone.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    }
    // Still on the dataset's profile: 2 of 344 cells missing is a share with two decimals.
    const beakLength = phone.getByRole('table', { name: 'Column profile' }).locator('tbody tr', { hasText: 'Beak Length (mm)' });
    expect(await beakLength.locator('td').nth(2).innerText()).toBe('2 (0.58%)');
    // A linear model's coefficients: a column per class, one-hot categories as rows of their own.
    await page.goto(`${base}/experiments/${experiment.id}/runs/${run.model_run_id}`);
    const coefficients = page.getByRole('table', { name: 'Coefficients' });
    await coefficients.waitFor();
    expect(await coefficients.locator('thead th').allTextContents()).toEqual(['Feature', 'Adelie', 'Chinstrap', 'Gentoo']);
    const featureRows = await coefficients.locator('tbody th').allTextContents();
    expect(featureRows).toEqual(expect.arrayContaining(['Island=Biscoe', 'Island=Dream', 'Island=Torgersen']));
    expect(await coefficients.locator('tbody tr').first().locator('td').count()).toBe(3);
    await shot('19-coefficients');
    // The long names are whole in the headings and in the title of the shortened table cells.
    await phone.goto(`${base}/experiments`);
    expect(await phone.getByRole('link', { name: longName }).first().getAttribute('title')).toBe(longName);
    await phone.close();
    expect(consoleErrors).toEqual([]);
  });

  it('clusters without the label column by default, and shows the clusters found without an importance picker', async () => {
    const api = await signedIn();
    const experiment = await api.post('/experiments', { name: 'Iris clusters' });
    const iris = (await api.get('/datasets')).items.find((d: { name: string }) => d.name === 'iris');
    await page.goto(`${base}/experiments/${experiment.id}/new-run`);
    await page.locator('select[name=dataset]').selectOption(iris.id);
    expect(await page.locator('select[name=target]').inputValue()).toBe('species');
    await page.locator('select[name=model_type]').selectOption('kmeans');
    // species was the target a moment ago: the label stays listed but unticked for clustering.
    expect(await page.locator('input[name=feature][value=species]').isChecked()).toBe(false);
    expect(await page.locator('input[name=feature]:checked').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value))).toEqual([
      'sepal_length',
      'sepal_width',
      'petal_length',
      'petal_width',
    ]);
    await page.getByRole('button', { name: 'Start training' }).click();
    await page.waitForURL(new RegExp(`/runs/(${UUID})$`));
    const runId = idFrom(`/runs/(${UUID})$`);
    const clustersFound = page.locator('.details__row', { hasText: 'Clusters found' }).locator('dd');
    await clustersFound.waitFor(PATIENCE);
    const metrics = await api.get(`/models/train/${runId}/metrics`);
    expect(metrics.training_metadata.feature_names).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect(await clustersFound.innerText()).toBe(String(metrics.training_metadata.n_clusters_found));
    // Both times say what they measure: the whole run from the request, and the fit alone.
    const status = await api.get(`/models/train/${runId}/status`);
    const duration = page.locator('.details__row[data-row=duration]');
    expect(await duration.locator('dd').innerText()).toBe(formatDuration(secondsBetween(status.created_at, status.completed_at)));
    expect(await duration.locator('dt > span').getAttribute('title')).toBe(DURATION.meaning);
    expect(await page.locator('.details__row[data-row=training-time] dt').innerText()).toBe(`${TRAINING_TIME.label}\n${TRAINING_TIME.hint}`);
    await page.getByText('No feature importance').waitFor();
    expect(await page.locator('select[name=top_n]').isVisible()).toBe(false);
    await shot('20-clustering-run');
    expect(consoleErrors).toEqual([]);
  });

  it('shows a live progress bar and stops and deletes a run that is still training', { timeout: 120_000 }, async () => {
    const api = await signedIn();
    const experiment = await api.post('/experiments', { name: 'Slow forest' });
    const dataset = await api.uploadCsv('slow', slowClassificationCsv(4000));
    const run = await api.post('/models/train', {
      experiment_id: experiment.id,
      dataset_id: dataset.id,
      model_type: 'random_forest_classifier',
      target_column: 'label',
      hyperparameters: SLOW_FOREST,
    });
    // The experiment's table shows the run's progress and refreshes it while the run trains.
    await page.goto(`${base}/experiments/${experiment.id}`);
    const rowProgress = page.getByRole('progressbar', { name: `Run ${run.model_run_id.slice(0, 8)} progress` });
    await expect.poll(async () => Number(await rowProgress.getAttribute('aria-valuenow')), PATIENCE).toBeGreaterThan(0);
    await shot('09-experiment-live');
    await page.getByRole('link', { name: 'Random forest classifier' }).click();
    const pageProgress = page.getByRole('progressbar', { name: 'Training progress' });
    await expect.poll(async () => Number(await pageProgress.getAttribute('aria-valuenow')), PATIENCE).toBeGreaterThan(0);
    await shot('10-run-training');
    await page.getByRole('button', { name: 'Stop and delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Stop and delete' }).click();
    await page.waitForURL(`${base}/experiments/${experiment.id}`);
    await page.getByText('No runs yet').waitFor();
    expect((await api.raw(`/models/train/${run.model_run_id}/status`)).status).toBe(404);
    expect(consoleErrors).toEqual([]);
  });

  it('answers unknown pages, missing records and other users’ records with their own screens', async () => {
    await page.goto(`${base}/no/such/page`);
    await page.getByText('There is no page at /no/such/page.').waitFor();
    const missing = randomUUID();
    await page.goto(`${base}/experiments/${missing}`);
    await page.getByText(`Experiment with id ${missing} not found`).waitFor();
    expect(await page.locator('.error-screen').getAttribute('data-status')).toBe('404');
    await shot('11-not-found');

    const stranger = await HttpUser.register(base, `stranger-${missing}@example.com`);
    const theirs = await stranger.post('/experiments', { name: 'Private' });
    await page.goto(`${base}/experiments/${theirs.id}`);
    await page.getByText("You don't have permission to access this experiment").waitFor();
    expect(await page.locator('.error-screen').getAttribute('data-status')).toBe('403');
    await shot('12-forbidden');

    // An upload the API refuses shows the API's own detail under the drop zone.
    const badCsv = 'only_a_header\n';
    const refused = await stranger.raw('/datasets?name=bad', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: badCsv });
    expect(refused.status).toBe(400);
    const { detail } = (await refused.json()) as { detail: string };
    await page.goto(`${base}/datasets`);
    await page.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(badCsv) });
    await page.getByRole('alert').getByText(detail).waitFor();
    await shot('13-upload-refused');

    // A token the API no longer accepts signs the user out, saying why.
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('trainyard.session')!);
      localStorage.setItem('trainyard.session', JSON.stringify({ ...session, token: 'revoked' }));
    });
    await page.goto(`${base}/experiments`);
    await page.getByText('Your session has ended. Please sign in again.').waitFor();
    expect(page.url()).toBe(`${base}/sign-in`);

    // The API keeps its JSON answers under the dashboard's catch-all.
    const apiMiss = await fetch(`${base}/api/v1/no-such-route`);
    expect(apiMiss.status).toBe(404);
    expect(await apiMiss.json()).toEqual({ detail: 'No route for GET /api/v1/no-such-route' });
    expect(consoleErrors).toEqual([]);
  });
});

if (!chromiumAvailable()) {
  describe('dashboard in Chromium', () => {
    it.skip(`SKIPPED: no Chromium at ${CHROMIUM_PATH} — apt-get install -y chromium`, () => {});
  });
}
