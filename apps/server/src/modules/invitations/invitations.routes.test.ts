import { invitationPreviewSchema, invitationSchema, sessionResponseSchema } from '@spanner/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOwner, createTestApp, type TestApp } from '../../../test/app.js';
import { bearer, linkToken, memberOf, signUp, TEST_PASSWORD, waitForMail, type SignedUp } from '../../../test/identity.js';

let t: TestApp;
let owner: SignedUp;
beforeAll(async () => {
  t = await createTestApp({ worker: true });
  owner = await signUp(t.app, { name: 'Ada Lovelace', organizationName: 'Analytical Engines' });
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url, ...(token ? { headers: bearer(token) } : {}), ...(payload ? { payload } : {}) });

let sequence = 0;
/** Invites a new address and returns the invitation with the token from its email. */
async function invite(role = 'member', email = `invitee-${++sequence}-${Date.now()}@example.com`) {
  const response = await call('POST', '/api/v1/invitations', owner.accessToken, { email, role });
  expect(response.statusCode).toBe(201);
  const mail = await waitForMail(t.ctx, email, /invit/i);
  return { invitation: invitationSchema.parse(response.json()), token: linkToken(mail, '/accept-invitation'), mail };
}

describe('invitations', () => {
  it('emails a link naming the organization, the inviter and the role', async () => {
    const { invitation, mail } = await invite('admin');
    expect(invitation).toMatchObject({ role: 'admin', status: 'pending', invitedByName: 'Ada Lovelace' });
    expect(mail.text).toContain('Analytical Engines');
    expect(mail.text).toContain('Ada Lovelace');
    const listed = await call('GET', '/api/v1/invitations', owner.accessToken);
    expect(listed.json().data.map((row: { id: string }) => row.id)).toContain(invitation.id);
  });

  it('previews the link without signing in, and says whether the address has an account', async () => {
    const { token, invitation } = await invite();
    const preview = await call('GET', `/api/v1/invitations/preview?token=${encodeURIComponent(token)}`);
    expect(invitationPreviewSchema.parse(preview.json())).toMatchObject({ organizationName: 'Analytical Engines', email: invitation.email, role: 'member', hasAccount: false });
    expect((await call('GET', '/api/v1/invitations/preview?token=forged')).statusCode).toBe(404);
  });

  it('signs a new person up through the link: they join as invited, with the email proven', async () => {
    const { token, invitation } = await invite('viewer');
    const response = await call('POST', '/api/v1/auth/signup', undefined, { email: invitation.email, password: TEST_PASSWORD, name: 'Grace', invitationToken: token });
    expect(response.statusCode).toBe(201);
    const session = sessionResponseSchema.parse(response.json());
    expect(session.organization).toEqual({ id: owner.organization!.id, name: 'Analytical Engines', role: 'viewer' });
    expect(session.user.emailVerified).toBe(true);
    expect((await call('GET', '/api/v1/organizations', session.accessToken)).json().data).toHaveLength(1);
    // Used up: the link works once.
    expect((await call('GET', `/api/v1/invitations/preview?token=${encodeURIComponent(token)}`)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/invitations', owner.accessToken)).json().data.map((row: { id: string }) => row.id)).not.toContain(invitation.id);
  });

  it('refuses sign-up through the link with another address, creating nothing', async () => {
    const { token } = await invite();
    const response = await call('POST', '/api/v1/auth/signup', undefined, { email: 'someone-else@example.com', password: TEST_PASSWORD, name: 'Mallory', invitationToken: token });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'body.email', message: 'is not the address this invitation was sent to' }]);
    const [users] = await asOwner<{ count: number }>(t.ctx, sql`select count(*)::int as count from users where email = 'someone-else@example.com'`);
    expect(users!.count).toBe(0);
  });

  it('lets a signed-in person with the invited address accept, acting in the organization afterwards', async () => {
    const person = await signUp(t.app);
    const { token } = await invite('member', person.email);
    const accepted = await call('POST', '/api/v1/invitations/accept', person.accessToken, { token });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().organization).toEqual({ id: owner.organization!.id, name: 'Analytical Engines', role: 'member' });
    const members = await call('GET', `/api/v1/organizations/${owner.organization!.id}/members`, accepted.json().accessToken);
    expect(members.json().data.map((row: { userId: string }) => row.userId)).toContain(person.user.id);
  });

  it('refuses to let someone else accept with a forwarded link', async () => {
    const { token } = await invite();
    const stranger = await signUp(t.app);
    expect((await call('POST', '/api/v1/invitations/accept', stranger.accessToken, { token })).statusCode).toBe(403);
  });

  it('replaces the earlier link when the same address is invited again, and revoking ends it', async () => {
    const first = await invite('member', 'twice@example.com');
    const second = await invite('admin', 'twice@example.com');
    expect((await call('GET', `/api/v1/invitations/preview?token=${encodeURIComponent(first.token)}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/invitations/${second.invitation.id}`, owner.accessToken)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/invitations/preview?token=${encodeURIComponent(second.token)}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/invitations/${second.invitation.id}`, owner.accessToken)).statusCode).toBe(404);
  });

  it('refuses to invite someone who is already a member', async () => {
    const response = await call('POST', '/api/v1/invitations', owner.accessToken, { email: owner.email, role: 'member' });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors).toEqual([{ path: 'body.email', message: 'is already a member' }]);
  });

  it('lets only owners invite owners', async () => {
    const admin = await memberOf(t.app, t.ctx, owner.organization!.id, 'admin');
    expect((await call('POST', '/api/v1/invitations', admin.token, { email: 'boss@example.com', role: 'owner' })).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/invitations', admin.token, { email: 'peer@example.com', role: 'admin' })).statusCode).toBe(201);
  });

  it('shows an expired invitation as expired, and its link no longer works', async () => {
    const { invitation, token } = await invite();
    await asOwner(t.ctx, sql`update invitations set expires_at = now() - interval '1 minute' where id = ${invitation.id}`);
    const listed = (await call('GET', '/api/v1/invitations', owner.accessToken)).json().data;
    expect(listed.find((row: { id: string }) => row.id === invitation.id).status).toBe('expired');
    expect((await call('GET', `/api/v1/invitations/preview?token=${encodeURIComponent(token)}`)).statusCode).toBe(404);
  });
});
