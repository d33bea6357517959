import { PGlite } from '@electric-sql/pglite';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteExtensions } from '../src/infra/db/client.js';
import { baseConfig, testDbOptions } from './app.js';
import { listeningPort, runCli, type CliProcess } from './cli.js';

const config = baseConfig();

/** Signs in as the seeded demo user on a running server and counts the deals it sees. */
async function demoDealCount(base: string, password: string): Promise<number> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@spanner.example', password }),
  });
  expect(login.status).toBe(200);
  const { accessToken, organization } = (await login.json()) as { accessToken: string; organization: { name: string } };
  expect(organization.name).toBe('Demo Company');
  const deals = await fetch(`${base}/api/v1/deals?limit=200`, { headers: { authorization: `Bearer ${accessToken}` } });
  return ((await deals.json()) as { data: unknown[] }).data.length;
}

const printedPassword = (seed: CliProcess) => /password: (\S+)/.exec(seed.stdout())![1]!;

describe('the spanner CLI', () => {
  it.each(['start', 'api', 'worker', 'migrate', 'ping', 'seed'])('explains `%s --help`', async (command) => {
    const cli = runCli([command, '--help']);
    expect(await cli.exited).toBe(0);
    expect(cli.stdout()).toContain(`Usage: spanner ${command}`);
  });

  it('refuses to start on a bad environment with one message naming every variable and no stack', async () => {
    const cli = runCli(['api'], { ENVIRONMENT: 'production', PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(await cli.exited).toBe(1);
    const message = cli.stderr();
    expect(message).toContain('Invalid configuration');
    for (const name of ['PORT', 'LOG_LEVEL', 'SECRET_KEY']) expect(message).toContain(`- ${name}:`);
    expect(message).not.toMatch(/^\s+at /m);
  });

  it('migrates an embedded database whose DATA_DIR does not exist yet', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'spanner-migrate-'));
    try {
      const cli = runCli(['migrate'], { DATA_DIR: path.join(parent, 'fresh', 'data'), ENVIRONMENT: 'test', LOG_LEVEL: 'info' });
      expect(await cli.exited).toBe(0);
      expect(cli.stdout()).toContain('migrations applied');
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a ping timeout that is not a number of milliseconds', async () => {
    const cli = runCli(['ping', '--timeout', 'soon'], { LOG_LEVEL: 'warn' });
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toContain('positive whole number of milliseconds');
  });

  it('asks what to seed when --demo is missing', async () => {
    const cli = runCli(['seed'], { LOG_LEVEL: 'warn' });
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toContain('pass --demo');
  });

  it('answers ping with pong on the embedded queue', async () => {
    const cli = runCli(['ping'], { LOG_LEVEL: 'warn' });
    expect(await cli.exited).toBe(0);
    expect(cli.stdout()).toBe('pong\n');
  });
});

