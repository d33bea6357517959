import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { bearer, signUp } from '../../../test/identity.js';

/** The body as the browser sees it, whichever encoding the server picked. */
function decoded(response: { headers: Record<string, unknown>; rawPayload: Buffer }): string {
  const encoding = response.headers['content-encoding'];
  const raw = encoding === 'br' ? brotliDecompressSync(response.rawPayload) : encoding === 'gzip' ? gunzipSync(response.rawPayload) : response.rawPayload;
  return raw.toString('utf8');
}

describe('compressed responses', () => {
  let t: TestApp;
  let token: string;
  const listUrl = '/api/v1/contacts?limit=50';

  beforeAll(async () => {
    t = await createTestApp();
    token = (await signUp(t.app)).accessToken;
    const loaded = await t.app.inject({ method: 'POST', url: '/api/v1/sample-data', headers: bearer(token) });
    expect(loaded.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const list = (acceptEncoding?: string) =>
    t.app.inject({ url: listUrl, headers: { ...bearer(token), ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) } });

  it('answers a list in brotli to a client that accepts br, and it decodes to the same JSON', async () => {
    const plain = await list();
    const response = await list('br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toContain('accept-encoding');
    expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(JSON.parse(decoded(response))).toEqual(plain.json());
  });

  it('answers a list in gzip to a client that accepts only gzip, and it decodes to the same JSON', async () => {
    const plain = await list();
    const response = await list('gzip');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(response))).toEqual(plain.json());
  });

  it('prefers brotli when a browser offers both', async () => {
    expect((await list('gzip, deflate, br')).headers['content-encoding']).toBe('br');
  });

  it('answers uncompressed JSON to a client that sends no accept-encoding', async () => {
    const response = await list();
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.rawPayload.length).toBeGreaterThan(1024);
    expect(response.json().data).toHaveLength(50);
  });

  it('leaves a body under a kilobyte uncompressed', async () => {
    const response = await t.app.inject({ url: '/api/health', headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('keeps conditional requests working: If-None-Match gives an empty 304, If-Match a saved change', async () => {
    const id = (await list()).json().data[0].id as string;
    const url = `/api/v1/contacts/${id}`;
    const headers = { ...bearer(token), 'accept-encoding': 'br, gzip' };
    const first = await t.app.inject({ url, headers });
    const etag = String(first.headers.etag);
    const unchanged = await t.app.inject({ url, headers: { ...headers, 'if-none-match': etag } });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.rawPayload).toHaveLength(0);
    const patched = await t.app.inject({ method: 'PATCH', url, headers: { ...headers, 'if-match': etag }, payload: { jobTitle: 'Buyer' } });
    expect(patched.statusCode).toBe(200);
  });
});

describe('compressed web assets', () => {
  let webRoot: string;
  let t: TestApp;
  const script = `export function render() {\n${'  document.body.append("a line of the app bundle");\n'.repeat(200)}}\n`;
  // A twin as the build writes it, told apart from on-the-fly output by its small window.
  const precompressed = brotliCompressSync(script, { params: { [constants.BROTLI_PARAM_LGWIN]: 10 } });

  beforeAll(async () => {
    webRoot = await mkdtemp(path.join(os.tmpdir(), 'spanner-web-'));
    await mkdir(path.join(webRoot, 'assets'));
    await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app-abc123.js"></script>');
    await writeFile(path.join(webRoot, 'assets', 'app-abc123.js'), script);
    await writeFile(path.join(webRoot, 'assets', 'vendor-def456.js'), script);
    await writeFile(path.join(webRoot, 'assets', 'vendor-def456.js.br'), precompressed);
    t = await createTestApp({ webRoot });
  });
  afterAll(async () => {
    await t.close();
    await rm(webRoot, { recursive: true, force: true });
  });

  it('serves a hashed asset in brotli with the immutable cache header', async () => {
    const response = await t.app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toContain('javascript');
    expect(decoded(response)).toBe(script);
  });

  it('sends the brotli twin written at build time as it is, with the immutable cache header', async () => {
    const response = await t.app.inject({ url: '/assets/vendor-def456.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toContain('javascript');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers.vary).toContain('accept-encoding');
    expect(response.rawPayload.equals(precompressed)).toBe(true);
    expect(decoded(response)).toBe(script);
  });

  it('compresses an asset without a gzip twin on the fly for a client without brotli', async () => {
    const response = await t.app.inject({ url: '/assets/vendor-def456.js', headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(decoded(response)).toBe(script);
  });

  it('serves a hashed asset in gzip to a client without brotli', async () => {
    const response = await t.app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(decoded(response)).toBe(script);
  });

  it('serves index.html for revalidation on every load', async () => {
    for (const url of ['/', '/contacts']) {
      const response = await t.app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(decoded(response)).toContain('<div id="root">');
    }
  });
});
