import net from 'node:net';

/**
 * A TCP proxy to the real Redis that a test can cut (`stop`, as a Redis restart), restore, or
 * `freeze`: connections stay open but nothing passes any more, as with a hung Redis.
 */
export async function startRedisProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let frozen = false;
  const open = () =>
    new Promise<net.Server>((resolve) => {
      const server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 6379), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.on('data', (chunk) => frozen || upstream.write(chunk));
        upstream.on('data', (chunk) => frozen || client.write(chunk));
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
    freeze() {
      frozen = true;
    },
  };
}
