import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { baseConfig, createTestApp, waitForStatus } from './app.js';

/** A TCP proxy to the real Redis that the test can cut and restore, standing in for a Redis restart. */
async function redisProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  const open = () =>
    new Promise<net.Server>((resolve) => {
      const server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 6379), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
  let port = 0;
  let server = await open();
  port = (server.address() as net.AddressInfo).port;
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
    async restart() {
      server = await open();
    },
  };
}

const config = baseConfig();

describe.runIf(config.redisUrl)('readiness when Redis goes away', () => {
  it('turns /ready 503 within 5 s while /health stays 200, and back to 200 when Redis returns', async () => {
    const proxy = await redisProxy(new URL(config.redisUrl!));
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
