import type { SampleDataResult } from '@spanner/contracts';
import { Command, InvalidArgumentError } from 'commander';
import { randomBytes } from 'node:crypto';
import { buildApp, buildWorkerApp, type App } from './app.js';
import { ConfigError, loadConfig, resolveSecretKey, type Config } from './config.js';
import { closeContext, createContext, createQueue, type AppContext } from './context.js';
import { createDb } from './infra/db/client.js';
import { DataDirLockedError, type DataDirHolder } from './infra/db/data-dir-lock.js';
import { runMigrations } from './infra/db/migrate.js';
import { JobTimeoutError } from './infra/queue/queue.js';
import { createLogger, type Logger } from './infra/telemetry/logger.js';
import { createMetrics } from './infra/telemetry/metrics.js';
import { jobHandlers } from './jobs.js';
import { systemJobHandlers, systemJobs } from './modules/system/system.jobs.js';
import type { Actor } from './modules/auth/actor.js';
import { createApiKeysService } from './modules/api-keys/api-keys.service.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createSampleDataService } from './modules/sample-data/sample-data.service.js';
import { DEMO_SIZES } from './modules/sample-data/sample-set.js';
import { VERSION } from './version.js';

const DEMO_EMAIL = 'demo@spanner.example';
const DEMO_ACCOUNT = { email: DEMO_EMAIL, name: 'Demo User', organizationName: 'Demo Company' };

