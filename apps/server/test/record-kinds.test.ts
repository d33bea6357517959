import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.js';
import { bearer, signUp, type SignedUp } from './identity.js';

let t: TestApp;
let owner: SignedUp;
let companyId: string;
beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app);
  companyId = (await t.app.inject({ method: 'POST', url: '/api/v1/companies', headers: bearer(owner.accessToken), payload: { name: 'Noted Ltd' } })).json().id;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(owner.accessToken), ...headers }, ...(payload ? { payload } : {}) });

/** Every kind served by the record engine (records.routes.ts): a body to create one and two different patches. */
const kinds = [
  { collection: 'companies', create: () => ({ name: 'Versioned Inc' }), patches: [{ industry: 'Software' }, { industry: 'Retail' }] },
  { collection: 'contacts', create: () => ({ lastName: 'Versioned' }), patches: [{ jobTitle: 'CTO' }, { jobTitle: 'CFO' }] },
  { collection: 'deals', create: () => ({ name: 'Versioned deal' }), patches: [{ amount: 100 }, { amount: 200 }] },
  { collection: 'tasks', create: () => ({ title: 'Versioned task' }), patches: [{ priority: 'high' }, { priority: 'low' }] },
  { collection: 'notes', create: () => ({ body: 'Versioned note', record: { type: 'company', id: companyId } }), patches: [{ body: 'First edit' }, { body: 'Second edit' }] },
  { collection: 'tags', create: () => ({ name: `Versioned ${Math.random()}` }), patches: [{ color: 'green' }, { color: 'red' }] },
] as const;

async function createRecord(kind: (typeof kinds)[number]): Promise<{ id: string; version: number }> {
  const response = await call('POST', `/api/v1/${kind.collection}`, kind.create());
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe.each(kinds)('the $collection engine routes', (kind) => {
  const url = (id: string) => `/api/v1/${kind.collection}/${id}`;

  it('answers a stale If-Match with 412 and the current record, on PATCH and DELETE, changing nothing', async () => {
    const record = await createRecord(kind);
    const [first, second] = kind.patches;
    const changed = await call('PATCH', url(record.id), first, { 'if-match': '"1"' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.headers.etag).toBe('"2"');

    const stale = await call('PATCH', url(record.id), second, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().current).toMatchObject({ id: record.id, version: 2, ...first });
    expect((await call('DELETE', url(record.id), undefined, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await call('GET', url(record.id))).json()).toMatchObject({ version: 2, deletedAt: null, ...first });
  });

  it('refuses to change a record in the trash until it is restored', async () => {
    const record = await createRecord(kind);
    const [patch] = kind.patches;
    expect((await call('DELETE', url(record.id))).statusCode).toBe(204);
    const trashed = await call('PATCH', url(record.id), patch);
    expect(trashed.statusCode).toBe(409);
    expect(trashed.json().detail).toMatch(/in the trash/);
    const unchanged = (await call('GET', url(record.id))).json();
    expect(unchanged).not.toMatchObject(patch);
    expect((await call('POST', `${url(record.id)}/restore`)).statusCode).toBe(200);
    expect((await call('PATCH', url(record.id), patch)).json()).toMatchObject({ deletedAt: null, ...patch });
  });
});

describe('pipelines', () => {
  it('answers a stale If-Match with 412 and the current pipeline, changing nothing', async () => {
    const [pipeline] = (await call('GET', '/api/v1/pipelines')).json().data as { id: string; version: number; name: string }[];
    const url = `/api/v1/pipelines/${pipeline!.id}`;
    const renamed = await call('PATCH', url, { name: 'Renamed' }, { 'if-match': `"${pipeline!.version}"` });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const stale = await call('PATCH', url, { name: 'Lost update' }, { 'if-match': `"${pipeline!.version}"` });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ id: pipeline!.id, name: 'Renamed', version: renamed.json().version });
    expect((await call('GET', url)).json().name).toBe('Renamed');
  });
});
