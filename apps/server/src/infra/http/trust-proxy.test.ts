import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.js';

/** What the app takes for the client's address (rate limits and the audit log use it). */
async function clientIp(trustProxy: string | undefined, from: string, forwardedFor?: string): Promise<string> {
  const t = await createTestApp({
    env: trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy },
    extend: (app) => app.get('/client-ip', async (request) => ({ ip: request.ip })),
  });
  try {
    const response = await t.app.inject({
      url: '/client-ip',
      remoteAddress: from,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });
    return response.json().ip;
  } finally {
    await t.close();
  }
}

describe('TRUST_PROXY', () => {
  it('ignores X-Forwarded-For by default, so a client cannot pick its own address', async () => {
    expect(await clientIp(undefined, '198.51.100.7', '203.0.113.9')).toBe('198.51.100.7');
  });

  it('takes the client from X-Forwarded-For when every proxy is trusted', async () => {
    expect(await clientIp('true', '10.0.0.2', '203.0.113.9')).toBe('203.0.113.9');
  });

  it('believes only the listed proxies, walking back to the first address it does not trust', async () => {
    // nginx in the private network appends the address it saw; what the client claimed comes before.
    expect(await clientIp('uniquelocal', '172.18.0.5', 'spoofed-by-client, 203.0.113.9')).toBe('203.0.113.9');
    expect(await clientIp('172.18.0.0/16', '198.51.100.7', '203.0.113.9')).toBe('198.51.100.7');
  });
});
