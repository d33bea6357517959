import { auditLogPageSchema } from '@spanner/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { bearer, memberOf, signUp, type SignedUp } from '../../../test/identity.js';

let t: TestApp;
let owner: SignedUp;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app, { organizationName: 'Audited' });
  orgId = owner.organization!.id;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'PATCH' | 'POST', url: string, token = owner.accessToken, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
const audit = async (query: string, token = owner.accessToken) => {
  const response = await call('GET', `/api/v1/audit-log${query}`, token);
  expect(response.statusCode).toBe(200);
  return auditLogPageSchema.parse(response.json());
};

describe('the audit log', () => {
  it('records a write with its actor, the changed fields before and after, and the request id', async () => {
    const renamed = await call('PATCH', `/api/v1/organizations/${orgId}`, owner.accessToken, { name: 'Audited Ltd' });
    const page = await audit(`?tableName=organizations&rowId=${orgId}&action=update`);
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({
      tableName: 'organizations',
      rowId: orgId,
      action: 'update',
      actor: { type: 'user', id: owner.user.id, name: owner.user.name },
      changes: { name: { old: 'Audited', new: 'Audited Ltd' } },
      requestId: renamed.headers['x-request-id'],
    });
  });

  it('records the creation of the organization and its first membership at sign-up', async () => {
    const page = await audit('?action=insert');
    expect(page.data.map((entry) => `${entry.tableName}:${entry.rowId}`)).toEqual(expect.arrayContaining([`organizations:${orgId}`, `memberships:${owner.user.id}`]));
  });

  it('keeps secrets out: no hash of an API key or invitation token appears', async () => {
    await call('POST', '/api/v1/api-keys', owner.accessToken, { name: 'Hidden', role: 'viewer' });
    await call('POST', '/api/v1/invitations', owner.accessToken, { email: 'secret-check@example.com', role: 'viewer' });
    const page = await audit('?action=insert&limit=200');
    const inserted = page.data.filter((entry) => ['api_keys', 'invitations'].includes(entry.tableName));
    expect(inserted).toHaveLength(2);
    for (const entry of inserted) expect(Object.keys(entry.changes).filter((field) => field.endsWith('_hash'))).toEqual([]);
  });

  it('filters by actor and pages newest first by cursor without repeats', async () => {
    const admin = await memberOf(t.app, t.ctx, orgId, 'admin');
    for (const name of ['One', 'Two', 'Three']) await call('POST', '/api/v1/api-keys', admin.token, { name, role: 'viewer' });
    const first = await audit(`?actorId=${admin.user.id}&limit=2`);
    expect(first.data.map((entry) => entry.changes.name?.new)).toEqual(['Three', 'Two']);
    expect(first.page.nextCursor).toBeTruthy();
    const second = await audit(`?actorId=${admin.user.id}&limit=2&cursor=${first.page.nextCursor}`);
    expect(second.data.map((entry) => entry.changes.name?.new)).toEqual(['One']);
    expect(second.page.nextCursor).toBeNull();
  });

  it('filters by time range', async () => {
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await audit(`?from=${encodeURIComponent(future)}`)).data).toEqual([]);
    expect((await audit(`?to=${encodeURIComponent(future)}&limit=1`)).data).toHaveLength(1);
  });

  it('refuses unknown filters and foreign cursors, naming the field', async () => {
    for (const [query, path] of [
      ['?colour=red', 'query.colour'],
      ['?action=truncate', 'query.action'],
      ['?cursor=bm9wZQ', 'query.cursor'],
    ] as const) {
      const response = await call('GET', `/api/v1/audit-log${query}`);
      expect(response.statusCode).toBe(422);
      expect(response.json().errors[0].path).toBe(path);
    }
  });

  it('is for admins and owners only', async () => {
    const member = await memberOf(t.app, t.ctx, orgId, 'member');
    expect((await call('GET', '/api/v1/audit-log', member.token)).statusCode).toBe(403);
  });
});
