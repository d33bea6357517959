import { sessionResponseSchema, type SessionResponse } from '@spanner/contracts';
import { expect, type APIRequestContext } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

interface SentMail {
  to: string[];
  /** The message as the server sent it: headers, a blank line, the MIME body. */
  data: string;
}

/** Every message the server has sent so far, oldest first (the SMTP sink of playwright.config.ts). */
function sentMail(): SentMail[] {
  const mailDir = process.env.SPANNER_E2E_MAIL_DIR!;
  return readdirSync(mailDir)
    .sort()
    .map((file) => JSON.parse(readFileSync(join(mailDir, file), 'utf8')) as SentMail);
}

/** The text/plain part of a multipart message, undoing its transfer encoding. */
function plainText(data: string): string {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(data)?.[1];
  const parts = boundary ? data.split(`--${boundary}`) : [data];
  const part = parts.find((candidate) => /^content-type:\s*text\/plain/im.test(candidate.split('\r\n\r\n')[0] ?? '')) ?? '';
  const [headers = '', ...bodyLines] = part.split('\r\n\r\n');
  const body = bodyLines.join('\r\n\r\n');
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9a-f]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/**
 * The newest link to `path` mailed to `to`, as the SMTP sink received it. Mail goes out through
 * the queue, so it may take a moment to arrive.
 */
export async function linkFromMail(to: string, path: '/verify-email' | '/reset-password' | '/accept-invitation'): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      () => {
        link = sentMail()
          .filter((mail) => mail.to.some((recipient) => recipient.toLowerCase() === to.toLowerCase()))
          .map((mail) => plainText(mail.data).match(new RegExp(`https?://\\S+${path}\\?token=\\S+`))?.[0])
          .findLast((found) => found !== undefined);
        return link;
      },
      { message: `a mail to ${to} with a ${path} link` },
    )
    .toBeDefined();
  return link!;
}
