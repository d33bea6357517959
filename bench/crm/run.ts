// The CRM benchmark (issue 4): `spanner api` on the generated database (PostgreSQL + Redis), each
// scenario under autocannon, the same SQL under pgbench (bare, and inside the tenant transaction
// the server wraps it in), EXPLAIN of every scenario's statements, and the server's peak RSS.
// A report, not a gate: it exits 0 whatever the numbers, 1 when it cannot run. See README.md.
//   npm run bench:crm [-- --duration 10 --connections 50 --only list-first-page,get-by-id --profile]
import autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { isFamilyActive } from '../../apps/server/src/modules/auth/auth.repo.js';
import { findMemberRole } from '../../apps/server/src/modules/organizations/organizations.service.js';
import { formatTable, machine, positiveInteger, writeResults } from '../lib/report.mjs';
import { cpuMilliseconds, freePort, sampleResidentMemory, startServer, stopServer } from '../lib/server-process.mjs';
import { benchDatabaseUrl, benchPassword, bigOrganizationOwnerEmail } from './dataset.js';
import { explainStatements, type Explained } from './explain.js';
import { runPgbench, type PgbenchResult } from './pgbench.js';
import { buildScenarios, type Fixtures, type Scenario } from './scenarios.js';
import { dataStatements, recordingDatabase, tenantSettings, type Statement } from './sql-capture.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const spannerCli = path.join(repoRoot, 'apps/server/bin/spanner.js');
const resultsDir = path.join(repoRoot, 'bench/crm/results');

/** Each list scenario should reach at least this share of pgbench's rate for the same SQL. */
const TARGET_RATIO = 0.5;
/** Discarded run before each measurement: JIT, pools and caches are not what we measure. */
const WARMUP_SECONDS = 2;
const DEEP_ROWS = 10_000;
/** Contacts the get-by-id scenario cycles over. */
const GET_IDS = 10_000;
/**
 * No statement of the server's or pgbench's outlives a run by more than this: a query that cannot
 * use an index would otherwise keep both cores busy for minutes after autocannon has stopped.
 */
const STATEMENT_TIMEOUT = '10s';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string' },
    connections: { type: 'string' },
    only: { type: 'string' },
    'bulk-connections': { type: 'string' },
    'no-pgbench': { type: 'boolean' },
    profile: { type: 'boolean' },
  },
});
const durationSeconds = positiveInteger('duration', flags.duration ?? process.env.BENCH_DURATION ?? '10');
const connections = positiveInteger('connections', flags.connections ?? process.env.BENCH_CONNECTIONS ?? '50');
const bulkConnections = Math.min(connections, positiveInteger('bulk-connections', flags['bulk-connections'] ?? process.env.BENCH_BULK_CONNECTIONS ?? '5'));
const only = flags.only ? new Set(flags.only.split(',')) : null;
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const write = (text: string) => process.stderr.write(text);

interface ScenarioResult {
  name: string;
  description: string;
  group: Scenario['group'];
  method: string;
  path: string;
  connections: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** The first body of each non-2xx status seen in the warm-up. */
  failureSamples: Record<string, string>;
  rssPeakKb: number | null;
  /** CPU the server process used per request (user + system), and the bench database's backends. */
  serverCpuMsPerRequest: number | null;
  databaseCpuMsPerRequest: number | null;
  loadAverage: number;
  p99TargetMs: number | null;
  p99Met: boolean | null;
  pgbench: { bare: PgbenchResult; tenantTransaction: PgbenchResult; withAuthentication?: PgbenchResult } | null;
  ratioToTenantTransaction: number | null;
  ratioToBare: number | null;
  ratioMet: boolean | null;
  statements: Statement[] | null;
  explain: Explained | null;
}