const SHUTDOWN_TIMEOUT_MS = 30_000;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // One readable message listing every problem, no stack trace.
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Another process owns the embedded database: say who, without a stack trace. */
function exitIfDataDirLocked(error: unknown): void {
  if (!(error instanceof DataDirLockedError)) return;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

/** SIGINT/SIGTERM: stop accepting, drain requests and running jobs, close pools; a second signal forces exit. */
function closeOnSignal(log: Logger, close: () => Promise<void>): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      log.warn({ signal }, 'second signal, exiting without waiting');
      process.exit(1);
    }
    closing = true;
    log.info({ signal }, 'shutting down');
    const forceExit = setTimeout(() => {
      log.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out, exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    forceExit.unref();
    close().then(
      () => {
        log.info('shutdown complete');
        log.flush(() => process.exit(0));
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        log.flush(() => process.exit(1));
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

async function listen(app: App, ctx: AppContext, role: string): Promise<void> {
  const address = await app.listen({ port: ctx.config.port, host: ctx.config.host });
  const port = new URL(address).port;
  // Lets `spanner seed` on the same data dir work through this API instead of opening it.
  if (role !== 'worker') await ctx.db.dataDirLock?.publishUrl(localUrl(ctx.config.host, Number(port)));
  ctx.log.info({ role, url: address, port: Number(port), version: VERSION }, `Spanner CRM ${role} listening on http://localhost:${port}`);
}

/** How a process on this machine reaches a server listening on `host`. */
function localUrl(host: string, port: number): string {
  if (['0.0.0.0', '::', ''].includes(host)) return `http://127.0.0.1:${port}`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

async function serve(role: 'start' | 'api' | 'worker'): Promise<void> {
  // Only the serving roles sign anything, so only they create the local secret.
  const config = resolveSecretKey(readConfig());
  const ctx = await createContext(config, { db: { pgliteOwner: `spanner ${role}` } }).catch((error: unknown) => {
    exitIfDataDirLocked(error);
    throw error;
  });
  // Signals during start-up (migrations) must also close the database cleanly.
  const running: { app?: App } = {};
  closeOnSignal(ctx.log, async () => {
    await running.app?.close();
    await closeContext(ctx);
  });
  if (role === 'start') await runMigrations(ctx.db);
  // Without Redis the queue lives in this process, so whoever serves the API also runs the jobs.
  if (role !== 'api' || ctx.queue.kind === 'inline') await ctx.queue.startWorker(jobHandlers(ctx));
  running.app = role === 'worker' ? await buildWorkerApp(ctx) : await buildApp(ctx);
  await listen(running.app, ctx, role === 'start' ? 'api+worker' : role);
}

async function migrate(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config);
  // Only the database: migrating must not depend on Redis being up.
  const db = await createDb(config, { pgliteOwner: 'spanner migrate' }).catch((error: unknown) => {
    exitIfDataDirLocked(error);
    throw error;
  });
  try {
    await runMigrations(db);
    log.info('migrations applied');
  } finally {
    await db.close();
  }
}

async function ping(options: { timeout: number }): Promise<void> {
  const config = readConfig();
  const log = createLogger(config, 2);
  // With Redis a separate `spanner worker` must answer; without it the job runs right here.
  const queue = createQueue(config, systemJobs, log, createMetrics());
  try {
    if (queue.kind === 'inline') await queue.startWorker(systemJobHandlers());
    const result = await queue.run('ping', {}, { timeoutMs: options.timeout });
    process.stdout.write(`${result}\n`);
  } catch (error) {
    const hint = error instanceof JobTimeoutError && queue.kind === 'bullmq' ? ' (is a `spanner worker` running on the same Redis?)' : '';
    process.stderr.write(`ping failed: ${error instanceof Error ? error.message : String(error)}${hint}\n`);
    process.exitCode = 1;
  } finally {
    await queue.close();
  }
}

/** `spanner seed --demo`: a demo organization full of realistic records, and a login to see it. */
async function seed(options: { demo?: boolean }): Promise<void> {
  if (!options.demo) {
    process.stderr.write('Nothing to seed: pass --demo for a demo organization with sample records.\n');
    process.exitCode = 1;
    return;
  }
  const config = resolveSecretKey(readConfig());
  let ctx: AppContext;
  try {
    ctx = await createContext(config, { db: { pgliteOwner: 'spanner seed --demo' } });
  } catch (error) {
    if (error instanceof DataDirLockedError && error.holder.url) return seedThroughServer(config, error.holder as DataDirHolder & { url: string });
    exitIfDataDirLocked(error);
    throw error;
  }
  try {
    step('Applying migrations…');
    await runMigrations(ctx.db);
    const password = newDemoPassword();
    const auth = createAuthService(ctx, createApiKeysService(ctx.db.db));
    step('Creating the demo account and organization…');
    const { userId, organization } = await auth.provisionAccount({ ...DEMO_ACCOUNT, password });
    step('Loading companies, contacts, deals, tasks and notes…');
    const actor: Actor = { kind: 'user', userId, orgId: organization.id, role: 'owner', sessionId: 'cli', requestId: 'seed-demo' };
    printSeeded(config, await createSampleDataService(ctx.db.db).load(actor, DEMO_SIZES), password);
  } finally {
    await closeContext(ctx);
  }
}

/**
 * The embedded database belongs to a running server, so the demo goes in through its public API:
 * a sign-up and "Load sample data", as a person in the browser would. An existing demo account
 * cannot get a new password this way (that needs the database itself).
 */
async function seedThroughServer(config: Config, server: DataDirHolder & { url: string }): Promise<void> {
  step(`The embedded database is in use by \`${server.command}\` (pid ${server.pid}); seeding through it at ${server.url}.`);
  const call = async (pathname: string, body: unknown, accessToken?: string) => {
    const response = await fetch(`${server.url}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
      body: JSON.stringify(body),
    }).catch((error: unknown) => {
      throw new SeedError(`The server at ${server.url} did not answer (${error instanceof Error ? error.message : String(error)}).`);
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
  };
  try {
    const password = newDemoPassword();
    step('Creating the demo account and organization…');
    const signup = await call('/api/v1/auth/signup', { ...DEMO_ACCOUNT, password });
    if (signup.status === 409) {
      throw new SeedError(
        `${DEMO_EMAIL} already has an account: sign in with the password printed when it was seeded, ` +
          `or stop the server (pid ${server.pid}) and run \`spanner seed --demo\` again to give it a new one.`,
      );
    }
    if (signup.status !== 201) throw new SeedError(`Creating the demo account failed: ${problemText(signup)}`);
    step('Loading companies, contacts, deals, tasks and notes…');
    const loaded = await call('/api/v1/sample-data', {}, signup.body.accessToken as string);
    if (loaded.status !== 201) throw new SeedError(`Loading the sample data failed: ${problemText(loaded)}`);
    printSeeded(config, loaded.body as unknown as SampleDataResult, password);
  } catch (error) {
    if (!(error instanceof SeedError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}

class SeedError extends Error {}

function problemText(response: { status: number; body: Record<string, unknown> }): string {
  return `${response.status} ${String(response.body.detail ?? response.body.title ?? '')}`.trim();
}

function newDemoPassword(): string {
  return randomBytes(12).toString('base64url');
}

function step(text: string): void {
  process.stdout.write(`${text}\n`);
}

function printSeeded(config: Config, created: SampleDataResult, password: string): void {
  step(`Created ${Object.entries(created).map(([kind, count]) => `${count} ${kind}`).join(', ')}.`);
  step(`\nSign in at ${config.publicUrl}/login\n  email:    ${DEMO_EMAIL}\n  password: ${password}`);
}

function parseMilliseconds(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0) throw new InvalidArgumentError('expected a positive whole number of milliseconds');
  return ms;
}

/** The `spanner` command line; main.ts parses it, the deploy tests read its command names. */
export function createProgram(): Command {
  const program = new Command().name('spanner').description('Spanner CRM: API, worker and operations commands').version(VERSION);
  program
    .command('start')
    .description('apply migrations, then run the API, the web app and the worker in one process (what `npm start` runs)')
    .action(() => serve('start'));
  program.command('api').description('run the HTTP API only (containers: run `spanner migrate` first)').action(() => serve('api'));
  program
    .command('worker')
    .description('run the job worker only; serves /health, /ready and /metrics on PORT')
    .action(() => serve('worker'));
  program.command('migrate').description('apply pending database migrations under an advisory lock, as the owner (MIGRATION_DATABASE_URL)').action(migrate);
  program
    .command('ping')
    .description('enqueue a ping job, wait for a worker to answer and print "pong"')
    .option('-t, --timeout <ms>', 'how long to wait for the answer', parseMilliseconds, 10_000)
    .action(ping);
  program
    .command('seed')
    .description('load data: --demo creates a demo organization with sample records and prints its login')
    .option('--demo', 'a demo organization with hundreds of companies, contacts and deals')
    .action(seed);
  return program;
}
