// The SQL the server sends for a request, recorded by running the server's own services on a
// database handle that logs every statement: not rewritten by hand, so it cannot drift.
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database } from '../../apps/server/src/infra/db/client.js';
import * as schema from '../../apps/server/src/infra/db/schema/index.js';

export interface Statement {
  sql: string;
  params: unknown[];
}

/** How the server wraps tenant work: `begin`, the settings of `enterTenant`, …, `commit`. */
export const isTransactionControl = (statement: Statement) => /^(begin|commit|rollback)\b/i.test(statement.sql.trim());
export const isTenantSetup = (statement: Statement) => statement.sql.includes(`set_config('role'`);
/** The statements that read or write records: what "bare SQL" runs. */
export const dataStatements = (statements: Statement[]) => statements.filter((statement) => !isTransactionControl(statement) && !isTenantSetup(statement));

/** The non-empty settings a recorded `enterTenant` statement makes: { role: 'spanner_app', 'app.org_id': … }. */
export function tenantSettings(statements: Statement[]): Record<string, string> {
  const setup = statements.find(isTenantSetup);
  if (!setup) return {};
  const settings: Record<string, string> = {};
  for (const [, name, literal, parameter] of setup.sql.matchAll(/set_config\('([\w.]+)', (?:'([^']*)'|\$(\d+))/g)) {
    const value = literal ?? parameterText(setup.params[Number(parameter) - 1]);
    if (value !== '') settings[name!] = value;
  }
  return settings;
}

export interface RecordingDatabase {
  db: Database;
  /** Runs `work` against the recording handle and returns the statements it sent, in order. */
  record(work: (db: Database) => Promise<unknown>): Promise<Statement[]>;
  close(): Promise<void>;
}

export function recordingDatabase(url: string): RecordingDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  let recorded: Statement[] = [];
  const db = drizzle(pool, { schema, logger: { logQuery: (sql, params) => recorded.push({ sql, params }) } }) as unknown as Database;
  return {
    db,
    async record(work) {
      recorded = [];
      await work(db);
      return recorded;
    },
    close: () => pool.end(),
  };
}

/** A parameter as pgbench passes it (text): timestamps in ISO form, arrays as PostgreSQL literals. */
export function parameterText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.map((item) => `"${parameterText(item).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  if (value === null || value === undefined) throw new Error('pgbench cannot pass a NULL parameter');
  return String(value);
}
