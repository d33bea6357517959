import { livenessSchema, readinessSchema, serviceHealthSchema } from '@spanner/contracts';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import { createTestApp, createTestContext, waitUntilReady, type TestApp } from '../../../test/app.js';
import { buildWorkerApp } from '../../app.js';
import { bearer, memberOf, signUp } from '../../../test/identity.js';
import { closeContext } from '../../context.js';
import { OPENAPI_FILE, serializeOpenApi } from '../../infra/http/docs.js';

describe('system endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await waitUntilReady(t.app);
  });
  afterAll(() => t.close());

  it('answers liveness with {"status":"ok"}', async () => {
    const response = await t.app.inject('/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expect(livenessSchema.parse(response.json())).toBeTruthy();
  });

  it('is ready when every dependency answers and lists each check', async () => {
    const response = await t.app.inject('/ready');
    expect(response.statusCode).toBe(200);
    const body = readinessSchema.parse(response.json());
    expect(body.status).toBe('ok');
    const expected = t.ctx.config.redisUrl ? ['database', 'redis'] : ['database'];
    expect(body.checks.map((check) => check.name)).toEqual(expected);
  });

  it('names the service and the package version on /api/health', async () => {
    const response = await t.app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(serviceHealthSchema.parse(response.json())).toEqual({ service: 'spanner-crm', version: packageJson.version, status: 'ok' });
  });

  it('describes the API with links on /api/v1', async () => {
    const response = await t.app.inject('/api/v1');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'Spanner CRM API',
      version: packageJson.version,
      links: { openapi: '/openapi.json', docs: '/docs', health: '/api/health' },
    });
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const response = await t.app.inject('/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/health'].get.operationId).toBe('system.health');
    expect(document.paths['/ready'].get.responses).toHaveProperty('503');
    expect(document.paths).not.toHaveProperty('/metrics');
  });

  it('serves Swagger UI from the npm package, without a CDN', async () => {
    const page = await t.app.inject('/docs');
    const html = page.statusCode === 302 ? (await t.app.inject(page.headers.location as string)).body : page.body;
    expect(html).toContain('swagger-ui');
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg)/);
    const asset = await t.app.inject('/docs/static/swagger-ui-bundle.js');
    expect(asset.statusCode).toBe(200);
  });

  it('exports Prometheus metrics with request durations by route and status and process metrics', async () => {
    await t.app.inject('/api/health');
    const response = await t.app.inject('/metrics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/health",status_code="200"\} \d+/);
    expect(response.body).toContain('process_resident_memory_bytes');
    expect(response.body).toContain('# TYPE spanner_jobs_total counter');
  });
});

describe('readiness', () => {
  it('turns 503 naming the failing check, and back to 200 when it recovers', async () => {
    let healthy = true;
    const t = await createTestApp();
    try {
      await waitUntilReady(t.app);
      t.ctx.readinessChecks.push({
        name: 'search',
        check: async () => {
          if (!healthy) throw new Error('search index offline');
        },
      });
      expect((await t.app.inject('/ready')).statusCode).toBe(200);
      healthy = false;
      const failing = await t.app.inject('/ready');
      expect(failing.statusCode).toBe(503);
      expect(failing.json().checks).toContainEqual({ name: 'search', status: 'failing', detail: 'search index offline' });
      expect((await t.app.inject('/health')).statusCode).toBe(200);
      healthy = true;
      expect((await t.app.inject('/ready')).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('readiness failure details', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await waitUntilReady(t.app);
    t.ctx.readinessChecks.push({
      name: 'search',
      check: async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.7:9200 as search_admin');
      },
    });
  });
  afterAll(() => t.close());

  const searchCheck = async (options: { remoteAddress?: string; headers?: Record<string, string> }) => {
    const response = await t.app.inject({ url: '/ready', ...options });
    expect(response.statusCode).toBe(503);
    return response.json().checks.find((check: { name: string }) => check.name === 'search');
  };
  const detailed = { name: 'search', status: 'failing', detail: 'connect ECONNREFUSED 10.0.0.7:9200 as search_admin' };
  const bare = { name: 'search', status: 'failing' };

  it('are shown to a request from the machine itself', async () => {
    expect(await searchCheck({ remoteAddress: '127.0.0.1' })).toEqual(detailed);
    expect(await searchCheck({ remoteAddress: '::1' })).toEqual(detailed);
  });

  it('are hidden from other addresses, from requests relayed by a proxy and from members, leaving names and status', async () => {
    expect(await searchCheck({ remoteAddress: '203.0.113.9' })).toEqual(bare);
    expect(await searchCheck({ remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } })).toEqual(bare);
    expect(await searchCheck({ remoteAddress: '203.0.113.9', headers: { authorization: 'Bearer not-a-token' } })).toEqual(bare);
    const owner = await signUp(t.app);
    const member = await memberOf(t.app, t.ctx, owner.organization!.id, 'member');
    expect(await searchCheck({ remoteAddress: '203.0.113.9', headers: bearer(member.token) })).toEqual(bare);
  });

  it('are shown to signed-in owners and admins', async () => {
    const owner = await signUp(t.app);
    const admin = await memberOf(t.app, t.ctx, owner.organization!.id, 'admin');
    expect(await searchCheck({ remoteAddress: '203.0.113.9', headers: bearer(owner.accessToken) })).toEqual(detailed);
    expect(await searchCheck({ remoteAddress: '203.0.113.9', headers: bearer(admin.token) })).toEqual(detailed);
  });
});

describe('the committed OpenAPI document', () => {
  it('matches what the routes generate (run `npm run generate` after changing a route)', async () => {
    const t = await createTestApp();
    try {
      expect(await readFile(OPENAPI_FILE, 'utf8')).toBe(serializeOpenApi(t.app.swagger()));
    } finally {
      await t.close();
    }
  });
});

describe('the worker process endpoints', () => {
  it('serves liveness, readiness and metrics, and no web app', async () => {
    const ctx = await createTestContext();
    const app = await buildWorkerApp(ctx);
    try {
      expect((await app.inject('/health')).json()).toEqual({ status: 'ok' });
      await waitUntilReady(app);
      expect((await app.inject('/metrics')).body).toContain('spanner_jobs_total');
      expect((await app.inject('/docs')).statusCode).toBe(404);
    } finally {
      await app.close();
      await closeContext(ctx);
    }
  });
});
