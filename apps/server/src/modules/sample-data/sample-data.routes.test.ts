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
    const response = await call('POST', '/api/v1/sample-data');
    expect(response.statusCode).toBe(409);
    const [count] = await asOwner<{ count: number }>(t.ctx, sql`select count(*)::int as count from companies where org_id = ${owner.organization!.id}`);
    expect(count!.count).toBe(DEMO_SIZES.companies);
  });
});
