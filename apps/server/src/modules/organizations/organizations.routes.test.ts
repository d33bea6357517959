import type { Role } from '@spanner/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { bearer, memberOf, signUp, type SignedUp } from '../../../test/identity.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

describe('organizations of a user', () => {
  it('lists, creates and switches between them', async () => {
    const owner = await signUp(t.app, { organizationName: 'First' });
    const created = await call('POST', '/api/v1/organizations', owner.accessToken, { name: 'Second' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Second', role: 'owner' });

    const list = await call('GET', '/api/v1/organizations', owner.accessToken);
    expect(list.json().data.map((organization: { name: string }) => organization.name)).toEqual(['First', 'Second']);

    const switched = await call('POST', '/api/v1/auth/switch-organization', owner.accessToken, { organizationId: created.json().id });
    expect(switched.statusCode).toBe(200);
    const me = await call('GET', '/api/v1/me', switched.json().accessToken);
    expect(me.json().organization.name).toBe('Second');

    const refreshed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', cookies: { spanner_refresh: owner.refreshCookie } });
    expect(refreshed.json().organization.name).toBe('Second');
  });

  it('cannot switch into an organization the user does not belong to', async () => {
    const owner = await signUp(t.app);
    const stranger = await signUp(t.app);
    const response = await call('POST', '/api/v1/auth/switch-organization', stranger.accessToken, { organizationId: owner.organization!.id });
    expect(response.statusCode).toBe(404);
  });

  it("answers another organization's id with 404 and none of its data", async () => {
    const owner = await signUp(t.app, { organizationName: 'Secret Org Name' });
    const stranger = await signUp(t.app);
    for (const [method, url] of [
      ['GET', `/api/v1/organizations/${owner.organization!.id}`],
      ['PATCH', `/api/v1/organizations/${owner.organization!.id}`],
      ['DELETE', `/api/v1/organizations/${owner.organization!.id}`],
      ['GET', `/api/v1/organizations/${owner.organization!.id}/members`],
      ['DELETE', `/api/v1/organizations/${owner.organization!.id}/members/${owner.user.id}`],
    ] as const) {
      const response = await call(method, url, stranger.accessToken, method === 'PATCH' ? { name: 'Hijacked' } : undefined);
      expect({ method, url, status: response.statusCode }).toEqual({ method, url, status: 404 });
      expect(response.body).not.toContain('Secret Org Name');
    }
    expect((await call('GET', `/api/v1/organizations/${owner.organization!.id}`, owner.accessToken)).json().name).toBe('Secret Org Name');
  });
});

describe('roles', () => {
  let owner: SignedUp;
  const as: Partial<Record<Role, string>> = {};
  beforeAll(async () => {
    owner = await signUp(t.app);
    as.owner = owner.accessToken;
    for (const role of ['admin', 'member', 'viewer'] as const) as[role] = (await memberOf(t.app, t.ctx, owner.organization!.id, role)).token;
  });

  const orgUrl = () => `/api/v1/organizations/${owner.organization!.id}`;

  it.each([
    ['owner', 200],
    ['admin', 403],
    ['member', 403],
    ['viewer', 403],
  ] as const)('lets %s rename the organization: %i', async (role, status) => {
    expect((await call('PATCH', orgUrl(), as[role]!, { name: `Renamed by ${role}` })).statusCode).toBe(status);
  });

  it.each([
    ['owner', 200],
    ['admin', 200],
    ['member', 200],
    ['viewer', 200],
  ] as const)('lets %s list members: %i', async (role, status) => {
    const response = await call('GET', `${orgUrl()}/members`, as[role]!);
    expect(response.statusCode).toBe(status);
    expect(response.json().data).toHaveLength(4);
  });

  it.each([
    ['admin', 200],
    ['member', 403],
    ['viewer', 403],
  ] as const)("lets %s change another member's role: %i", async (role, status) => {
    const target = await memberOf(t.app, t.ctx, owner.organization!.id, 'member');
    const response = await call('PATCH', `${orgUrl()}/members/${target.user.id}`, as[role]!, { role: 'viewer' });
    expect(response.statusCode).toBe(status);
  });
});

describe('membership rules', () => {
  it('takes effect at once: a lowered role is enforced on the next request', async () => {
    const owner = await signUp(t.app);
    const admin = await memberOf(t.app, t.ctx, owner.organization!.id, 'admin');
    const target = await memberOf(t.app, t.ctx, owner.organization!.id, 'viewer');
    const url = `/api/v1/organizations/${owner.organization!.id}/members/${target.user.id}`;
    expect((await call('PATCH', url, admin.token, { role: 'member' })).statusCode).toBe(200);
    await call('PATCH', `/api/v1/organizations/${owner.organization!.id}/members/${admin.user.id}`, owner.accessToken, { role: 'viewer' });
    expect((await call('PATCH', url, admin.token, { role: 'viewer' })).statusCode).toBe(403);
  });

  it('lets only owners make owners', async () => {
    const owner = await signUp(t.app);
    const admin = await memberOf(t.app, t.ctx, owner.organization!.id, 'admin');
    const target = await memberOf(t.app, t.ctx, owner.organization!.id, 'member');
    const url = `/api/v1/organizations/${owner.organization!.id}/members/${target.user.id}`;
    expect((await call('PATCH', url, admin.token, { role: 'owner' })).statusCode).toBe(403);
    const promoted = await call('PATCH', url, owner.accessToken, { role: 'owner' });
    expect(promoted.json()).toMatchObject({ userId: target.user.id, role: 'owner' });
  });

  it('keeps the last owner: no demotion, no leaving; with a second owner both work', async () => {
    const owner = await signUp(t.app);
    const self = `/api/v1/organizations/${owner.organization!.id}/members/${owner.user.id}`;
    expect((await call('PATCH', self, owner.accessToken, { role: 'admin' })).statusCode).toBe(409);
    expect((await call('POST', `/api/v1/organizations/${owner.organization!.id}/leave`, owner.accessToken)).statusCode).toBe(409);

    const second = await memberOf(t.app, t.ctx, owner.organization!.id, 'member');
    await call('PATCH', `/api/v1/organizations/${owner.organization!.id}/members/${second.user.id}`, owner.accessToken, { role: 'owner' });
    expect((await call('PATCH', self, owner.accessToken, { role: 'admin' })).statusCode).toBe(200);
  });

  it('removes a member, whose next request is refused', async () => {
    const owner = await signUp(t.app);
    const member = await memberOf(t.app, t.ctx, owner.organization!.id, 'member');
    const removed = await call('DELETE', `/api/v1/organizations/${owner.organization!.id}/members/${member.user.id}`, owner.accessToken);
    expect(removed.statusCode).toBe(204);
    expect((await call('GET', `/api/v1/organizations/${owner.organization!.id}/members`, member.token)).statusCode).toBe(403);
  });

  it('lets only an owner remove an owner, and keeps the last one', async () => {
    const owner = await signUp(t.app);
    const coOwner = await memberOf(t.app, t.ctx, owner.organization!.id, 'owner');
    const admin = await memberOf(t.app, t.ctx, owner.organization!.id, 'admin');
    const base = `/api/v1/organizations/${owner.organization!.id}/members`;
    const refused = await call('DELETE', `${base}/${coOwner.user.id}`, admin.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('Only an owner can remove an owner.');
    expect((await call('GET', base, owner.accessToken)).json().data.map((row: { userId: string }) => row.userId)).toContain(coOwner.user.id);
    expect((await call('DELETE', `${base}/${coOwner.user.id}`, owner.accessToken)).statusCode).toBe(204);
    expect((await call('DELETE', `${base}/${owner.user.id}`, owner.accessToken)).statusCode).toBe(409);
    expect((await call('DELETE', `${base}/${admin.user.id}`, owner.accessToken)).statusCode).toBe(204);
    expect((await call('DELETE', `${base}/${admin.user.id}`, owner.accessToken)).statusCode).toBe(404);
  });

  it('lets a member leave, but not remove others', async () => {
    const owner = await signUp(t.app);
    const member = await memberOf(t.app, t.ctx, owner.organization!.id, 'member');
    const base = `/api/v1/organizations/${owner.organization!.id}/members`;
    expect((await call('DELETE', `${base}/${owner.user.id}`, member.token)).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/organizations/${owner.organization!.id}/leave`, member.token)).statusCode).toBe(204);
    expect((await call('GET', base, owner.accessToken)).json().data.map((row: { userId: string }) => row.userId)).toEqual([owner.user.id]);
  });

  it('deletes an organization with its memberships (owner only)', async () => {
    const owner = await signUp(t.app);
    const admin = await memberOf(t.app, t.ctx, owner.organization!.id, 'admin');
    const url = `/api/v1/organizations/${owner.organization!.id}`;
    expect((await call('DELETE', url, admin.token)).statusCode).toBe(403);
    expect((await call('DELETE', url, owner.accessToken)).statusCode).toBe(204);
    expect((await call('GET', url, owner.accessToken)).statusCode).toBe(403);
    // Still signed in, outside any organization: the profile and the organization list work.
    const me = await call('GET', '/api/v1/me', admin.token);
    expect(me.json().organization).toBeNull();
    expect(me.json().organizations.map((organization: { id: string }) => organization.id)).not.toContain(owner.organization!.id);
    expect((await call('GET', '/api/v1/organizations', owner.accessToken)).json().data).toEqual([]);
  });
});