describe('spanner start on the embedded database', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'spanner-start-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('migrates, serves, and on SIGINT shuts down cleanly leaving a data dir that reopens', async () => {
    const cli = runCli(['start'], { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    const port = await listeningPort(cli);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);
    expect(await runCli(['ping'], { LOG_LEVEL: 'warn' }).exited).toBe(0);

    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(cli.stdout()).toContain('shutdown complete');

    const secret = (await readFile(path.join(dataDir, 'secret-key'), 'utf8')).trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const reopened = await PGlite.create(path.join(dataDir, 'pglite'), { extensions: pgliteExtensions });
    const { rows } = await reopened.query<{ count: number }>('select count(*)::int as count from drizzle.__drizzle_migrations');
    expect(rows[0]!.count).toBeGreaterThan(0);
    await reopened.close();
  }, 120_000);

  it('starts again on the same data dir and stops on SIGTERM', async () => {
    const cli = runCli(['start'], { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    const port = await listeningPort(cli);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 120_000);

  it('seeds a demo organization whose printed login shows its records', async () => {
    const seed = runCli(['seed', '--demo'], { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(await seed.exited).toBe(0);
    expect(seed.stdout()).toContain('Created 250 companies, 600 contacts, 180 deals, 200 tasks, 300 notes.');
    const password = printedPassword(seed);
    const cli = runCli(['start'], { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    try {
      const base = `http://127.0.0.1:${await listeningPort(cli)}`;
      expect(await demoDealCount(base, password)).toBe(180);
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
  }, 120_000);
});

describe.runIf(!config.databaseUrl)('another command beside a running embedded server', () => {
  let dataDir: string;
  let server: CliProcess;
  let base: string;
  let password: string;
  const startServer = async () => {
    server = runCli(['start'], { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    base = `http://127.0.0.1:${await listeningPort(server)}`;
  };
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'spanner-beside-'));
    await startServer();
  }, 120_000);
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is refused, naming the pid and command of the server that holds the database', async () => {
    const migrate = runCli(['migrate'], { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(await migrate.exited).toBe(1);
    expect(migrate.stderr()).toContain(`is in use by \`spanner start\` (pid ${server.child.pid} on `);
    expect(migrate.stderr()).not.toMatch(/^\s+at /m);
  }, 60_000);

  it('seeds the demo through the running server, whose database then signs the demo user in', async () => {
    const seed = runCli(['seed', '--demo'], { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(await seed.exited, seed.stderr()).toBe(0);
    expect(seed.stdout()).toContain(`(pid ${server.child.pid}); seeding through it at ${base}`);
    expect(seed.stdout()).toContain('Created 250 companies, 600 contacts, 180 deals, 200 tasks, 300 notes.');
    password = printedPassword(seed);
    expect(await demoDealCount(base, password)).toBe(180);
  }, 120_000);

  it('refuses a second demo seed through the server and leaves the first login working', async () => {
    const seed = runCli(['seed', '--demo'], { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(await seed.exited).toBe(1);
    expect(seed.stderr()).toContain(`demo@spanner.example already has an account`);
    expect(seed.stderr()).toContain(`stop the server (pid ${server.child.pid})`);
    expect(await demoDealCount(base, password)).toBe(180);
  }, 60_000);

  it('starts again after the server is killed with SIGKILL, with the seeded demo intact', async () => {
    server.child.kill('SIGKILL');
    await server.exited;
    await startServer();
    expect(await demoDealCount(base, password)).toBe(180);
  }, 120_000);
});

describe.runIf(config.redisUrl && config.databaseUrl)('spanner worker and ping on Redis', () => {
  it('has a separate worker process execute the ping job and log it', async () => {
    const { config: fileConfig } = await testDbOptions(config);
    const env = {
      DATABASE_URL: fileConfig.databaseUrl,
      REDIS_URL: config.redisUrl,
      REDIS_KEY_PREFIX: `${config.redisKeyPrefix}-cli`,
      ENVIRONMENT: 'test',
      LOG_LEVEL: 'info',
    };
    const worker = runCli(['worker'], { ...env, PORT: '0', HOST: '127.0.0.1' });
    const port = await listeningPort(worker);
    expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);

    const ping = runCli(['ping'], env);
    expect(await ping.exited).toBe(0);
    expect(ping.stdout()).toBe('pong\n');
    const line = JSON.parse(await worker.waitForLine(/job ping completed/)) as { job: string; jobId: string };
    expect(line.job).toBe('ping');

    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/spanner_jobs_total\{name="ping",outcome="completed"\} 1/);

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  });

  it('times out with a hint when no worker is listening', async () => {
    const ping = runCli(['ping', '--timeout', '500'], {
      REDIS_URL: config.redisUrl,
      REDIS_KEY_PREFIX: `${config.redisKeyPrefix}-lonely`,
      ENVIRONMENT: 'test',
      LOG_LEVEL: 'warn',
    });
    expect(await ping.exited).toBe(1);
    expect(ping.stderr()).toContain('is a `spanner worker` running');
  });
});
