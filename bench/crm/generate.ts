// The CRM benchmark's data set (issue 4): drops and recreates the bench database, migrates it with
// the server's own migrator, then loads one big organization (1M contacts, 100k companies, 200k
// deals, 500k notes, links and tags) and nine small ones with COPY. See bench/crm/README.md.
//   npm run bench:generate [-- --scale 0.1]        BENCH_DATABASE_URL=postgres://… to load elsewhere
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig } from '../../apps/server/src/config.js';
import { createDb } from '../../apps/server/src/infra/db/client.js';
import { runMigrations } from '../../apps/server/src/infra/db/migrate.js';
import { withTenant } from '../../apps/server/src/infra/db/tenant.js';
import { hashPassword } from '../../apps/server/src/modules/auth/passwords.js';
import { createDefaultPipeline } from '../../apps/server/src/modules/pipelines/pipelines.service.js';
import {
  benchDatabaseUrl,
  benchPassword,
  bigOrganizationName,
  bigOrganizationOwnerEmail,
  bigOrganizationRows,
  databaseOf,
  smallOrganizationCount,
  smallOrganizationRows,
} from './dataset.js';
import { planOrganization, tables, type Organization, type TableRows } from './rows.js';

/** Tables the server creates with the identity module: loaded plainly (they are tiny). */
const IDENTITY_TABLES = new Set(['organizations', 'users', 'memberships']);
/** Index builds running at once: one per core. */
const INDEX_BUILDERS = 2;
const ROWS_PER_CHUNK = 2_000;

const { values: flags } = parseArgs({ options: { scale: { type: 'string' } } });
const scale = Number(flags.scale ?? process.env.BENCH_SCALE ?? '1');
if (!(scale > 0 && scale <= 10)) {
  process.stderr.write(`--scale must be a number in (0, 10], got "${flags.scale ?? process.env.BENCH_SCALE}"\n`);
  process.exit(2);
}

const write = (text: string) => process.stderr.write(text);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const count = (value: number) => Math.round(value).toLocaleString('en-US');

/** Per-table progress on one line (a TTY) or a line every few seconds (a log). */
function progressOf(table: string, expected: number | null) {
  const startedAt = performance.now();
  const interval = process.stderr.isTTY ? 250 : 5_000;
  let rows = 0;
  let shownAt = 0;
  const show = (final: boolean) => {
    const elapsed = performance.now() - startedAt;
    shownAt = elapsed;
    const rate = rows / Math.max(elapsed / 1000, 0.001);
    const done = expected ? ` / ${count(expected)} (${Math.min(100, Math.round((rows / expected) * 100))}%)` : '';
    const text = `  ${table.padEnd(20)} ${count(rows).padStart(11)}${done}  ${count(rate)} rows/s  ${seconds(elapsed)}`;
    write(process.stderr.isTTY ? `\r${text.padEnd(100)}${final ? '\n' : ''}` : `${text}\n`);
  };
  return {
    add(added: number) {
      rows += added;
      if (performance.now() - startedAt - shownAt > interval) show(false);
    },
    finish: () => {
      show(true);
      return { rows, ms: performance.now() - startedAt };
    },
  };
}

/** The rows of every organization for one table, in chunks of a few thousand lines. */
function* chunksOf(spec: TableRows, organizations: Organization[], passwordHash: string, onRows: (rows: number) => void) {
  let chunk: string[] = [];
  for (const organization of organizations) {
    for (const row of spec.rows(organization, passwordHash)) {
      chunk.push(row);
      if (chunk.length === ROWS_PER_CHUNK) {
        onRows(chunk.length);
        yield chunk.join('');
        chunk = [];
      }
    }
  }
  onRows(chunk.length);
  if (chunk.length > 0) yield chunk.join('');
}

interface Secondary {
  name: string;
  table: string;
  definition: string;
}

