import { apiKeySchema, createdApiKeySchema } from '@spanner/contracts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { bearer, memberOf, signUp, type SignedUp } from '../../../test/identity.js';

let t: TestApp;
let owner: SignedUp;
beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

async function createKey(payload: object = { name: 'Sync', role: 'member' }, token = owner.accessToken) {
  const response = await call('POST', '/api/v1/api-keys', token, payload);
  expect(response.statusCode).toBe(201);
  return createdApiKeySchema.parse(response.json());
}

describe('API keys', () => {
  it('shows the secret once at creation, and only its prefix afterwards', async () => {
    const key = await createKey({ name: 'Zapier', role: 'viewer' });
    expect(key.secret).toMatch(/^spk_[\w-]{43}$/);
    expect(key.secret.startsWith(key.prefix)).toBe(true);
    expect(key).toMatchObject({ name: 'Zapier', role: 'viewer', createdBy: owner.user.id, createdByName: 'Ada Lovelace', effectiveRole: 'viewer', lastUsedAt: null, expiresAt: null });
    const listed = await call('GET', '/api/v1/api-keys', owner.accessToken);
    const row = listed.json().data.find((candidate: { id: string }) => candidate.id === key.id);
    expect(apiKeySchema.strict().parse(row)).toMatchObject({ prefix: key.prefix });
    expect(listed.body).not.toContain(key.secret);
  });

  it('authenticates as the key with its role, and records when it was last used', async () => {
    const key = await createKey({ name: 'Reader', role: 'viewer' });
    const members = await call('GET', `/api/v1/organizations/${owner.organization!.id}/members`, key.secret);
    expect(members.statusCode).toBe(200);
    expect((await call('GET', '/api/v1/api-keys', key.secret)).statusCode).toBe(403);
    const listed = (await call('GET', '/api/v1/api-keys', owner.accessToken)).json().data;
    expect(listed.find((candidate: { id: string }) => candidate.id === key.id).lastUsedAt).not.toBeNull();
  });

  it('keeps keys out of the routes that are for people', async () => {
    const key = await createKey({ name: 'Admin key', role: 'admin' });
    for (const url of ['/api/v1/me', '/api/v1/organizations']) {
      expect((await call('GET', url, key.secret)).statusCode).toBe(403);
    }
  });

  it('stops working once revoked, and a revoked key cannot be revoked again', async () => {
    const key = await createKey();
    expect((await call('DELETE', `/api/v1/api-keys/${key.id}`, owner.accessToken)).statusCode).toBe(204);
    const refused = await call('GET', `/api/v1/organizations/${owner.organization!.id}`, key.secret);
    expect(refused.statusCode).toBe(401);
    expect((await call('DELETE', `/api/v1/api-keys/${key.id}`, owner.accessToken)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/api-keys', owner.accessToken)).json().data.map((row: { id: string }) => row.id)).not.toContain(key.id);
  });

  it('refuses unknown and expired keys with 401', async () => {
    expect((await call('GET', '/api/v1/api-keys', 'spk_not-a-real-key-at-all')).statusCode).toBe(401);
    const expiresAt = new Date(Date.now() + 60 * 60_000);
    const key = await createKey({ name: 'Short-lived', role: 'admin', expiresAt: expiresAt.toISOString() });
    // The clock is moved, not waited for: the answer depends on the expiry alone, never on timing.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(expiresAt.getTime() - 1_000);
      expect((await call('GET', '/api/v1/api-keys', key.secret)).statusCode).toBe(200);
      vi.setSystemTime(expiresAt);
      expect((await call('GET', '/api/v1/api-keys', key.secret)).statusCode).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses an expiry in the past, naming the field', async () => {
    const response = await call('POST', '/api/v1/api-keys', owner.accessToken, { name: 'Old', role: 'member', expiresAt: '2020-01-01T00:00:00Z' });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((error: { path: string }) => error.path)).toEqual(['body.expiresAt']);
  });

  it('lets nobody create a key above their own role', async () => {
    const admin = await memberOf(t.app, t.ctx, owner.organization!.id, 'admin');
    expect((await call('POST', '/api/v1/api-keys', admin.token, { name: 'Escalate', role: 'owner' })).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/api-keys', admin.token, { name: 'Peer', role: 'admin' })).statusCode).toBe(201);
  });

  it("attributes a key's writes to the key in the audit log", async () => {
    const key = await createKey({ name: 'Writer', role: 'admin' });
    const invited = await call('POST', '/api/v1/invitations', key.secret, { email: 'via-key@example.com', role: 'viewer' });
    expect(invited.statusCode).toBe(201);
    const log = await call('GET', `/api/v1/audit-log?tableName=invitations&rowId=${invited.json().id}`, owner.accessToken);
    expect(log.json().data[0]).toMatchObject({ action: 'insert', actor: { type: 'apiKey', id: key.id, name: 'Writer' } });
    expect(log.json().data[0].requestId).toBe(invited.headers['x-request-id']);
  });
});

describe('API keys and the person they act for', () => {
  const members = (path = '') => `/api/v1/organizations/${owner.organization!.id}/members${path}`;
  const listed = async (id: string) => (await call('GET', '/api/v1/api-keys', owner.accessToken)).json().data.find((row: { id: string }) => row.id === id);

  it("stop a removed admin's key at once: it reads no records, makes no admin key and invites no admin", async () => {
    const admin = await memberOf(t.app, t.ctx, owner.organization!.id, 'admin');
    const key = await createKey({ name: 'Admin sync', role: 'admin' }, admin.token);
    expect((await call('GET', '/api/v1/contacts', key.secret)).statusCode).toBe(200);

    expect((await call('DELETE', members(`/${admin.user.id}`), owner.accessToken)).statusCode).toBe(204);

    const refusals = [
      await call('GET', '/api/v1/contacts', key.secret),
      await call('POST', '/api/v1/api-keys', key.secret, { name: 'Backdoor', role: 'admin' }),
      await call('POST', '/api/v1/invitations', key.secret, { email: 'new-admin@example.com', role: 'admin' }),
    ];
    for (const refused of refusals) {
      expect(refused.statusCode).toBe(403);
      expect(refused.json().detail).toMatch(/no longer a member of the organization/);
    }
    expect(await listed(key.id)).toMatchObject({ role: 'admin', createdBy: admin.user.id, effectiveRole: null });
  });

  it("act with no more than the creator's role from the moment they are demoted", async () => {
    const admin = await memberOf(t.app, t.ctx, owner.organization!.id, 'admin');
    const key = await createKey({ name: 'Demoted sync', role: 'admin' }, admin.token);
    expect((await call('GET', '/api/v1/api-keys', key.secret)).statusCode).toBe(200);

    expect((await call('PATCH', members(`/${admin.user.id}`), owner.accessToken, { role: 'viewer' })).statusCode).toBe(200);

    expect((await call('GET', '/api/v1/api-keys', key.secret)).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/contacts', key.secret, { firstName: 'Not', lastName: 'Allowed' })).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/contacts', key.secret)).statusCode).toBe(200);
    expect(await listed(key.id)).toMatchObject({ role: 'admin', effectiveRole: 'viewer' });
  });

  it('records the person behind a key that creates a key, so the new key stops with them', async () => {
    const admin = await memberOf(t.app, t.ctx, owner.organization!.id, 'admin');
    const parent = await createKey({ name: 'Parent', role: 'admin' }, admin.token);
    const child = await createKey({ name: 'Child', role: 'member' }, parent.secret);
    expect(child).toMatchObject({ createdBy: admin.user.id, createdByName: 'Ada Lovelace', effectiveRole: 'member' });

    expect((await call('DELETE', members(`/${admin.user.id}`), owner.accessToken)).statusCode).toBe(204);
    expect((await call('GET', '/api/v1/contacts', child.secret)).statusCode).toBe(403);
  });

  it("let an admin take over a key whose creator left, up to the admin's own role", async () => {
    const leaver = await memberOf(t.app, t.ctx, owner.organization!.id, 'admin');
    const adminKey = await createKey({ name: 'Admin left behind', role: 'admin' }, leaver.token);
    const ownerLevel = await memberOf(t.app, t.ctx, owner.organization!.id, 'owner');
    const ownerKey = await createKey({ name: 'Owner left behind', role: 'owner' }, ownerLevel.token);
    const successor = await memberOf(t.app, t.ctx, owner.organization!.id, 'admin');
    expect((await call('DELETE', members(`/${leaver.user.id}`), owner.accessToken)).statusCode).toBe(204);
    expect((await call('DELETE', members(`/${ownerLevel.user.id}`), owner.accessToken)).statusCode).toBe(204);

    const taken = await call('POST', `/api/v1/api-keys/${adminKey.id}/reassign`, successor.token);
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toMatchObject({ id: adminKey.id, createdBy: successor.user.id, effectiveRole: 'admin' });
    expect((await call('GET', '/api/v1/contacts', adminKey.secret)).statusCode).toBe(200);

    const tooHigh = await call('POST', `/api/v1/api-keys/${ownerKey.id}/reassign`, successor.token);
    expect(tooHigh.statusCode).toBe(403);
    expect(tooHigh.json().detail).toMatch(/cannot take over a key with the owner role/);
    expect((await call('POST', `/api/v1/api-keys/${ownerKey.id}/reassign`, adminKey.secret)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/v1/api-keys/${ownerKey.id}`, successor.token)).statusCode).toBe(204);
    expect((await call('POST', `/api/v1/api-keys/${ownerKey.id}/reassign`, successor.token)).statusCode).toBe(404);
  });
});
