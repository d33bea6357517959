#!/usr/bin/env node
// HTTP baseline: how close `spanner api` (embedded mode) comes to a bare Fastify hello-world on
// the same machine, for the cheapest routes. A report, not a gate: it exits 0 whatever the numbers
// and 1 only when a server does not start. See bench/README.md.
//   node bench/http-baseline/run.mjs [--duration 10] [--connections 100]
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const spannerCli = path.join(repoRoot, 'apps/server/bin/spanner.js');
const bareServer = path.join(repoRoot, 'bench/http-baseline/bare-server.mjs');
const resultsDir = path.join(repoRoot, 'bench/results');

const TARGET_RATIO = 0.8;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
/** Discarded run before each measurement: JIT and connection set-up are not what we measure. */
const WARMUP_SECONDS = 2;

const { values: flags } = parseArgs({ options: { duration: { type: 'string' }, connections: { type: 'string' } } });
const durationSeconds = positiveInteger('duration', flags.duration ?? process.env.BENCH_DURATION ?? '10');
const connections = positiveInteger('connections', flags.connections ?? process.env.BENCH_CONNECTIONS ?? '100');

function positiveInteger(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`--${name} must be a positive integer, got "${text}"\n`);
    process.exit(2);
  }
  return value;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Keeps the last lines a child printed, to explain a failed start. */
function captureTail(stream, lines) {
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    lines.push(...chunk.split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 20));
  });
}

async function startServer(name, args, env, readyUrl) {
  const output = [];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  captureTail(child.stdout, output);
  captureTail(child.stderr, output);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(readyUrl, { signal: AbortSignal.timeout(1_000) })).ok) return { name, child, exited };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not answer ${readyUrl} within ${START_TIMEOUT_MS / 1000} s:\n${output.join('\n')}`);
}

async function stopServer({ child, exited }) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** Resident memory in kB, from Linux's /proc; null elsewhere. */
async function residentKilobytes(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) : null;
}

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
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  process.stdout.write(`\n${format(header)}\n${lines.map(format).join('\n')}\n`);
}

function gitCommit() {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  return git.status === 0 ? git.stdout.trim() : null;
}

const startedAt = new Date();
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'spanner-bench-'));
// Embedded mode whatever the caller's environment: PGlite in a fresh DATA_DIR, in-process queue.
const { DATABASE_URL: _databaseUrl, REDIS_URL: _redisUrl, ...callerEnv } = process.env;
const spannerEnv = {
  ...callerEnv,
  ENVIRONMENT: 'production',
  SECRET_KEY: randomBytes(32).toString('hex'),
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
    commit: gitCommit(),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    durationSeconds,
    connections,
    warmupSeconds: Math.min(WARMUP_SECONDS, durationSeconds),
    targetRatio: TARGET_RATIO,
    results: rows,
    rssKb,
  };
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `http-baseline-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`Results: ${path.relative(repoRoot, file)}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await stopAll();
  await rm(dataDir, { recursive: true, force: true });
}
