import { describe, expect, it } from 'vitest';
import { baseConfig, createTestApp, waitForStatus } from './app.js';
import { startRedisProxy } from './redis-proxy.js';

const config = baseConfig();

describe.runIf(config.redisUrl)('readiness when Redis goes away', () => {
  it('turns /ready 503 within 5 s while /health stays 200, and back to 200 when Redis returns', async () => {
    const proxy = await startRedisProxy(new URL(config.redisUrl!));
    const t = await createTestApp({ env: { REDIS_URL: proxy.url } });
    const ready = async () => (await t.app.inject('/ready')).statusCode;
    try {
      await waitForStatus(ready, 200, 5_000);

      await proxy.stop();
      await waitForStatus(ready, 503, 5_000);
      const body = (await t.app.inject('/ready')).json();
      expect(body.checks).toContainEqual(expect.objectContaining({ name: 'redis', status: 'failing' }));
      expect(body.checks).toContainEqual({ name: 'database', status: 'ok' });
      expect((await t.app.inject('/health')).statusCode).toBe(200);

      await proxy.restart();
      await waitForStatus(ready, 200, 10_000);
    } finally {
      await t.close();
      await proxy.stop();
    }
  });
});
