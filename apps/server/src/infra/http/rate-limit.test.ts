import { PROBLEM_CONTENT_TYPE, problemTypes } from '@spanner/contracts';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig, createTestApp, testLogger, type TestApp } from '../../../test/app.js';
import { startRedisProxy } from '../../../test/redis-proxy.js';
import type { RateLimitConfig } from '../../config.js';
import { connectRedis, type Redis } from '../redis/redis.js';
import { HttpProblem } from './problem.js';
import { createRateLimits, type RateLimits } from './rate-limit.js';

const config = baseConfig();
const quiet = testLogger(config);
const generous: RateLimitConfig = {
  authPerIp: 1000,
  authPerAccount: 1000,
  apiKeyPerIp: 1000,
  apiKeyPerKey: 1000,
  loginFailuresPerAccount: 1000,
  invitationsPerUser: 1000,
  invitationsPerOrganization: 1000,
  verificationMailsPerUser: 1000,
};

/** The 429 a refused attempt throws, or a failure when the attempt was allowed. */
async function refusal(attempt: Promise<void>): Promise<HttpProblem> {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, 'expected the attempt to be refused').toBeInstanceOf(HttpProblem);
  expect((error as HttpProblem).problem.status).toBe(429);
  return error as HttpProblem;
}

async function readyRedis(url: string): Promise<Redis> {
  const client = connectRedis(url, quiet);
  await new Promise<void>((resolve, reject) => {
    client.once('ready', resolve);
    client.once('error', reject);
  });
  return client;
}

interface Store {
  name: string;
  redis(): Promise<Redis | null>;
}

const stores: Store[] = [{ name: 'in-memory', redis: async () => null }];
if (config.redisUrl) stores.push({ name: 'Redis', redis: () => readyRedis(config.redisUrl!) });

describe.each(stores)('rate limits in the $name store', (store) => {
  let redis: Redis | null;
  beforeAll(async () => {
    redis = await store.redis();
  });
  afterAll(async () => {
    await redis?.quit();
  });

  // A prefix per limiter: counts of one test never meet another's in Redis.
  const limits = (overrides: Partial<RateLimitConfig>): RateLimits =>
    createRateLimits({ config: { ...generous, ...overrides }, redis, keyPrefix: `${config.redisKeyPrefix}:${randomBytes(4).toString('hex')}`, log: quiet });

  it('allows the configured attempts, then refuses with a whole number of seconds to wait', async () => {
    const limited = limits({ authPerIp: 3 });
    for (let attempt = 0; attempt < 3; attempt++) await limited.consume('login', { ip: '192.0.2.1' });
    const { problem } = await refusal(limited.consume('login', { ip: '192.0.2.1' }));
    const retryAfter = problem.headers?.['retry-after'];
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect(problem.detail).toMatch(/^Too many attempts\. Try again in (\d+ seconds?|1 minute)\.$/);
  });

  it('counts per IP and per account independently', async () => {
    const byAccount = limits({ authPerAccount: 2 });
    await byAccount.consume('signup', { ip: '192.0.2.1', account: 'ada@example.com' });
    await byAccount.consume('signup', { ip: '192.0.2.2', account: 'ada@example.com' });
    // A new address does not reset the account's count…
    const { problem } = await refusal(byAccount.consume('signup', { ip: '192.0.2.3', account: 'ada@example.com' }));
    expect(problem.detail).toBe('Too many attempts. Try again in 15 minutes.');
    // …and the addresses that tried it are still free to try other accounts.
    await byAccount.consume('signup', { ip: '192.0.2.1', account: 'grace@example.com' });

    const byIp = limits({ authPerIp: 2 });
    await byIp.consume('signup', { ip: '192.0.2.1', account: 'ada@example.com' });
    await byIp.consume('signup', { ip: '192.0.2.1', account: 'grace@example.com' });
    await refusal(byIp.consume('signup', { ip: '192.0.2.1', account: 'alan@example.com' }));
    await byIp.consume('signup', { ip: '192.0.2.2', account: 'ada@example.com' });
  });

  it('counts a refused attempt only against the count that refused it', async () => {
    const limited = limits({ authPerIp: 1, authPerAccount: 2 });
    await limited.consume('signup', { ip: '192.0.2.1', account: 'ada@example.com' });
    await refusal(limited.consume('signup', { ip: '192.0.2.1', account: 'ada@example.com' }));
    await refusal(limited.consume('signup', { ip: '192.0.2.1', account: 'ada@example.com' }));
    await limited.consume('signup', { ip: '192.0.2.2', account: 'ada@example.com' });
  });

  it('gives a refunded attempt back to every count it was taken from', async () => {
    const limited = limits({ authPerIp: 1, authPerAccount: 1, loginFailuresPerAccount: 1 });
    const attempt = { ip: '192.0.2.1', accountOnClient: 'ada@example.com ip:192.0.2.1', account: 'ada@example.com' };
    for (let signIn = 0; signIn < 3; signIn++) {
      await limited.consume('login', attempt);
      await limited.refund('login', attempt);
    }
    await limited.consume('login', attempt);
    await refusal(limited.consume('login', attempt));
  });

  it('limits invitations per user and per organization, and verification mails per user', async () => {
    const limited = limits({ invitationsPerUser: 2, invitationsPerOrganization: 3, verificationMailsPerUser: 1 });
    await limited.consume('invitation', { user: 'ada', organization: 'engines' });
    await limited.consume('invitation', { user: 'ada', organization: 'engines' });
    const { problem } = await refusal(limited.consume('invitation', { user: 'ada', organization: 'engines' }));
    expect(problem.detail).toBe('Too many attempts. Try again in 60 minutes.');
    await limited.consume('invitation', { user: 'grace', organization: 'engines' });
    expect((await refusal(limited.consume('invitation', { user: 'alan', organization: 'engines' }))).problem.headers?.['retry-after']).toMatch(/^\d{5}$/);
    await limited.consume('verificationMail', { user: 'ada' });
    await refusal(limited.consume('verificationMail', { user: 'ada' }));
  });

  it('counts an email once whatever its case', async () => {
    const limited = limits({ authPerAccount: 1 });
    await limited.consume('forgotPassword', { ip: '192.0.2.1', account: 'Ada@Example.com' });
    await refusal(limited.consume('forgotPassword', { ip: '192.0.2.2', account: ' ada@example.com' }));
  });

  it('keeps each rule to its own count', async () => {
    const limited = limits({ authPerIp: 1 });
    await limited.consume('login', { ip: '192.0.2.1' });
    await refusal(limited.consume('login', { ip: '192.0.2.1' }));
    await limited.consume('signup', { ip: '192.0.2.1' });
    await limited.consume('forgotPassword', { ip: '192.0.2.1' });
  });

  it('limits API keys per key and per IP with their own numbers', async () => {
    const limited = limits({ apiKeyPerKey: 2, apiKeyPerIp: 3, authPerIp: 1 });
    await limited.consume('apiKey', { ip: '192.0.2.1', account: 'key-1' });
    await limited.consume('apiKey', { ip: '192.0.2.2', account: 'key-1' });
    await refusal(limited.consume('apiKey', { ip: '192.0.2.3', account: 'key-1' }));
    await limited.consume('apiKey', { ip: '192.0.2.4' });
    await limited.consume('apiKey', { ip: '192.0.2.4' });
    await limited.consume('apiKey', { ip: '192.0.2.4', account: 'key-2' });
    await refusal(limited.consume('apiKey', { ip: '192.0.2.4', account: 'key-3' }));
  });
});