/** Indexes that back no constraint: dropped for the load and built once afterwards, which is much faster than a million inserts into each. */
async function secondaryIndexes(client: pg.Client, tableNames: string[]): Promise<Secondary[]> {
  const { rows } = await client.query<Secondary>(
    `select index.relname as name, tab.relname as table, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
       join pg_class index on index.oid = i.indexrelid
       join pg_class tab on tab.oid = i.indrelid
      where tab.relnamespace = 'public'::regnamespace and tab.relname = any($1)
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
    [tableNames],
  );
  return rows;
}

/** Builds the indexes on INDEX_BUILDERS connections, the slowest kinds (trigram, full-text GIN) first. */
async function buildIndexes(url: string, indexes: Secondary[]): Promise<Map<string, number>> {
  const cost = (index: Secondary) => (index.definition.includes('gin_trgm_ops') ? 0 : index.definition.includes('USING gin') ? 1 : 2);
  const queue = [...indexes].sort((a, b) => cost(a) - cost(b));
  const msByTable = new Map<string, number>();
  const builder = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`set maintenance_work_mem = '512MB'`);
      for (let index = queue.shift(); index; index = queue.shift()) {
        const startedAt = performance.now();
        await client.query(index.definition);
        const ms = performance.now() - startedAt;
        msByTable.set(index.table, (msByTable.get(index.table) ?? 0) + ms);
        write(`  ${index.name.padEnd(36)} ${seconds(ms)}\n`);
      }
    } finally {
      await client.end();
    }
  };
  await Promise.all(Array.from({ length: INDEX_BUILDERS }, builder));
  return msByTable;
}

const totalStartedAt = performance.now();
const database = databaseOf(benchDatabaseUrl);
const phases: { phase: string; ms: number }[] = [];
async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  const result = await fn();
  phases.push({ phase: name, ms: performance.now() - startedAt });
  return result;
}

write(`Generating the CRM bench data set into ${database.name} (scale ${scale})\n`);

await phase('create database', async () => {
  const admin = new pg.Client({ connectionString: database.maintenanceUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${database.name} with (force)`);
    await admin.query(`create database ${database.name}`);
  } finally {
    await admin.end();
  }
});

// The server's own database handle: it migrates, and it creates each organization's default pipeline.
const server = await createDb(loadConfig({ DATABASE_URL: benchDatabaseUrl }));
await phase('migrate', () => runMigrations(server));

// One argon2id hash for every user: hashing a thousand would take longer than the whole load.
const passwordHash = await phase('hash password', () => hashPassword(benchPassword));

const big = { ...bigOrganizationRows };
for (const key of ['companies', 'contacts', 'deals', 'notes'] as const) big[key] = Math.max(10, Math.round(big[key] * scale));
const organizations = [
  planOrganization({ name: bigOrganizationName, emailDomain: 'big.bench.test', rows: big, seed: 1 }),
  ...Array.from({ length: smallOrganizationCount }, (_, index) =>
    planOrganization({ name: `Small Bench ${index + 1}`, emailDomain: `small${index + 1}.bench.test`, rows: smallOrganizationRows, seed: index + 2 }),
  ),
];
const expectedRows: Record<string, number> = {};
for (const kind of ['companies', 'contacts', 'deals', 'notes'] as const) expectedRows[kind] = organizations.reduce((sum, org) => sum + org.spec.rows[kind], 0);

