#!/usr/bin/env node
// HTTP baseline: how close `spanner api` (embedded mode) comes to a bare Fastify hello-world on
// the same machine, for the cheapest routes. A report, not a gate: it exits 0 whatever the numbers
// and 1 only when a server does not start. See bench/README.md.
//   node bench/http-baseline/run.mjs [--duration 10] [--connections 100]
import autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatTable, machine, positiveInteger, writeResults } from '../lib/report.mjs';
import { freePort, residentKilobytes, startServer, stopServer } from '../lib/server-process.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const spannerCli = path.join(repoRoot, 'apps/server/bin/spanner.js');
const bareServer = path.join(repoRoot, 'bench/http-baseline/bare-server.mjs');
const resultsDir = path.join(repoRoot, 'bench/results');

const TARGET_RATIO = 0.8;
/** Discarded run before each measurement: JIT and connection set-up are not what we measure. */
const WARMUP_SECONDS = 2;

const { values: flags } = parseArgs({ options: { duration: { type: 'string' }, connections: { type: 'string' } } });
const durationSeconds = positiveInteger('duration', flags.duration ?? process.env.BENCH_DURATION ?? '10');
const connections = positiveInteger('connections', flags.connections ?? process.env.BENCH_CONNECTIONS ?? '100');

async function measure(label, url) {
  process.stderr.write(`${label}: ${durationSeconds} s at ${connections} connections…\n`);
  await autocannon({ url, connections, duration: Math.min(WARMUP_SECONDS, durationSeconds) });
  const result = await autocannon({ url, connections, duration: durationSeconds });
  return {
    label,
    url,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

function printTable(rows) {
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'vs bare'];
  const lines = rows.map((row) => [
    row.label,
    Math.round(row.requestsPerSecond).toLocaleString('en-US'),
    String(row.latencyP50Ms),
    String(row.latencyP99Ms),
    String(row.errors),
    String(row.non2xx),
    row.ratioToBare === null ? '' : `${row.ratioToBare.toFixed(2)} ${row.ratioToBare >= TARGET_RATIO ? 'ok' : 'BELOW'}`,
  ]);
  process.stdout.write(`\n${formatTable(header, lines)}`);
}

const startedAt = new Date();
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'spanner-bench-'));
// Embedded mode whatever the caller's environment: PGlite in a fresh DATA_DIR, in-process queue.
const { DATABASE_URL: _databaseUrl, REDIS_URL: _redisUrl, ...callerEnv } = process.env;
const spannerEnv = {
  ...callerEnv,
  ENVIRONMENT: 'production',
  SECRET_KEY: randomBytes(32).toString('hex'),
  // Production requires a mail server; nothing these routes do sends mail.
  SMTP_URL: 'smtp://127.0.0.1:2525',
  LOG_LEVEL: 'warn',
  DATA_DIR: dataDir,
  HOST: '127.0.0.1',
};
const servers = [];
const stopAll = () => Promise.all(servers.map(stopServer));
process.once('SIGINT', () => {
  stopAll().finally(() => rm(dataDir, { recursive: true, force: true }).finally(() => process.exit(130)));
});

try {
  // PGlite allows one process per data dir: migrate runs to completion before the API opens it.
  // It also builds the server bundle when it is stale, so no build lands inside a measurement.
  const migrate = spawnSync(process.execPath, [spannerCli, 'migrate'], { env: spannerEnv, encoding: 'utf8', timeout: 120_000 });
  if (migrate.status !== 0) throw new Error(`spanner migrate failed:\n${migrate.stdout}${migrate.stderr}`);

  const barePort = await freePort();
  const bare = await startServer('bare fastify', [bareServer, String(barePort)], callerEnv, `http://127.0.0.1:${barePort}/`);
  servers.push(bare);
  const spannerPort = await freePort();
  const spanner = await startServer(
    'spanner api',
    [spannerCli, 'api'],
    { ...spannerEnv, PORT: String(spannerPort) },
    `http://127.0.0.1:${spannerPort}/health`,
  );
  servers.push(spanner);

  const bareResult = await measure('bare fastify GET /', `http://127.0.0.1:${barePort}/`);
  const ours = [
    await measure('spanner GET /health', `http://127.0.0.1:${spannerPort}/health`),
    await measure('spanner GET /api/health', `http://127.0.0.1:${spannerPort}/api/health`),
  ];
  const rows = [
    { ...bareResult, ratioToBare: null },
    ...ours.map((row) => ({ ...row, ratioToBare: row.requestsPerSecond / bareResult.requestsPerSecond })),
  ];
  const rssKb = { spannerApi: await residentKilobytes(spanner.child.pid), bareFastify: await residentKilobytes(bare.child.pid) };

  printTable(rows);
  process.stdout.write(
    `RSS after the run: spanner api ${rssKb.spannerApi ?? '?'} kB, bare fastify ${rssKb.bareFastify ?? '?'} kB. ` +
      `Target: each of ours at ≥ ${TARGET_RATIO} of bare req/s.\n`,
  );

  const report = {
    benchmark: 'http-baseline',
    date: startedAt.toISOString(),
    ...machine(repoRoot),
    durationSeconds,
    connections,
    warmupSeconds: Math.min(WARMUP_SECONDS, durationSeconds),
    targetRatio: TARGET_RATIO,
    results: rows,
    rssKb,
  };
  const file = await writeResults(resultsDir, 'http-baseline-', startedAt, report);
  process.stdout.write(`Results: ${path.relative(repoRoot, file)}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await stopAll();
  await rm(dataDir, { recursive: true, force: true });
}