describe.runIf(config.redisUrl)('rate limits on Redis', () => {
  const open: Redis[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((client) => client.quit()));
  });

  it('share one count between processes', async () => {
    const keyPrefix = `${config.redisKeyPrefix}:${randomBytes(4).toString('hex')}`;
    const [first, second] = await Promise.all([readyRedis(config.redisUrl!), readyRedis(config.redisUrl!)]);
    open.push(first, second);
    const replicaA = createRateLimits({ config: { ...generous, authPerIp: 2 }, redis: first, keyPrefix, log: quiet });
    const replicaB = createRateLimits({ config: { ...generous, authPerIp: 2 }, redis: second, keyPrefix, log: quiet });
    await replicaA.consume('login', { ip: '192.0.2.1' });
    await replicaB.consume('login', { ip: '192.0.2.1' });
    await refusal(replicaA.consume('login', { ip: '192.0.2.1' }));
    expect(await first.keys(`${keyPrefix}:rate-limit:login:ip:*`)).toEqual([`${keyPrefix}:rate-limit:login:ip:192.0.2.1`]);
  });

  it('do not wait for a Redis that stopped answering', async () => {
    const proxy = await startRedisProxy(new URL(config.redisUrl!));
    const client = await readyRedis(proxy.url);
    const limited = createRateLimits({ config: { ...generous, authPerIp: 1 }, redis: client, keyPrefix: `${config.redisKeyPrefix}:${randomBytes(4).toString('hex')}`, log: quiet });
    try {
      proxy.freeze();
      const started = Date.now();
      await limited.consume('login', { ip: '192.0.2.1' });
      expect(Date.now() - started).toBeLessThan(2_000);
      await refusal(limited.consume('login', { ip: '192.0.2.1' }));
    } finally {
      client.disconnect();
      await proxy.stop();
    }
  });
});

describe('rate limits while Redis is unreachable', () => {
  it('keep counting in memory with one warning, so signing in does not go down with Redis', async () => {
    const lines: string[] = [];
    const log = testLogger({ logLevel: 'warn' }, { write: (line: string) => lines.push(line) });
    // Nothing listens on port 1: every connection attempt fails at once.
    const unreachable = connectRedis('redis://127.0.0.1:1', log);
    try {
      const limited = createRateLimits({ config: { ...generous, authPerIp: 2 }, redis: unreachable, keyPrefix: 'unreachable', log });
      await limited.consume('login', { ip: '192.0.2.1' });
      await limited.consume('login', { ip: '192.0.2.1' });
      await refusal(limited.consume('login', { ip: '192.0.2.1' }));
      const fallbackWarnings = lines.map((line) => JSON.parse(line)).filter((line) => /rate limits are counted in this process/.test(line.msg));
      expect(fallbackWarnings).toHaveLength(1);
      expect(fallbackWarnings[0].level).toBe(40);
    } finally {
      unreachable.disconnect();
    }
  });
});

describe('a refused request', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_AUTH_PER_IP: '1' },
      extend: (app) =>
        app.post('/rate-limited', async (request) => {
          await t.ctx.rateLimits.consume('login', { ip: request.ip });
          return { ok: true };
        }),
    });
  });
  afterAll(() => t.close());

  it('is answered 429 as problem+json with Retry-After in whole seconds', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/rate-limited' })).statusCode).toBe(200);
    const refused = await t.app.inject({ method: 'POST', url: '/rate-limited' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(refused.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(refused.json()).toMatchObject({ type: problemTypes.rateLimited, status: 429, detail: expect.stringMatching(/^Too many attempts/) });
    expect(refused.json()).not.toHaveProperty('headers');
  });
});
