import { problemTypes, sessionResponseSchema } from '@spanner/contracts';
import { sql } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOwner, createTestApp, type TestApp } from '../../../test/app.js';
import { bearer, refreshCookieOf, signUp, TEST_PASSWORD } from '../../../test/identity.js';
import { accessTokenKey } from './tokens.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (url: string, payload?: object, cookie?: string) =>
  t.app.inject({ method: 'POST', url, ...(payload ? { payload } : {}), ...(cookie ? { cookies: { spanner_refresh: cookie } } : {}) });

describe('signup', () => {
  it('creates the user, an organization they own, and a session', async () => {
    const response = await post('/api/v1/auth/signup', {
      email: '  Grace.Hopper@Example.com ',
      password: TEST_PASSWORD,
      name: 'Grace Hopper',
      organizationName: 'Navy Labs',
    });
    expect(response.statusCode).toBe(201);
    const body = sessionResponseSchema.parse(response.json());
    expect(body.user).toMatchObject({ email: 'grace.hopper@example.com', name: 'Grace Hopper', emailVerified: false });
    expect(body.organization).toMatchObject({ name: 'Navy Labs', role: 'owner' });
    expect(body.expiresIn).toBe(15 * 60);
    const me = await t.app.inject({ url: '/api/v1/me', headers: bearer(body.accessToken) });
    expect(me.json().organizations).toEqual([body.organization]);
  });

  it('sets the refresh cookie HttpOnly, SameSite=Strict and scoped to the auth endpoints', async () => {
    const response = await post('/api/v1/auth/signup', { email: 'cookie@example.com', password: TEST_PASSWORD, name: 'C', organizationName: 'O' });
    const cookie = response.cookies.find((candidate) => candidate.name === 'spanner_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth', maxAge: 7 * 24 * 3600 });
    expect(cookie?.secure).toBeFalsy();
  });

  it('refuses an email that is already registered, whatever its case', async () => {
    const first = await signUp(t.app);
    const response = await post('/api/v1/auth/signup', { email: first.email.toUpperCase(), password: TEST_PASSWORD, name: 'Again', organizationName: 'Again' });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors).toEqual([{ path: 'body.email', message: 'is already registered' }]);
  });

  it('refuses short and common passwords on the password field', async () => {
    for (const password of ['short', 'password123', 'QWERTYUIOP']) {
      const response = await post('/api/v1/auth/signup', { email: 'weak@example.com', password, name: 'W', organizationName: 'W' });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors.map((error: { path: string }) => error.path)).toEqual(['body.password']);
    }
    expect((await post('/api/v1/auth/login', { email: 'weak@example.com', password: 'password123' })).statusCode).toBe(401);
  });
});

describe('login', () => {
  it('signs in with the right password', async () => {
    const user = await signUp(t.app);
    const response = await post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json().organization).toEqual(user.organization);
    expect(refreshCookieOf(response)).toBeTruthy();
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const user = await signUp(t.app);
    const wrongPassword = await post('/api/v1/auth/login', { email: user.email, password: 'not the password at all' });
    const unknownEmail = await post('/api/v1/auth/login', { email: 'nobody-here@example.com', password: 'not the password at all' });
    const comparable = (response: typeof wrongPassword) => {
      const { requestId: _requestId, ...rest } = response.json();
      return { status: response.statusCode, body: rest, cookie: refreshCookieOf(response) };
    };
    expect(comparable(wrongPassword)).toEqual(comparable(unknownEmail));
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json().type).toBe(problemTypes.unauthorized);
  });
});

