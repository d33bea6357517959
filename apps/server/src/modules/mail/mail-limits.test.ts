import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { bearer, memberOf, signUp, waitForMail } from '../../../test/identity.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    worker: true,
    env: { RATE_LIMIT_INVITATIONS_PER_USER: '15', RATE_LIMIT_INVITATIONS_PER_ORGANIZATION: '20', RATE_LIMIT_VERIFICATION_MAILS_PER_USER: '3' },
  });
});
afterAll(() => t.close());

const post = (url: string, token: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) });

let sequence = 0;
const invite = (token: string) => post('/api/v1/invitations', token, { email: `stranger-${++sequence}@example.com`, role: 'viewer' });

function expectRateLimited(response: Awaited<ReturnType<typeof invite>>) {
  expect(response.statusCode).toBe(429);
  expect(response.headers['retry-after']).toMatch(/^[1-9]\d*$/);
}

describe('mail limits', () => {
  it('refuse the 16th invitation of a person, also through their key, and the 21st of an organization', async () => {
    const owner = await signUp(t.app);
    for (let count = 0; count < 15; count++) expect((await invite(owner.accessToken)).statusCode).toBe(201);
    expectRateLimited(await invite(owner.accessToken));

    const key = await post('/api/v1/api-keys', owner.accessToken, { name: 'Inviter', role: 'admin' });
    expectRateLimited(await invite(key.json().secret));

    const admin = await memberOf(t.app, t.ctx, owner.organization!.id, 'admin');
    for (let count = 0; count < 5; count++) expect((await invite(admin.token)).statusCode).toBe(201);
    expectRateLimited(await invite(admin.token));
  });

  it('send at most three verification mails an hour to a person', async () => {
    const user = await signUp(t.app);
    for (let count = 0; count < 3; count++) expect((await post('/api/v1/auth/resend-verification', user.accessToken)).statusCode).toBe(202);
    expectRateLimited(await post('/api/v1/auth/resend-verification', user.accessToken));
  });

  it('cut long names of inviters and organizations in the subject and the body', async () => {
    const longName = `Mallory ${'Visit evil.example.com now '.repeat(4)}`.trim().slice(0, 120);
    const owner = await signUp(t.app, { name: longName, organizationName: longName });
    const email = 'long-names@example.com';
    expect((await post('/api/v1/invitations', owner.accessToken, { email, role: 'member' })).statusCode).toBe(201);

    const mail = await waitForMail(t.ctx, email, /invited you/);
    const cut = `${longName.slice(0, 59).trimEnd()}…`;
    expect(mail.subject).toBe(`${cut} invited you to ${cut} on Spanner CRM`);
    expect(mail.text).toContain(`${cut} invited you to join ${cut} on Spanner CRM`);
    expect(mail.text).not.toContain(longName);
  });
});
