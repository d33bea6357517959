import { tagSchema } from '@spanner/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { bearer, signUp, type SignedUp } from '../../../test/identity.js';

let t: TestApp;
let owner: SignedUp;
beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(owner.accessToken), ...headers }, ...(payload ? { payload } : {}) });

async function createTag(name: string, color = 'blue') {
  const response = await call('POST', '/api/v1/tags', { name, color });
  expect(response.statusCode, response.body).toBe(201);
  return tagSchema.parse(response.json());
}

describe('tags', () => {
  it('creates a tag with an ETag and a location, and reads it back', async () => {
    const response = await call('POST', '/api/v1/tags', { name: 'VIP', color: 'purple' });
    expect(response.statusCode).toBe(201);
    const tag = tagSchema.parse(response.json());
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/api/v1/tags/${tag.id}`);
    const read = await call('GET', `/api/v1/tags/${tag.id}`);
    expect(read.json()).toEqual(tag);
    expect((await call('GET', `/api/v1/tags/${tag.id}`, undefined, { 'if-none-match': '"1"' })).statusCode).toBe(304);
  });

  it('applies a merge patch with If-Match, bumping the version', async () => {
    const tag = await createTag('Partner');
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/tags/${tag.id}`,
      headers: { ...bearer(owner.accessToken), 'content-type': 'application/merge-patch+json', 'if-match': '"1"' },
      payload: JSON.stringify({ color: 'green' }),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Partner', color: 'green', version: 2 });
    expect(response.headers.etag).toBe('"2"');
  });

  it('answers a stale If-Match with 412 and the current record, and changes nothing', async () => {
    const tag = await createTag('Stale');
    await call('PATCH', `/api/v1/tags/${tag.id}`, { color: 'red' }, { 'if-match': '"1"' });
    const stale = await call('PATCH', `/api/v1/tags/${tag.id}`, { color: 'teal' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().current).toMatchObject({ id: tag.id, color: 'red', version: 2 });
    expect((await call('DELETE', `/api/v1/tags/${tag.id}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await call('GET', `/api/v1/tags/${tag.id}`)).json()).toMatchObject({ color: 'red', deletedAt: null });
  });

  it('rejects an If-Match that is not an ETag of this API', async () => {
    const tag = await createTag('Odd');
    const response = await call('PATCH', `/api/v1/tags/${tag.id}`, { color: 'red' }, { 'if-match': 'yesterday' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: 'headers.if-match', message: 'is not an ETag of this API' }]);
  });

  it('keeps names unique among live tags only, and refuses a restore that would clash', async () => {
    const first = await createTag('Churn risk');
    const clash = await call('POST', '/api/v1/tags', { name: 'churn RISK' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().errors).toEqual([{ path: 'body.name', message: 'is already used by another tag' }]);
    expect((await call('DELETE', `/api/v1/tags/${first.id}`)).statusCode).toBe(204);
    const second = await createTag('Churn risk');
    expect((await call('POST', `/api/v1/tags/${first.id}/restore`)).statusCode).toBe(409);
    await call('DELETE', `/api/v1/tags/${second.id}`);
    const restored = await call('POST', `/api/v1/tags/${first.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
  });

  it('lists the trash with deleted=only, newest deletion first, and hides it elsewhere', async () => {
    const gone = await createTag('Gone');
    await call('DELETE', `/api/v1/tags/${gone.id}`);
    const live = (await call('GET', '/api/v1/tags?limit=200')).json().data.map((tag: { id: string }) => tag.id);
    expect(live).not.toContain(gone.id);
    const trash = (await call('GET', '/api/v1/tags?deleted=only')).json().data;
    expect(trash[0]).toMatchObject({ id: gone.id });
    expect(trash[0].deletedAt).not.toBeNull();
  });

  it('deletes for good with the permanent endpoint', async () => {
    const tag = await createTag('Temporary');
    expect((await call('DELETE', `/api/v1/tags/${tag.id}/permanent`)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/tags/${tag.id}`)).statusCode).toBe(404);
  });

  it('pages by cursor in name order, with q matching part of the name', async () => {
    for (const name of ['Zeta one', 'Zeta two', 'Zeta three']) await createTag(name);
    const first = (await call('GET', '/api/v1/tags?q=zeta&limit=2')).json();
    expect(first.data.map((tag: { name: string }) => tag.name)).toEqual(['Zeta one', 'Zeta three']);
    const second = (await call('GET', `/api/v1/tags?q=zeta&limit=2&cursor=${first.page.nextCursor}`)).json();
    expect(second.data.map((tag: { name: string }) => tag.name)).toEqual(['Zeta two']);
    expect(second.page.nextCursor).toBeNull();
  });

  it('names unknown filter fields and operators in a 422', async () => {
    const response = await call('GET', '/api/v1/tags?colour=red&name[between]=a');
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((error: { path: string }) => error.path).sort()).toEqual(['query.colour', 'query.name[between]']);
    const badSort = await call('GET', '/api/v1/tags?sort=-color');
    expect(badSort.statusCode).toBe(422);
    expect(badSort.json().errors[0]).toMatchObject({ path: 'query.sort' });
  });
});