/** Ids, tokens and the deep cursor the scenarios need, read from the bench database and the API. */
async function loadFixtures(baseUrl: string): Promise<Fixtures> {
  const client = new pg.Client({ connectionString: benchDatabaseUrl });
  await client.connect();
  try {
    const owner = await client.query<{ user_id: string; org_id: string }>(
      `select m.user_id, m.org_id from users u join memberships m on m.user_id = u.id where lower(u.email) = $1 and m.role = 'owner'`,
      [bigOrganizationOwnerEmail],
    );
    if (owner.rows.length === 0) throw new Error(`${bigOrganizationOwnerEmail} is not in ${benchDatabaseUrl}: run \`npm run bench:generate\` first`);
    const { user_id: userId, org_id: orgId } = owner.rows[0]!;
    const company = await client.query<{ company_id: string; contacts: string }>(
      `select company_id, count(*) as contacts from contact_companies where org_id = $1 group by company_id order by count(*) desc limit 1`,
      [orgId],
    );
    // A fixed pseudo-random order (by a hash of the id), so every run uses the same contacts.
    // Each pool holds twice its connections: a request takes its item when autocannon builds it.
    const patchPoolSize = 2 * connections + 10;
    const bulkSetCount = 2 * bulkConnections + 2;
    const sample = await client.query<{ id: string; version: number }>(
      `select id, version from contacts where org_id = $1 and deleted_at is null order by md5(id::text) limit $2`,
      [orgId, GET_IDS + 2 * patchPoolSize + 2 * bulkSetCount * 1_000 + 1],
    );
    const taken = [...sample.rows];
    const take = (count: number) => taken.splice(0, count);
    const bulkSets = () => Array.from({ length: bulkSetCount }, () => take(1_000).map((row) => row.id));
    const matches = async (q: string) =>
      Number(
        (
          await client.query<{ count: string }>(`select count(*) from contacts where org_id = $1 and deleted_at is null and search @@ to_tsquery('simple', $2)`, [
            orgId,
            q
              .split(/\s+/)
              .map((word) => `'${word}':*`)
              .join(' & '),
          ])
        ).rows[0]!.count,
      );
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: bigOrganizationOwnerEmail, password: benchPassword }),
    });
    if (!login.ok) throw new Error(`login as ${bigOrganizationOwnerEmail} failed: ${login.status} ${await login.text()}`);
    const { accessToken } = (await login.json()) as { accessToken: string };
    // The token's `sid` is the login session that authentication checks on every request.
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as { sid: string };
    return {
      orgId,
      userId,
      sessionId: claims.sid,
      accessToken,
      deepCursor: await walkCursor(baseUrl, accessToken),
      company: { id: company.rows[0]!.company_id, contacts: Number(company.rows[0]!.contacts) },
      searches: { common: { q: 'mar', matches: await matches('mar') }, person: { q: 'john smi', matches: await matches('john smi') } },
      globalSearch: { q: 'north' },
      getIds: take(GET_IDS).map((row) => row.id),
      patchPools: { warmup: take(patchPoolSize), measured: take(patchPoolSize) },
      bulkSets: { warmup: bulkSets(), measured: bulkSets() },
      bulkConnections,
      recordingContact: take(1)[0]!,
    };
  } finally {
    await client.end();
  }
}