describe('access tokens', () => {
  it('are required: no token, a tampered one, alg none and an expired one all get 401', async () => {
    const user = await signUp(t.app);
    const [header, payload, signature] = user.accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, sub: '00000000-0000-7000-8000-000000000000' })).toString('base64url');
    const noneHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const expired = await new SignJWT({ org: claims.org, sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer('spanner-crm')
      .setAudience('spanner-crm:api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(accessTokenKey(t.ctx.config.secretKey!));
    const candidates: Record<string, Record<string, string>> = {
      missing: {},
      tampered: bearer(`${header}.${forgedPayload}.${signature}`),
      algNone: bearer(`${noneHeader}.${payload}.`),
      expired: bearer(expired),
      garbage: bearer('not-a-token'),
    };
    for (const [name, headers] of Object.entries(candidates)) {
      const response = await t.app.inject({ url: '/api/v1/me', headers });
      expect({ name, status: response.statusCode }).toEqual({ name, status: 401 });
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(user.accessToken) })).statusCode).toBe(200);
  });

  it('are refused without an expiry, even when signed with our key', async () => {
    const user = await signUp(t.app);
    const claims = JSON.parse(Buffer.from(user.accessToken.split('.')[1]!, 'base64url').toString());
    const endless = await new SignJWT({ org: claims.org, sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer('spanner-crm')
      .setAudience('spanner-crm:api')
      .setIssuedAt()
      .sign(accessTokenKey(t.ctx.config.secretKey!));
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(endless) })).statusCode).toBe(401);
  });

  it('lose the organization of a removed member at once: organization routes 403, profile outside it', async () => {
    const user = await signUp(t.app);
    await asOwner(t.ctx, sql`delete from memberships where user_id = ${user.user.id}`);
    const members = await t.app.inject({ url: `/api/v1/organizations/${user.organization!.id}/members`, headers: bearer(user.accessToken) });
    expect(members.statusCode).toBe(403);
    const me = await t.app.inject({ url: '/api/v1/me', headers: bearer(user.accessToken) });
    expect(me.json().organization).toBeNull();
  });
});

describe('refresh', () => {
  it('rotates the refresh token on every use', async () => {
    const user = await signUp(t.app);
    const first = await post('/api/v1/auth/refresh', undefined, user.refreshCookie);
    expect(first.statusCode).toBe(200);
    const rotated = refreshCookieOf(first)!;
    expect(rotated).not.toBe(user.refreshCookie);
    const second = await post('/api/v1/auth/refresh', undefined, rotated);
    expect(second.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(second.json().accessToken) })).statusCode).toBe(200);
  });

  it('revokes the whole family when an already rotated token comes back', async () => {
    const user = await signUp(t.app);
    const rotated = refreshCookieOf(await post('/api/v1/auth/refresh', undefined, user.refreshCookie))!;

    const replay = await post('/api/v1/auth/refresh', undefined, user.refreshCookie);
    expect(replay.statusCode).toBe(401);
    // The thief's replay also ends the legitimate holder's session, and its access tokens.
    expect((await post('/api/v1/auth/refresh', undefined, rotated)).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(user.accessToken) })).statusCode).toBe(401);
  });

  it('ends the login session 30 days after sign-in, however often it was refreshed', async () => {
    const user = await signUp(t.app);
    const signedIn = (daysAgo: number) =>
      t.ctx.db.db.execute(sql`update sessions set family_started_at = now() - make_interval(days => ${daysAgo}) where user_id = ${user.user.id}`);

    await signedIn(29);
    const nearTheEnd = await post('/api/v1/auth/refresh', undefined, user.refreshCookie);
    expect(nearTheEnd.statusCode).toBe(200);
    // The sliding lifetime (7 days) stops at the session's end, a day away.
    const { rows } = (await t.ctx.db.db.execute(
      sql`select extract(epoch from expires_at - now()) / 3600 as ends_in_hours from sessions where user_id = ${user.user.id} and used_at is null`,
    )) as unknown as { rows: { ends_in_hours: number | string }[] };
    expect(Number(rows[0]!.ends_in_hours)).toBeLessThanOrEqual(24);

    await signedIn(30);
    const afterTheEnd = await post('/api/v1/auth/refresh', undefined, refreshCookieOf(nearTheEnd));
    expect(afterTheEnd.statusCode).toBe(401);
  });

  it('refuses a missing, malformed or forged cookie', async () => {
    const user = await signUp(t.app);
    const [rowId] = user.refreshCookie.split('.');
    for (const cookie of [undefined, 'garbage', `${rowId}.${'A'.repeat(43)}`]) {
      expect((await post('/api/v1/auth/refresh', undefined, cookie)).statusCode).toBe(401);
    }
    expect((await post('/api/v1/auth/refresh', undefined, user.refreshCookie)).statusCode).toBe(200);
  });
});

