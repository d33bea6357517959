import type { SessionResponse } from '@spanner/contracts';
import { randomBytes } from 'node:crypto';
import type { App } from '../src/app.js';

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