/** Follows `page.nextCursor` until DEEP_ROWS rows are behind: the cursor of a deep page. */
async function walkCursor(baseUrl: string, accessToken: string): Promise<string> {
  let cursor: string | null = null;
  for (let seen = 0; seen < DEEP_ROWS; seen += 200) {
    const query = new URLSearchParams({ sort: 'lastName', limit: '200', ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${baseUrl}/api/v1/contacts?${query}`, { headers: { authorization: `Bearer ${accessToken}` } });
    if (!response.ok) throw new Error(`walking the contacts list failed: ${response.status} ${await response.text()}`);
    cursor = ((await response.json()) as { page: { nextCursor: string | null } }).page.nextCursor;
    if (!cursor) throw new Error(`the contacts list ended before ${DEEP_ROWS} rows`);
  }
  return cursor!;
}

/** CPU used so far by each backend of the bench database (other than ours), in ms by pid. */
async function databaseCpuMilliseconds(client: pg.Client): Promise<Map<number, number>> {
  const { rows } = await client.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
  const times = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = await cpuMilliseconds(pid);
    if (ms !== null) times.set(pid, ms);
  }
  return times;
}

/** What the backends alive at the end used since `before` (those that connected meanwhile: all of theirs). */
const databaseCpuSince = (before: Map<number, number>, after: Map<number, number>) =>
  after.size === 0 ? null : [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

/** A scenario whose module is not there yet still runs over HTTP, without the SQL comparison. */
const notRecorded = (scenario: Scenario) => (error: unknown) => {
  write(`${scenario.name}: could not record its SQL (${error instanceof Error ? error.message : String(error)}); no pgbench or EXPLAIN\n`);
  return null;
};

/**
 * The scenario's requests, also keeping the first answer of every non-2xx status, to say what
 * went wrong. Only for the warm-up: reading every body costs the load generator CPU.
 */
function sampledRequests(requests: autocannon.Request[], samples: Record<string, string>): autocannon.Request[] {
  return requests.map((request) => ({
    ...request,
    onResponse: (status, body, context, headers) => {
      if ((status < 200 || status > 299) && !(status in samples)) samples[status] = body.slice(0, 500);
      if (typeof request.onResponse === 'function') request.onResponse(status, body, context, headers);
    },
  }));
}

/**
 * Waits until the bench database has no statement running: autocannon stops without waiting for
 * answers, so the server may still work on the last requests of a run.
 */
async function settle(client: pg.Client) {
  const deadline = Date.now() + 30_000;
  // Quiet for a few polls in a row: requests queued for a pool connection show up only once they run.
  for (let quiet = 0; quiet < 3 && Date.now() < deadline; ) {
    const { rows } = await client.query<{ busy: string }>(
      `select count(*) as busy from pg_stat_activity where datname = current_database() and state <> 'idle' and pid <> pg_backend_pid()`,
    );
    quiet = Number(rows[0]!.busy) === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function measure(scenario: Scenario, baseUrl: string, serverPid: number, client: pg.Client) {
  const options = { url: baseUrl, connections: scenario.connections ?? connections, requests: scenario.requests };
  const failureSamples: Record<string, string> = {};
  await autocannon({ ...options, requests: sampledRequests(scenario.requests, failureSamples), duration: Math.min(WARMUP_SECONDS, durationSeconds) });
  for (const [status, body] of Object.entries(failureSamples)) write(`  ${scenario.name}: ${status} ${body}\n`);
  await settle(client);
  await scenario.reset?.(client);
  const memory = sampleResidentMemory(serverPid);
  const cpuBefore = { server: await cpuMilliseconds(serverPid), database: await databaseCpuMilliseconds(client) };
  const result = await autocannon({ ...options, duration: durationSeconds });
  // CPU per request, where each side spent it: unlike latency, barely moved by other work on the machine.
  await settle(client);
  const cpuAfter = { server: await cpuMilliseconds(serverPid), database: await databaseCpuMilliseconds(client) };
  const perRequest = (ms: number | null) => (ms === null || result.requests.total === 0 ? null : ms / result.requests.total);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]));
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    failureSamples,
    rssPeakKb: await memory.stop(),
    serverCpuMsPerRequest: perRequest(cpuBefore.server === null || cpuAfter.server === null ? null : cpuAfter.server - cpuBefore.server),
    databaseCpuMsPerRequest: perRequest(databaseCpuSince(cpuBefore.database, cpuAfter.database)),
    // Other work on the machine skews every number: keep the 1-minute load next to them.
    loadAverage: os.loadavg()[0]!,
  };
}

const round = (value: number | null | undefined, digits = 0) => (value === null || value === undefined || Number.isNaN(value) ? '' : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

function printResults(results: ScenarioResult[]) {
  const header = ['scenario', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'target', 'errors', 'non-2xx', 'RSS MB', 'srv CPU ms/req', 'db CPU ms/req', 'pgbench bare', 'pgbench tx', 'ratio tx', 'ratio bare', 'index'];
  const lines = results.map((row) => [
    row.name,
    String(row.connections),
    round(row.requestsPerSecond),
    round(row.latencyP50Ms, 1),
    round(row.latencyP99Ms, 1),
    row.p99TargetMs === null ? '' : `<${row.p99TargetMs} ${row.p99Met ? 'ok' : 'MISS'}`,
    String(row.errors),
    String(row.non2xx),
    round(row.rssPeakKb === null ? null : row.rssPeakKb / 1024),
    round(row.serverCpuMsPerRequest, 2),
    round(row.databaseCpuMsPerRequest, 2),
    round(row.pgbench?.bare.transactionsPerSecond),
    round(row.pgbench?.tenantTransaction.transactionsPerSecond),
    row.ratioToTenantTransaction === null ? '' : `${row.ratioToTenantTransaction.toFixed(2)} ${row.ratioMet ? 'ok' : 'BELOW'}`,
    row.ratioToBare === null ? '' : row.ratioToBare.toFixed(2),
    row.explain === null ? '' : row.explain.usesIndexes ? 'yes' : 'SEQ SCAN',
  ]);
  process.stdout.write(`\n${formatTable(header, lines)}`);
  process.stdout.write(
    `Targets: p99 < 50 ms for lists, get and PATCH, < 150 ms for search; req/s ≥ ${TARGET_RATIO} of pgbench's tps for the same SQL in the same tenant transaction ("ratio tx").\n`,
  );
}

function printPlans(results: ScenarioResult[]) {
  for (const row of results) {
    if (!row.explain) continue;
    process.stdout.write(`\n${row.name}: ${row.explain.usesIndexes ? 'indexes only' : `SEQUENTIAL SCAN of ${row.explain.statements.flatMap((statement) => statement.bigSeqScans).join(', ')}`}\n`);
    for (const statement of row.explain.statements) {
      process.stdout.write(`  ${statement.sql.slice(0, 160)}${statement.sql.length > 160 ? '…' : ''}\n`);
      for (const planLine of statement.keyLines) process.stdout.write(`    ${planLine.trim().slice(0, 200)}\n`);
    }
  }
}

/** The database URL with a startup option that sets `statement_timeout` on every connection. */
function withStatementTimeout(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c statement_timeout=${STATEMENT_TIMEOUT}`);
  return parsed.toString();
}

const startedAt = new Date();
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'spanner-bench-crm-'));
const serverEnv = {
  ...process.env,
  ENVIRONMENT: 'production',
  SECRET_KEY: randomBytes(32).toString('hex'),
  // Production requires a mail server; nothing in these scenarios sends mail.
  SMTP_URL: 'smtp://127.0.0.1:2525',
  LOG_LEVEL: 'warn',
  DATA_DIR: dataDir,
  HOST: '127.0.0.1',
  DATABASE_URL: withStatementTimeout(benchDatabaseUrl),
  REDIS_URL: redisUrl,
  // Our own keys, so a run never touches another Spanner's queues or rate-limit counters.
  REDIS_KEY_PREFIX: 'spanner-bench-crm',
  // Long enough for the whole run on one sign-in.
  ACCESS_TOKEN_EXPIRE_MINUTES: '240',
};
const profileDir = path.join(resultsDir, `profile-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
let server: Awaited<ReturnType<typeof startServer>> | null = null;
process.once('SIGINT', () => {
  void (server ? stopServer(server) : Promise.resolve()).finally(() => process.exit(130));
});

try {
  // Applies migrations newer than the data set (and rebuilds the server bundle when stale), so no build lands inside a measurement.
  const migrate = spawnSync(process.execPath, [spannerCli, 'migrate'], { env: serverEnv, encoding: 'utf8', timeout: 600_000 });
  if (migrate.status !== 0) throw new Error(`spanner migrate failed:\n${migrate.stdout}${migrate.stderr}`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const nodeFlags = flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  server = await startServer('spanner api', [...nodeFlags, spannerCli, 'api'], { ...serverEnv, PORT: String(port) }, `${baseUrl}/ready`);
  const serverPid = server.child.pid!;

  write('Reading fixtures and walking the cursor 10,000 rows deep…\n');
  const fixtures = await loadFixtures(baseUrl);
  const scenarios = buildScenarios(fixtures).filter((scenario) => !only || only.has(scenario.name));

  const recording = recordingDatabase(benchDatabaseUrl);
  const explainClient = new pg.Client({ connectionString: benchDatabaseUrl });
  await explainClient.connect();
  const results: ScenarioResult[] = [];
  let authentication: Statement[] = [];
  const saveReport = () =>
    writeResults(resultsDir, '', startedAt, {
      benchmark: 'crm',
      date: startedAt.toISOString(),
      ...machine(repoRoot),
      database: benchDatabaseUrl.replace(/\/\/[^@]*@/, '//'),
      durationSeconds,
      connections,
      warmupSeconds: Math.min(WARMUP_SECONDS, durationSeconds),
      statementTimeout: STATEMENT_TIMEOUT,
      targetRatio: TARGET_RATIO,
      authenticationStatements: authentication,
      results,
      profileDir: flags.profile ? path.relative(repoRoot, profileDir) : null,
    });
  try {
    // What every authenticated request asks before the route runs (auth.service authenticateUser).
    authentication = await recording.record(async (db) => {
      await isFamilyActive(db, fixtures.sessionId);
      await findMemberRole(db, fixtures.orgId, fixtures.userId);
    });
    for (const scenario of scenarios) {
      if (scenario.method === 'GET') {
        const probe = await fetch(`${baseUrl}${scenario.path.replace(':id', fixtures.getIds[0]!)}`, { headers: { authorization: `Bearer ${fixtures.accessToken}` } });
        if (probe.status === 404) {
          write(`${scenario.name}: skipped, the server answers 404 to ${scenario.path}\n`);
          continue;
        }
      }
      const statements = scenario.record ? await recording.record(scenario.record).catch(notRecorded(scenario)) : null;
      const explain = statements ? await explainStatements(explainClient, statements) : null;
      write(`${scenario.name}: ${durationSeconds} s at ${scenario.connections ?? connections} connections…\n`);
      const http = await measure(scenario, baseUrl, serverPid, explainClient);
      // pgbench gets the database to itself.
      await settle(explainClient);
      let pgbench: ScenarioResult['pgbench'] = null;
      if (scenario.pgbench && statements && !flags['no-pgbench']) {
        const bench = (benchStatements: Statement[], sessionSettings?: Record<string, string>) =>
          runPgbench({ url: benchDatabaseUrl, statements: benchStatements, connections, durationSeconds, sessionSettings: { statement_timeout: STATEMENT_TIMEOUT, ...sessionSettings } });
        write(`${scenario.name}: pgbench, bare SQL then in the tenant transaction…\n`);
        // Bare: the same statements under the same RLS policy, but on connections already in the
        // organization, so no begin / set_config / commit round trips.
        pgbench = { bare: await bench(dataStatements(statements), tenantSettings(statements)), tenantTransaction: await bench(statements) };
        // Once is enough to show what authentication adds to every request.
        if (scenario.name === 'list-first-page') pgbench.withAuthentication = await bench([...authentication, ...statements]);
      }
      const ratioToTenantTransaction = pgbench ? http.requestsPerSecond / pgbench.tenantTransaction.transactionsPerSecond : null;
      results.push({
        name: scenario.name,
        description: scenario.description,
        group: scenario.group,
        method: scenario.method,
        path: scenario.path,
        connections: scenario.connections ?? connections,
        ...http,
        p99TargetMs: scenario.p99TargetMs,
        p99Met: scenario.p99TargetMs === null ? null : http.latencyP99Ms < scenario.p99TargetMs && http.errors === 0 && http.non2xx === 0,
        pgbench,
        ratioToTenantTransaction,
        ratioToBare: pgbench ? http.requestsPerSecond / pgbench.bare.transactionsPerSecond : null,
        ratioMet: ratioToTenantTransaction === null ? null : ratioToTenantTransaction >= TARGET_RATIO,
        statements,
        explain,
      });
      // After every scenario, so an interrupted run keeps what it measured.
      await saveReport();
    }
    printResults(results);
    printPlans(results);
    process.stdout.write(`\nResults: ${path.relative(repoRoot, await saveReport())}\n`);
  } finally {
    await explainClient.end();
    await recording.close();
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
} finally {
  if (server) await stopServer(server);
  await rm(dataDir, { recursive: true, force: true });
  if (flags.profile) process.stdout.write(`CPU profile of the server: ${path.relative(repoRoot, profileDir)}\n`);
}
