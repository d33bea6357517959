import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOwner, createTestApp, type TestApp } from '../../../test/app.js';
import { bearer, signUp, type SignedUp } from '../../../test/identity.js';
import { DEMO_SIZES } from './sample-set.js';

let t: TestApp;
let owner: SignedUp;
beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST', url: string) => t.app.inject({ method, url, headers: bearer(owner.accessToken) });

describe('sample data', () => {
  it('fills an empty organization with linked companies, contacts, deals across stages, tasks and notes', async () => {
    const response = await call('POST', '/api/v1/sample-data');
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual(DEMO_SIZES);
    const contact = (await call('GET', '/api/v1/contacts?limit=1')).json().data[0];
    expect((await call('GET', `/api/v1/contacts/${contact.id}/companies`)).json().data.length).toBeGreaterThan(0);
    const pipeline = (await call('GET', '/api/v1/pipelines')).json().data[0];
    const summary = (await call('GET', `/api/v1/pipelines/${pipeline.id}/summary`)).json();
    const stagesWithDeals = summary.stages.filter((stage: { count: number }) => stage.count > 0);
    expect(stagesWithDeals.length).toBeGreaterThanOrEqual(4);
    expect((await call('GET', `/api/v1/audit-log?tableName=companies&limit=1`)).json().data[0].actor).toMatchObject({ id: owner.user.id });
  });

  it('refuses to mix sample records into an organization that has its own', async () => {
    const other = await signUp(t.app, { organizationName: 'Has its own' });
    const own = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: bearer(other.accessToken), payload: { lastName: 'Our only contact' } });
    expect(own.statusCode).toBe(201);
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/sample-data', headers: bearer(other.accessToken) });
    expect(response.statusCode).toBe(409);
    const [counts] = await asOwner<{ contacts: number; companies: number }>(
      t.ctx,
      sql`select (select count(*)::int from contacts where org_id = ${other.organization!.id}) as contacts, (select count(*)::int from companies where org_id = ${other.organization!.id}) as companies`,
    );
    expect(counts).toEqual({ contacts: 1, companies: 0 });
  });
});
