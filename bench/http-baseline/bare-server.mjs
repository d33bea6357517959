// The reference point: Fastify with one route and nothing else, in its own process like ours.
// Usage: node bench/http-baseline/bare-server.mjs <port>
import { createRequire } from 'node:module';

// Fastify is a dependency of the server workspace, so resolve it from there.
const requireFromServer = createRequire(new URL('../../apps/server/package.json', import.meta.url));
const Fastify = requireFromServer('fastify');

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));

process.on('SIGTERM', () => {
  app.close().then(() => process.exit(0));
});

await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
