import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOwner, createTestApp, type TestApp } from '../../../test/app.js';
import { bearer, signUp, type SignedUp } from '../../../test/identity.js';

let t: TestApp;
let owner: SignedUp;
beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app);
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: bearer(owner.accessToken), payload });
  await post('/api/v1/companies', { name: 'Lovelace Analytics', domain: 'lovelace.example' });
  await post('/api/v1/contacts', { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@lovelace.example' });
  await post('/api/v1/contacts', { firstName: 'Charles', lastName: 'Babbage', email: 'charles@engine.example' });
  await post('/api/v1/deals', { name: 'Difference engine', amount: 1500 });
  const gone = await post('/api/v1/contacts', { firstName: 'Deleted', lastName: 'Lovelace' });
  await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${gone.json().id}`, headers: bearer(owner.accessToken) });
});
afterAll(() => t.close());

const search = async (q: string) => (await t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent(q)}`, headers: bearer(owner.accessToken) })).json();
const titles = (result: { data: { title: string }[] }) => result.data.map((hit) => hit.title);

describe('global search', () => {
  it('finds companies, contacts and deals by word prefix, with a subtitle, and never the trash', async () => {
    const result = await search('love');
    expect(titles(result).sort()).toEqual(['Ada Lovelace', 'Lovelace Analytics']);
    expect(result.data.find((hit: { type: string }) => hit.type === 'contact')).toMatchObject({ subtitle: 'ada@lovelace.example' });
    expect(await search('diff')).toMatchObject({ data: [{ type: 'deal', title: 'Difference engine', subtitle: 'USD 1,500.00' }] });
  });

  it('tolerates a typo', async () => {
    expect(titles(await search('Babage'))).toEqual(['Charles Babbage']);
  });

  it('ranks the closest match first', async () => {
    expect(titles(await search('ada lovelace'))[0]).toBe('Ada Lovelace');
  });

  it('follows a rename at once, and forgets a record deleted for good', async () => {
    const call = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: bearer(owner.accessToken), ...(payload ? { payload } : {}) });
    const company = (await call('POST', '/api/v1/companies', { name: 'Quasar Works' })).json();
    expect(titles(await search('quasar'))).toEqual(['Quasar Works']);
    expect((await call('PATCH', `/api/v1/companies/${company.id}`, { name: 'Pulsar Works' })).statusCode).toBe(200);
    expect(titles(await search('quasar'))).toEqual([]);
    expect(titles(await search('pulsar'))).toEqual(['Pulsar Works']);
    expect((await call('DELETE', `/api/v1/companies/${company.id}/permanent`)).statusCode).toBe(204);
    expect(titles(await search('pulsar'))).toEqual([]);
    const [terms] = await asOwner<{ count: number }>(t.ctx, sql`select count(*)::int as count from search_terms where record_id = ${company.id}`);
    expect(terms!.count).toBe(0);
  });

  it('shows another organization nothing', async () => {
    const other = await signUp(t.app, { organizationName: 'Nosy' });
    const response = await t.app.inject({ url: '/api/v1/search?q=love', headers: bearer(other.accessToken) });
    expect(response.json().data).toEqual([]);
  });

  it('asks for something to search for', async () => {
    const response = await t.app.inject({ url: '/api/v1/search?q=', headers: bearer(owner.accessToken) });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0]).toMatchObject({ path: 'query.q' });
  });
});