describe('logout', () => {
  it('ends the session: its refresh token and access tokens stop working', async () => {
    const user = await signUp(t.app);
    const response = await post('/api/v1/auth/logout', undefined, user.refreshCookie);
    expect(response.statusCode).toBe(204);
    expect(response.cookies.find((cookie) => cookie.name === 'spanner_refresh')?.value).toBe('');
    expect((await post('/api/v1/auth/refresh', undefined, user.refreshCookie)).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(user.accessToken) })).statusCode).toBe(401);
  });

  it('logout-all ends every session of the user and no one else\'s', async () => {
    const user = await signUp(t.app);
    const other = await signUp(t.app);
    const secondDevice = await post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD });
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout-all', headers: bearer(user.accessToken) });
    expect(response.statusCode).toBe(204);
    expect((await post('/api/v1/auth/refresh', undefined, refreshCookieOf(secondDevice))).statusCode).toBe(401);
    expect((await post('/api/v1/auth/refresh', undefined, user.refreshCookie)).statusCode).toBe(401);
    expect((await post('/api/v1/auth/refresh', undefined, other.refreshCookie)).statusCode).toBe(200);
  });
});

describe('PATCH /me', () => {
  const patchMe = (token: string, payload: object) => t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(token), payload });

  it('renames the user', async () => {
    const user = await signUp(t.app);
    const response = await patchMe(user.accessToken, { name: '  Countess of Lovelace ' });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.name).toBe('Countess of Lovelace');
  });

  it('needs the current password for a new one, and refuses a wrong or common one', async () => {
    const user = await signUp(t.app);
    const missing = await patchMe(user.accessToken, { newPassword: 'a brand new passphrase' });
    expect(missing.json().errors).toEqual([expect.objectContaining({ path: 'body.currentPassword' })]);
    const wrong = await patchMe(user.accessToken, { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([{ path: 'body.currentPassword', message: 'is not your current password' }]);
    const common = await patchMe(user.accessToken, { currentPassword: TEST_PASSWORD, newPassword: 'password123' });
    expect(common.json().errors).toEqual([expect.objectContaining({ path: 'body.newPassword' })]);
    expect((await post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('changes the password and ends the other sessions, keeping this one', async () => {
    const user = await signUp(t.app);
    const elsewhere = await post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD });
    const response = await patchMe(user.accessToken, { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' });
    expect(response.statusCode).toBe(200);
    expect((await post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await post('/api/v1/auth/login', { email: user.email, password: 'a brand new passphrase' })).statusCode).toBe(200);
    expect((await post('/api/v1/auth/refresh', undefined, refreshCookieOf(elsewhere))).statusCode).toBe(401);
    expect((await post('/api/v1/auth/refresh', undefined, user.refreshCookie)).statusCode).toBe(200);
  });
});

describe('request bodies of sign-up, sign-in and the profile', () => {
  it('refuse unknown fields with 422 naming each one', async () => {
    const user = await signUp(t.app);
    const answers = {
      signup: await post('/api/v1/auth/signup', { email: 'strict@example.com', password: TEST_PASSWORD, name: 'S', organizationName: 'O', role: 'owner' }),
      login: await post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD, remember: true }),
      forgotPassword: await post('/api/v1/auth/forgot-password', { email: user.email, redirect: 'https://evil.example.com' }),
      patchMe: await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(user.accessToken), payload: { name: 'Ada', emailVerified: true } }),
    };
    const paths = Object.fromEntries(
      Object.entries(answers).map(([name, response]) => [name, { status: response.statusCode, paths: response.json().errors?.map((error: { path: string }) => error.path) }]),
    );
    expect(paths).toEqual({
      signup: { status: 422, paths: ['body.role'] },
      login: { status: 422, paths: ['body.remember'] },
      forgotPassword: { status: 422, paths: ['body.redirect'] },
      patchMe: { status: 422, paths: ['body.emailVerified'] },
    });
  });
});
