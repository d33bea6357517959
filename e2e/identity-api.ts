import { devMailboxSchema, sessionResponseSchema, type SessionResponse } from '@spanner/contracts';
import { expect, type APIRequestContext } from '@playwright/test';

/** Long and uncommon enough for the server's password rules. */
export const PASSWORD = 'correct horse battery staple';

let counter = 0;

/** An address no other test (or earlier run on the same database) has used. */
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}@example.com`;
}

interface Account {
  email: string;
  password: string;
  session: SessionResponse;
}

/**
 * Signs up through the API (STYLE 9: setup skips the UI). With `page.request` the refresh cookie
 * lands in that page's browser, so the page opens signed in.
 */
export async function signUp(request: APIRequestContext, { name, organizationName, label }: { name: string; organizationName: string; label: string }): Promise<Account> {
  const email = uniqueEmail(label);
  const response = await request.post('/api/v1/auth/signup', { data: { email, password: PASSWORD, name, organizationName } });
  expect(response.status(), await response.text()).toBe(201);
  return { email, password: PASSWORD, session: sessionResponseSchema.parse(await response.json()) };
}

/**
 * The newest link to `path` mailed to `to`, from the development mailbox. Mail goes out through
 * the queue, so it may take a moment to arrive.
 */
export async function linkFromMailbox(request: APIRequestContext, to: string, path: '/verify-email' | '/reset-password' | '/accept-invitation'): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/v1/dev/mailbox?${new URLSearchParams({ to }).toString()}`);
        expect(response.ok()).toBe(true);
        const mailbox = devMailboxSchema.parse(await response.json());
        link = mailbox.data.map((mail) => mail.text.match(new RegExp(`https?://\\S+${path}\\?token=\\S+`))?.[0]).find((found) => found !== undefined);
        return link;
      },
      { message: `a mail to ${to} with a ${path} link` },
    )
    .toBeDefined();
  return link!;
}
