import type { Role, SessionResponse } from '@spanner/contracts';
import { sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { App } from '../src/app.js';
import type { AppContext } from '../src/context.js';
import { listDevMail } from '../src/modules/mail/mail.repo.js';
import { asOwner } from './app.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface SignedUp extends SessionResponse {
  email: string;
  refreshCookie: string;
}

export function refreshCookieOf(response: { cookies: { name: string; value: string }[] }): string | undefined {
  return response.cookies.find((cookie) => cookie.name === 'spanner_refresh')?.value;
}

/** A new user with their own organization, through the real signup endpoint. */
export async function signUp(app: App, overrides: Partial<{ email: string; name: string; organizationName: string }> = {}): Promise<SignedUp> {
  const email = overrides.email ?? `user-${randomBytes(4).toString('hex')}@example.com`;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { email, password: TEST_PASSWORD, name: overrides.name ?? 'Ada Lovelace', organizationName: overrides.organizationName ?? 'Analytical Engines' },
  });
  if (response.statusCode !== 201) throw new Error(`signup failed: ${response.statusCode} ${response.body}`);
  return { ...(response.json() as SessionResponse), email, refreshCookie: refreshCookieOf(response)! };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Puts an existing user into an organization with a role, as invitations will (test setup only). */
export async function addMember(ctx: AppContext, orgId: string, userId: string, role: Role): Promise<void> {
  await asOwner(ctx, sql`insert into memberships (org_id, user_id, role) values (${orgId}, ${userId}, ${role})`);
}

/** A second user who joins `orgId` with `role` and acts in it. */
export async function memberOf(app: App, ctx: AppContext, orgId: string, role: Role): Promise<SignedUp & { token: string }> {
  const user = await signUp(app);
  await addMember(ctx, orgId, user.user.id, role);
  const switched = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/switch-organization',
    headers: bearer(user.accessToken),
    payload: { organizationId: orgId },
  });
  if (switched.statusCode !== 200) throw new Error(`switch failed: ${switched.statusCode} ${switched.body}`);
  return { ...user, token: switched.json().accessToken };
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** What the development mailbox kept for `to`, newest first, read as the server keeps it. */
export function mailTo(ctx: AppContext, to: string): Promise<Mail[]> {
  return listDevMail(ctx.db.db, { to: { address: to }, limit: 50 });
}

/** The newest mail to `to` whose subject matches, once the email job has delivered it. */
export async function waitForMail(ctx: AppContext, to: string, subject: RegExp, withinMs = 5_000): Promise<Mail> {
  const started = Date.now();
  for (;;) {
    const mail = (await mailTo(ctx, to)).find((candidate) => subject.test(candidate.subject));
    if (mail) return mail;
    if (Date.now() - started > withinMs) throw new Error(`no mail to ${to} matching ${subject} within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The token of the first link to `path` in a mail (`/verify-email`, `/reset-password`…). */
export function linkToken(mail: Mail, path: string): string {
  const match = new RegExp(`${path}\\?token=([^\\s"&<]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return decodeURIComponent(match[1]!);
}
