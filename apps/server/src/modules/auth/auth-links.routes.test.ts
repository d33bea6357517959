import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { bearer, linkToken, mailTo, refreshCookieOf, signUp, TEST_PASSWORD, waitForMail } from '../../../test/identity.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ worker: true });
});
afterAll(() => t.close());

const post = (url: string, payload?: object, token?: string) =>
  t.app.inject({ method: 'POST', url, ...(payload ? { payload } : {}), ...(token ? { headers: bearer(token) } : {}) });
const me = async (token: string) => (await t.app.inject({ url: '/api/v1/me', headers: bearer(token) })).json();

describe('email verification', () => {
  it('emails a link at sign-up that marks the address verified, once', async () => {
    const user = await signUp(t.app);
    expect((await me(user.accessToken)).user.emailVerified).toBe(false);
    const token = linkToken(await waitForMail(t.ctx, user.email, /verify|confirm/i), '/verify-email');
    expect((await post('/api/v1/auth/verify-email', { token })).statusCode).toBe(204);
    expect((await me(user.accessToken)).user.emailVerified).toBe(true);
    const again = await post('/api/v1/auth/verify-email', { token });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0].path).toBe('body.token');
  });

  it('sends a fresh link on request, which replaces the earlier one', async () => {
    const user = await signUp(t.app);
    const first = linkToken(await waitForMail(t.ctx, user.email, /verify|confirm/i), '/verify-email');
    expect((await post('/api/v1/auth/resend-verification', undefined, user.accessToken)).statusCode).toBe(202);
    const mailbox = () => mailTo(t.ctx, user.email);
    // The job runs on the worker: wait as long as waitForMail does, not expect.poll's one second.
    await expect.poll(async () => (await mailbox()).length, { timeout: 5_000 }).toBe(2);
    const second = linkToken((await mailbox())[0]!, '/verify-email');
    expect(second).not.toBe(first);
    expect((await post('/api/v1/auth/verify-email', { token: second })).statusCode).toBe(204);
    expect((await post('/api/v1/auth/verify-email', { token: first })).statusCode).toBe(422);
  });

  it('refuses forged and malformed tokens on the token field', async () => {
    for (const token of ['nonsense', '01920000-0000-7000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const response = await post('/api/v1/auth/verify-email', { token });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors[0].path).toBe('body.token');
    }
  });
});

describe('password reset', () => {
  it('answers 202 whether or not the account exists, mailing only real accounts', async () => {
    const user = await signUp(t.app);
    const queued = vi.spyOn(t.ctx.queue, 'enqueue');
    const known = await post('/api/v1/auth/forgot-password', { email: user.email });
    const unknown = await post('/api/v1/auth/forgot-password', { email: 'nobody-at-all@example.com' });
    expect([known.statusCode, known.body]).toEqual([202, unknown.body]);
    expect(unknown.statusCode).toBe(202);
    // What was queued, not what has arrived: a mail still waiting for its job cannot slip past.
    expect(queued.mock.calls.map(([name, payload]) => [name, (payload as { to: string }).to])).toEqual([['email.send', user.email]]);
    await waitForMail(t.ctx, user.email, /reset/i);
  });

  it('sets the new password once, ends every session, and proves the email', async () => {
    const user = await signUp(t.app);
    await post('/api/v1/auth/forgot-password', { email: user.email });
    const token = linkToken(await waitForMail(t.ctx, user.email, /reset/i), '/reset-password');
    const newPassword = 'a different long passphrase';
    expect((await post('/api/v1/auth/reset-password', { token, password: newPassword })).statusCode).toBe(204);

    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(user.accessToken) })).statusCode).toBe(401);
    const refreshed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', cookies: { spanner_refresh: user.refreshCookie } });
    expect(refreshed.statusCode).toBe(401);
    expect((await post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(401);
    const login = await post('/api/v1/auth/login', { email: user.email, password: newPassword });
    expect(login.statusCode).toBe(200);
    expect(refreshCookieOf(login)).toBeTruthy();
    expect(login.json().user.emailVerified).toBe(true);

    expect((await post('/api/v1/auth/reset-password', { token, password: 'yet another passphrase' })).statusCode).toBe(422);
  });

  it('refuses a common password without spending the link', async () => {
    const user = await signUp(t.app);
    await post('/api/v1/auth/forgot-password', { email: user.email });
    const token = linkToken(await waitForMail(t.ctx, user.email, /reset/i), '/reset-password');
    const weak = await post('/api/v1/auth/reset-password', { token, password: 'password123' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0].path).toBe('body.password');
    expect((await post('/api/v1/auth/reset-password', { token, password: 'a strong enough passphrase' })).statusCode).toBe(204);
  });
});

describe('rate limits', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({ env: { RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: '3', RATE_LIMIT_AUTH_PER_IP: '5' } });
  });
  afterAll(() => limited.close());

  const login = (email: string, ip: string) =>
    limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { email, password: 'wrong password here' } });

  it('answers 429 with Retry-After once an account has had its tries from new clients, whatever their address', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt++) statuses.push((await login('target@example.com', `10.0.0.${attempt + 1}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await login('target@example.com', '10.0.0.9');
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits one address across accounts', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt++) statuses.push((await login(`someone-${attempt}@example.com`, '10.1.0.1')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await login('someone-0@example.com', '10.1.0.2')).statusCode).toBe(401);
  });
});
