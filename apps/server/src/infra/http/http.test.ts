import { PROBLEM_CONTENT_TYPE, problemSchema, problemTypes } from '@spanner/contracts';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { createTestApp, testLogger, type TestApp } from '../../../test/app.js';
import type { App } from '../../app.js';
import { BODY_LIMIT_BYTES } from '../../app.js';
import { HttpProblem } from './problem.js';
import { PERMISSIONS_POLICY } from './security-headers.js';

/** Test-only routes that exercise body parsing, validation and failures. */
function addProbeRoutes(app: App) {
  app.post(
    '/api/v1/probe',
    { config: { access: 'public' }, schema: { body: z.object({ email: z.email(), age: z.number().int().min(0) }), querystring: z.object({ limit: z.coerce.number().int().max(200).optional() }) } },
    async (request) => ({ received: request.body.email }),
  );
  app.get('/api/v1/probe/conflict', { config: { access: 'public' } }, async () => {
    throw new HttpProblem({ status: 409, detail: 'domain already taken', errors: [{ path: 'body.domain', message: 'is taken' }] });
  });
  app.get('/api/v1/probe/crash', { config: { access: 'public' } }, async () => {
    throw new Error('select * from secrets failed');
  });
}

function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, type: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  const problem = problemSchema.parse(response.json());
  expect(problem).toMatchObject({ status, type });
  expect(problem.requestId).toBe(response.headers['x-request-id']);
  return problem;
}

describe('problem+json errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ extend: addProbeRoutes });
  });
  afterAll(() => t.close());

  it('answers an unknown API route with 404', async () => {
    const problem = expectProblem(await t.app.inject('/api/v1/nothing-here'), 404, problemTypes.notFound);
    expect(problem.detail).toContain('/api/v1/nothing-here');
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/health' });
    expectProblem(response, 405, problemTypes.methodNotAllowed);
    expect(response.headers.allow).toBe('GET, HEAD');
  });

  it('answers malformed JSON with 400', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/probe', headers: { 'content-type': 'application/json' }, payload: '{"email": ' });
    expectProblem(response, 400, problemTypes.badRequest);
  });

  it('answers a body over the limit with 413', async () => {
    const payload = JSON.stringify({ email: 'a@example.com', padding: 'x'.repeat(BODY_LIMIT_BYTES) });
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/probe', headers: { 'content-type': 'application/json' }, payload });
    expectProblem(response, 413, problemTypes.payloadTooLarge);
  });

  it('answers an unsupported media type with 415', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/probe', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expectProblem(response, 415, problemTypes.unsupportedMediaType);
  });

  it('answers invalid fields with 422 naming each field', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/probe', payload: { email: 'not-an-email', age: -1 } });
    const problem = expectProblem(response, 422, problemTypes.validation);
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(['body.age', 'body.email']);
  });

  it('validates the query string too', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/probe?limit=500', payload: { email: 'a@example.com', age: 3 } });
    expect(expectProblem(response, 422, problemTypes.validation).errors).toEqual([expect.objectContaining({ path: 'query.limit' })]);
  });

  it('passes a valid request through', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/probe', payload: { email: 'a@example.com', age: 3 } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: 'a@example.com' });
  });

  it('answers a thrown HttpProblem with its status and fields', async () => {
    const problem = expectProblem(await t.app.inject('/api/v1/probe/conflict'), 409, problemTypes.conflict);
    expect(problem.errors).toEqual([{ path: 'body.domain', message: 'is taken' }]);
  });

  it('shows the message of an unexpected error to the tests, never a stack', async () => {
    const response = await t.app.inject('/api/v1/probe/crash');
    expect(expectProblem(response, 500, problemTypes.internal).detail).toBe('select * from secrets failed');
    expect(response.body).not.toContain('    at ');
  });

  // Production never showed it; local and development did, and a default install runs as local.
  it.each(['local', 'development'])('hides the message of an unexpected error when ENVIRONMENT is %s', async (environment) => {
    const other = await createTestApp({ env: { ENVIRONMENT: environment }, extend: addProbeRoutes });
    try {
      const response = await other.app.inject('/api/v1/probe/crash');
      expect(expectProblem(response, 500, problemTypes.internal).detail).toBeUndefined();
      expect(response.body).not.toContain('secrets');
    } finally {
      await other.close();
    }
  });

  it('keeps the SQL and parameters of a failed query out of the answer outside the tests, and in the log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const config = { logLevel: 'error' as const };
    let failingQuery = async () => {};
    const dev = await createTestApp({
      env: { ENVIRONMENT: 'development' },
      log: testLogger(config, sink),
      extend: (app) => app.get('/api/v1/probe/database', { config: { access: 'public' } }, () => failingQuery()),
    });
    failingQuery = async () => {
      await dev.ctx.db.db.execute(sql`select ${'probe-secret-parameter'}::int as probe_column`);
    };
    try {
      const response = await dev.app.inject('/api/v1/probe/database');
      const problem = expectProblem(response, 500, problemTypes.internal);
      expect(problem.detail).toBeUndefined();
      for (const secret of ['probe-secret-parameter', 'probe_column', 'select', 'invalid input syntax']) expect(response.body).not.toContain(secret);
      expect(lines.join('')).toContain('probe-secret-parameter');
    } finally {
      await dev.close();
    }
  });
});

