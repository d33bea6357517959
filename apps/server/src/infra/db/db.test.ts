import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig, testDbOptions } from '../../../test/app.js';
import { adminUrl, withDatabase } from '../../../test/database-names.js';
import { createDb, pgliteExtensions, pgliteHandle, type DbHandle } from './client.js';
import { migrationsFolder, runMigrations } from './migrate.js';
import { RUNTIME_ROLE, withTenant } from './tenant.js';

async function rows<T>(handle: DbHandle | { db: DbHandle['db'] }, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await handle.db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

describe('migrations', () => {
  const config = baseConfig();
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  const migrationCount = journal.entries.length;

  it('let two concurrent migrators finish: one waits, neither fails, each migration applies once', async () => {
    let handles: DbHandle[];
    let cleanup: () => Promise<void>;
    if (config.databaseUrl) {
      // A fresh, unmigrated database, opened by two independent pools.
      const name = `spanner_test_${randomBytes(4).toString('hex')}_race`;
      const admin = new pg.Client({ connectionString: adminUrl(config.databaseUrl) });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = withDatabase(config.databaseUrl, name);
      const raceConfig = { ...config, databaseUrl: url, migrationDatabaseUrl: url };
      handles = [await createDb(raceConfig), await createDb(raceConfig)];
      cleanup = async () => {
        await Promise.all(handles.map((handle) => handle.close()));
        await admin.query(`drop database ${name} with (force)`);
        await admin.end();
      };
    } else {
      // PGlite is one session: both migrators share it and must take turns.
      const client = await PGlite.create('memory://', { extensions: pgliteExtensions });
      const handle = await pgliteHandle(client);
      handles = [handle, handle];
      cleanup = () => client.close();
    }
    try {
      await Promise.all(handles.map((handle) => runMigrations(handle)));
      const appliedCount = () =>
        handles[0]!.withOwnerSession((db) => rows<{ count: number }>({ db }, sql`select count(*)::int as count from drizzle.__drizzle_migrations`));
      expect((await appliedCount())[0]!.count).toBe(migrationCount);
      await runMigrations(handles[0]!);
      expect((await appliedCount())[0]!.count).toBe(migrationCount);
    } finally {
      await cleanup();
    }
  });
});

describe('the runtime role and tenant transactions', () => {
  let handle: DbHandle;
  const orgA = uuidv7();
  const orgB = uuidv7();
  const table = `rls_probe_${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    const { config, db } = await testDbOptions(baseConfig());
    handle = await createDb(config, db);
    // The shape every organization-owned table will have (DESIGN.md §4).
    const statements = [
      `create table ${table} (id uuid primary key, org_id uuid not null, name text not null)`,
      `alter table ${table} enable row level security`,
      `alter table ${table} force row level security`,
      `create policy tenant_isolation on ${table}
         using (org_id = nullif(current_setting('app.org_id', true), '')::uuid)
         with check (org_id = nullif(current_setting('app.org_id', true), '')::uuid)`,
      `insert into ${table} values ('${uuidv7()}', '${orgA}', 'Acme of A'), ('${uuidv7()}', '${orgB}', 'Globex of B')`,
    ];
    await handle.withOwnerSession(async (db) => {
      for (const statement of statements) await db.execute(sql.raw(statement));
    });
  });
  afterAll(async () => {
    await handle.withOwnerSession((db) => db.execute(sql.raw(`drop table if exists ${table}`)));
    await handle.close();
  });

  it('creates spanner_app without login, superuser or BYPASSRLS', async () => {
    const [role] = await rows<{ rolcanlogin: boolean; rolsuper: boolean; rolbypassrls: boolean }>(
      handle,
      sql`select rolcanlogin, rolsuper, rolbypassrls from pg_roles where rolname = ${RUNTIME_ROLE}`,
    );
    expect(role).toEqual({ rolcanlogin: false, rolsuper: false, rolbypassrls: false });
  });

  it('runs as spanner_app with the organization and user set', async () => {
    const userId = uuidv7();
    const [settings] = await withTenant(handle.db, { orgId: orgA, userId }, (tx) =>
      rows<{ role: string; org: string; user_id: string }>(
        { db: tx as unknown as DbHandle['db'] },
        sql`select current_user as role, current_setting('app.org_id') as org, current_setting('app.user_id') as user_id`,
      ),
    );
    expect(settings).toEqual({ role: RUNTIME_ROLE, org: orgA, user_id: userId });
  });

  it("hides another organization's rows through the policy", async () => {
    const visible = await withTenant(handle.db, { orgId: orgA }, (tx) =>
      rows<{ name: string }>({ db: tx as unknown as DbHandle['db'] }, sql.raw(`select name from ${table}`)),
    );
    expect(visible).toEqual([{ name: 'Acme of A' }]);
  });

  it("refuses to write a row into another organization", async () => {
    await expect(
      withTenant(handle.db, { orgId: orgA }, (tx) =>
        tx.execute(sql.raw(`insert into ${table} values ('${uuidv7()}', '${orgB}', 'smuggled')`)),
      ),
    ).rejects.toThrow();
    const [count] = await rows<{ count: number }>(handle, sql.raw(`select count(*)::int as count from ${table} where name = 'smuggled'`));
    expect(count!.count).toBe(0);
  });

  it('leaves no tenant setting or role behind after the transaction', async () => {
    await withTenant(handle.db, { orgId: orgB }, async () => undefined);
    const [after] = await rows<{ role: string; org: string }>(
      handle,
      sql`select current_user as role, coalesce(current_setting('app.org_id', true), '') as org`,
    );
    expect(after!.role).not.toBe(RUNTIME_ROLE);
    expect(after!.org).toBe('');
  });
});
