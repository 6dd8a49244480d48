import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStack, startOn, type TestTrainyard } from '../helpers/trainyard.js';

describeEachStack('auth', (stack) => {
  let ty: TestTrainyard;
  beforeAll(async () => {
    ty = await startOn(stack);
  });
  afterAll(async () => ty.dispose());

  const post = (url: string, payload: unknown) => ty.app.inject({ method: 'POST', url, payload: payload as object });

  it('registers, refuses a second registration and issues a working token', async () => {
    const reg = await post('/api/v1/auth/register', { email: 'Ada@Example.com', password: 'longenough' });
    expect(reg.statusCode).toBe(201);
    expect(reg.json()).toEqual({ user_id: expect.stringMatching(/^[0-9a-f-]{36}$/), email: 'ada@example.com' });

    const again = await post('/api/v1/auth/register', { email: 'ada@example.com', password: 'longenough' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ detail: 'A user with email ada@example.com already exists' });

    const token = await post('/api/v1/auth/token', { email: 'ada@example.com', password: 'longenough' });
    expect(token.statusCode).toBe(200);
    const body = token.json();
    expect(body.token_type).toBe('bearer');
    expect(Date.parse(body.expires_at)).toBeGreaterThan(Date.now());

    const list = await ty.app.inject({ method: 'GET', url: '/api/v1/experiments', headers: { authorization: `Bearer ${body.access_token}` } });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });

  it('answers 400 naming the field for a malformed email or a short password', async () => {
    const badEmail = await post('/api/v1/auth/register', { email: 'not-an-email', password: 'longenough' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json()).toEqual({ detail: 'body/email must match format "email"' });
    const shortPassword = await post('/api/v1/auth/register', { email: 'b@example.com', password: 'short' });
    expect(shortPassword.statusCode).toBe(400);
    expect(shortPassword.json()).toEqual({ detail: 'body/password must NOT have fewer than 8 characters' });
  });

  it('answers 401 for wrong credentials and for missing or unknown tokens', async () => {
    await post('/api/v1/auth/register', { email: 'c@example.com', password: 'longenough' });
    const wrong = await post('/api/v1/auth/token', { email: 'c@example.com', password: 'wrongpassword' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ detail: 'Incorrect email or password' });

    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: 'Basic abc' }]) {
      const res = await ty.app.inject({ method: 'GET', url: '/api/v1/datasets', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ detail: 'Not authenticated' });
    }
  });

  it('serves health, the OpenAPI document and the docs page', async () => {
    expect((await ty.app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
    const openapi = (await ty.app.inject({ url: '/openapi.json' })).json();
    expect(openapi.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.paths)).toContain('/api/v1/models/train/{model_run_id}/metrics');
    // Every model's hyperparameters, from the declarations that validate them.
    const trainBody = openapi.paths['/api/v1/models/train'].post.requestBody.content['application/json'].schema;
    expect(trainBody.properties.hyperparameters.anyOf).toHaveLength(45);
    expect(trainBody.properties.hyperparameters.anyOf).toContainEqual({ $ref: '#/components/schemas/Hyperparameters_xgboost_classifier' });
    const forest = openapi.components.schemas.Hyperparameters_random_forest_classifier;
    expect(forest.additionalProperties).toBe(false);
    expect(forest.properties.n_estimators).toEqual({ type: 'integer', minimum: 1, default: 100, description: 'Number of trees.' });
    expect(forest.properties.max_features.anyOf).toEqual([
      { type: 'integer', minimum: 1 },
      { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1 },
      { type: 'string', enum: ['sqrt', 'log2'] },
    ]);
    expect(forest.properties.max_features.nullable).toBe(true);
    expect(openapi.components.schemas.Hyperparameters_xgboost_classifier.properties.learning_rate.description).toMatch(/Also accepted as: eta\./);
    expect((await ty.app.inject({ url: '/docs/' })).statusCode).toBe(200);
  });
});