describe('request ids', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives every response a request id', async () => {
    const response = await t.app.inject('/health');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps the caller's request id", async () => {
    const response = await t.app.inject({ url: '/health', headers: { 'x-request-id': 'edge-42.a' } });
    expect(response.headers['x-request-id']).toBe('edge-42.a');
  });

  it('replaces a request id that could forge log lines', async () => {
    const response = await t.app.inject({ url: '/health', headers: { 'x-request-id': 'bad id\nlevel=fatal' } });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('CORS', () => {
  const preflight = (app: App, origin: string) =>
    app.inject({ method: 'OPTIONS', url: '/api/health', headers: { origin, 'access-control-request-method': 'GET' } });

  it('allows the Vite dev server by default in local mode and nothing else', async () => {
    const t = await createTestApp({ env: { ENVIRONMENT: 'local' } });
    try {
      for (const origin of ['http://localhost:5173', 'http://127.0.0.1:5173']) {
        const response = await t.app.inject({ url: '/api/health', headers: { origin } });
        expect(response.headers['access-control-allow-origin']).toBe(origin);
      }
      expect((await preflight(t.app, 'http://localhost:5173')).headers['access-control-allow-origin']).toBe('http://localhost:5173');
      const foreign = await t.app.inject({ url: '/api/health', headers: { origin: 'https://evil.example' } });
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('allows exactly the configured origins when CORS_ORIGINS is set', async () => {
    const t = await createTestApp({ env: { ENVIRONMENT: 'development', CORS_ORIGINS: 'https://crm.example.com, https://admin.example.com' } });
    try {
      expect((await preflight(t.app, 'https://admin.example.com')).headers['access-control-allow-origin']).toBe('https://admin.example.com');
      expect((await preflight(t.app, 'http://localhost:5173')).headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('allows no cross-origin caller in production unless configured', async () => {
    const t = await createTestApp({ env: { ENVIRONMENT: 'production', SECRET_KEY: 'a'.repeat(40), SMTP_URL: 'smtp://mail.example.com:587' } });
    try {
      expect((await preflight(t.app, 'http://localhost:5173')).headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});

describe('security headers', () => {
  let webRoot: string;
  beforeAll(async () => {
    webRoot = await mkdtemp(path.join(os.tmpdir(), 'spanner-web-'));
    await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
  });
  afterAll(() => rm(webRoot, { recursive: true, force: true }));

  it('gives documents helmet\'s full set with a CSP the SPA satisfies, without forcing https on plain http', async () => {
    const t = await createTestApp({ webRoot });
    try {
      const response = await t.app.inject('/contacts');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
      expect(PERMISSIONS_POLICY).toMatch(/(^|, )camera=\(\)(,|$)/);
      expect(PERMISSIONS_POLICY).toMatch(/(^|, )microphone=\(\)(,|$)/);
      expect(PERMISSIONS_POLICY).toMatch(/(^|, )geolocation=\(\)(,|$)/);
    } finally {
      await t.close();
    }
  });

  it('leaves a revalidated document its cached headers', async () => {
    const t = await createTestApp({ webRoot });
    try {
      const first = await t.app.inject('/');
      const again = await t.app.inject({ url: '/', headers: { 'if-none-match': String(first.headers.etag) } });
      expect(again.statusCode).toBe(304);
      expect(again.headers['content-security-policy']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('gives API answers the headers that matter outside a document', async () => {
    const t = await createTestApp();
    try {
      for (const url of ['/api/health', '/api/v1/unknown']) {
        const response = await t.app.inject(url);
        expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['x-frame-options']).toBe('DENY');
      }
    } finally {
      await t.close();
    }
  });

  it('lets Swagger UI keep its own CSP, without the https upgrade on http', async () => {
    const t = await createTestApp();
    try {
      const page = await t.app.inject('/docs');
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain('validator.swagger.io');
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(page.headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
    } finally {
      await t.close();
    }
  });

  it('adds HSTS everywhere and upgrades insecure requests in documents when the public URL is https', async () => {
    const t = await createTestApp({ webRoot, env: { PUBLIC_URL: 'https://crm.example.com' } });
    try {
      const page = await t.app.inject('/');
      expect(page.headers['strict-transport-security']).toContain('max-age=');
      expect(String(page.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
      expect((await t.app.inject('/api/health')).headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await t.close();
    }
  });
});

describe('serving the web app', () => {
  let webRoot: string;
  let t: TestApp;
  beforeAll(async () => {
    webRoot = await mkdtemp(path.join(os.tmpdir(), 'spanner-web-'));
    await mkdir(path.join(webRoot, 'assets'));
    await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>');
    await writeFile(path.join(webRoot, 'assets', 'app.js'), 'console.log("app")');
    t = await createTestApp({ webRoot });
  });
  afterAll(async () => {
    await t.close();
    await rm(webRoot, { recursive: true, force: true });
  });

  it('serves index.html at the root', async () => {
    const response = await t.app.inject('/');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<div id="root">');
  });

  it('serves index.html for deep links so client routes survive a reload', async () => {
    const response = await t.app.inject('/contacts/0190a1b2-0000-7000-8000-000000000000?tab=notes');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('<div id="root">');
  });

  it('serves hashed assets with a long cache', async () => {
    const response = await t.app.inject('/assets/app.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('answers a missing asset with 404, not the app', async () => {
    expectProblem(await t.app.inject('/assets/missing.js'), 404, problemTypes.notFound);
  });

  it('keeps API paths out of the fallback', async () => {
    expectProblem(await t.app.inject('/api/v1/unknown'), 404, problemTypes.notFound);
    expectProblem(await t.app.inject({ method: 'POST', url: '/contacts' }), 404, problemTypes.notFound);
  });
});

describe('logging', () => {
  it('writes JSON lines with the request id and redacts credentials', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().trim().split('\n'));
        done();
      },
    });
    const log = testLogger({ logLevel: 'info' }, sink);
    const t = await createTestApp({ log });
    try {
      const response = await t.app.inject({
        url: '/api/health',
        headers: { authorization: 'Bearer top-secret-token', cookie: 'refresh=also-secret' },
      });
      log.info({ req: { headers: { authorization: 'Bearer top-secret-token', cookie: 'refresh=also-secret' } }, user: { password: 'hunter2hunter2' } }, 'manual');
      const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(entries.some((entry) => entry.requestId === response.headers['x-request-id'])).toBe(true);
      const text = lines.join('\n');
      expect(text).not.toContain('top-secret-token');
      expect(text).not.toContain('also-secret');
      expect(text).not.toContain('hunter2hunter2');
      expect(text).toContain('[redacted]');
    } finally {
      await t.close();
    }
  });

  it('logs request URLs without the values of token, key and secret query parameters', async () => {
    const lines: string[] = [];
    const log = testLogger({ logLevel: 'info' }, { write: (line: string) => lines.push(line) });
    const t = await createTestApp({ log });
    try {
      await t.app.inject('/api/v1/invitations/preview?token=invitation-link-secret');
      await t.app.inject('/api/health?q=ada&refresh_token=refresh-secret&KEY=key-secret&client%5Fsecret=client-secret&page=2');
      const urls = lines.map((line) => JSON.parse(line) as { req?: { url: string } }).flatMap((entry) => (entry.req ? [entry.req.url] : []));
      expect(urls).toEqual([
        '/api/v1/invitations/preview?token=[redacted]',
        '/api/health?q=ada&refresh_token=[redacted]&KEY=[redacted]&client%5Fsecret=[redacted]&page=2',
      ]);
      expect(lines.join('\n')).not.toMatch(/invitation-link-secret|refresh-secret|key-secret|client-secret/);
    } finally {
      await t.close();
    }
  });
});