const client = new pg.Client({ connectionString: benchDatabaseUrl });
await client.connect();
const crmTables = tables.map((spec) => spec.table).filter((table) => !IDENTITY_TABLES.has(table));
const loaded: { table: string; rows: number; ms: number }[] = [];
let indexes: Secondary[] = [];
try {
  // As the owner with triggers off: no audit rows, no FK checks, no stage trigger (the rows carry
  // what it would have set). Unique indexes are rebuilt afterwards, which checks them.
  await client.query(`set session_replication_role = replica; set synchronous_commit = off`);
  indexes = await secondaryIndexes(client, [...crmTables, 'search_terms']);
  for (const index of indexes) await client.query(`drop index ${index.name}`);

  await phase('load', async () => {
    write('Loading (COPY FROM STDIN):\n');
    for (const spec of tables.filter((candidate) => IDENTITY_TABLES.has(candidate.table))) loaded.push(await copyTable(spec, false));
    await createDefaultPipelines(client);
    // Truncating in the same transaction lets COPY write the rows frozen and all-visible: no
    // hint-bit rewrite of every page later, and index-only scans work from the start.
    await client.query('begin');
    await client.query(`truncate ${crmTables.join(', ')}`);
    for (const spec of tables.filter((candidate) => !IDENTITY_TABLES.has(candidate.table))) loaded.push(await copyTable(spec, true));
    await client.query('commit');
  });
  // The triggers that keep the organization-keyed search terms were off during COPY (migration 0011).
  await phase('search terms', async () => {
    const startedAt = performance.now();
    await client.query('select search_terms_rebuild()');
    const { rows } = await client.query<{ count: string }>('select count(*) from search_terms');
    loaded.push({ table: 'search_terms', rows: Number(rows[0]!.count), ms: performance.now() - startedAt });
  });
} finally {
  await client.end();
  await server.close();
}

/** What a new organization gets from the server (organizations.service → createDefaultPipeline), made by that very code. */
async function createDefaultPipelines(reader: pg.Client) {
  const startedAt = performance.now();
  for (const org of organizations) {
    await withTenant(server.db, { orgId: org.id, userId: org.members[0]!.id }, (tx) => createDefaultPipeline(tx, org.id));
    const { rows } = await reader.query<{ id: string; stage_ids: string[] }>(
      `select p.id, array_agg(s.id order by s.position) as stage_ids from pipelines p join pipeline_stages s on s.pipeline_id = p.id where p.org_id = $1 and p.is_default group by p.id`,
      [org.id],
    );
    org.pipelineId = rows[0]!.id;
    org.stageIds = rows[0]!.stage_ids;
  }
  loaded.push({ table: 'pipelines (server)', rows: organizations.length, ms: performance.now() - startedAt });
}

async function copyTable(spec: TableRows, freeze: boolean) {
  const progress = progressOf(spec.table, expectedRows[spec.table] ?? null);
  const copy = client.query(copyFrom(`copy ${spec.table} (${spec.columns.join(', ')}) from stdin${freeze ? ' (freeze)' : ''}`));
  await pipeline(Readable.from(chunksOf(spec, organizations, passwordHash, (rows) => progress.add(rows))), copy);
  return { table: spec.table, ...progress.finish() };
}

write(`Building ${indexes.length} indexes on ${INDEX_BUILDERS} connections:\n`);
const indexMs = await phase('indexes', () => buildIndexes(benchDatabaseUrl, indexes));

await phase('vacuum analyze', async () => {
  write('VACUUM ANALYZE…\n');
  const vacuum = new pg.Client({ connectionString: benchDatabaseUrl });
  await vacuum.connect();
  try {
    await vacuum.query('vacuum analyze');
  } finally {
    await vacuum.end();
  }
});

const totalMs = performance.now() - totalStartedAt;
const header = `${'table'.padEnd(20)} ${'rows'.padStart(11)} ${'load'.padStart(8)} ${'rows/s'.padStart(10)} ${'indexes'.padStart(8)}`;
const lines = loaded.map(
  (row) =>
    `${row.table.padEnd(20)} ${count(row.rows).padStart(11)} ${seconds(row.ms).padStart(8)} ${count(row.rows / Math.max(row.ms / 1000, 0.001)).padStart(10)} ${(indexMs.has(row.table) ? seconds(indexMs.get(row.table)!) : '').padStart(8)}`,
);
process.stdout.write(`\n${header}\n${lines.join('\n')}\n\n`);
process.stdout.write(`${phases.map((entry) => `${entry.phase}: ${seconds(entry.ms)}`).join(', ')}\n`);
process.stdout.write(`Total: ${seconds(totalMs)} (index times are per table, built ${INDEX_BUILDERS} at a time)\n`);
process.stdout.write(`Sign in as ${bigOrganizationOwnerEmail} / ${benchPassword} (the big organization's owner); database ${benchDatabaseUrl}\n`);
