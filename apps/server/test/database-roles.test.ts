import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, SERVER_ROLE } from '../src/infra/db/client.js';
import { runMigrations } from '../src/infra/db/migrate.js';
import { withTenant } from '../src/infra/db/tenant.js';
import { asOwner, baseConfig, createTestApp, type TestApp } from './app.js';
import { addMember, bearer, signUp } from './identity.js';

type Rows<T> = { rows: T[] };

const onPostgres = Boolean(baseConfig().databaseUrl);

const permissionDenied = (error: { cause?: { code?: string } }) => error.cause?.code === '42501';

/** The database rights the API and worker run with, on the connection they really use. */
describe('the server login to the database', () => {
  let t: TestApp;
  const asServer = async <T>(query: SQL) => ((await t.ctx.db.db.execute(query)) as unknown as Rows<T>).rows;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is neither superuser nor BYPASSRLS nor the owner of any table', async () => {
    const [login] = await asServer<{ rolsuper: boolean; rolbypassrls: boolean; in_server_role: boolean; owned: number; tables: number }>(sql`
      select r.rolsuper, r.rolbypassrls, pg_has_role(current_user, ${SERVER_ROLE}, 'MEMBER') as in_server_role,
        (select count(*)::int from pg_tables where schemaname = 'public' and pg_has_role(current_user, tableowner, 'MEMBER')) as owned,
        (select count(*)::int from pg_tables where schemaname = 'public') as tables
      from pg_roles r where r.rolname = current_user`);
    expect(login).toEqual({ rolsuper: false, rolbypassrls: false, in_server_role: true, owned: 0, tables: expect.any(Number) });
    expect(login!.tables).toBeGreaterThan(10);
  });

  it('sees no organization data when a query forgets the tenant switch', async () => {
    const owner = await signUp(t.app);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: bearer(owner.accessToken), payload: { firstName: 'Ada', lastName: 'Lovelace' } });
    expect(created.statusCode).toBe(201);
    const [stored] = await asOwner<{ count: number }>(t.ctx, sql`select count(*)::int as count from contacts`);
    expect(stored!.count).toBeGreaterThan(0);

    for (const table of ['contacts', 'organizations', 'memberships', 'pipelines', 'audit_log']) {
      const [visible] = await asServer<{ count: number }>(sql`select count(*)::int as count from ${sql.identifier(table)}`);
      expect({ table, count: visible!.count }).toEqual({ table, count: 0 });
    }
  });

  it('cannot turn row level security off or change the schema', async () => {
    await expect(t.ctx.db.db.execute(sql`alter table contacts no force row level security`)).rejects.toSatisfy(permissionDenied);
    await expect(t.ctx.db.db.execute(sql`create table server_scratch (id int)`)).rejects.toSatisfy(permissionDenied);
  });

  it('leaves migrations to the owner of the tables, on a session of its own', async () => {
    const [owner] = await t.ctx.db.withOwnerSession(async (db) =>
      ((await db.execute(sql`select current_user as name, (select tableowner from pg_tables where tablename = 'contacts') as contacts_owner`)) as unknown as Rows<{ name: string; contacts_owner: string }>).rows,
    );
    expect(owner!.name).toBe(owner!.contacts_owner);
    const [server] = await asServer<{ name: string }>(sql`select current_user as name`);
    expect(server!.name).not.toBe(owner!.name);
  });

  // The embedded database has one login, which migrates as the owner it is.
  it.runIf(onPostgres)('is refused as the login for migrations, naming the setting to fix', async () => {
    const misconfigured = await createDb({ ...t.ctx.config, migrationDatabaseUrl: t.ctx.config.databaseUrl });
    try {
      await expect(runMigrations(misconfigured)).rejects.toThrow(/is the server's login .* set MIGRATION_DATABASE_URL to the owner's login/);
    } finally {
      await misconfigured.close();
    }
  });
});

describe('organizations the user belongs to besides the active one', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('are listed, but neither updated nor deleted from another organization', async () => {
    const user = await signUp(t.app, { organizationName: 'Active' });
    const other = await signUp(t.app, { organizationName: 'Elsewhere' });
    const activeId = user.organization!.id;
    const elsewhereId = other.organization!.id;
    await addMember(t.ctx, elsewhereId, user.user.id, 'admin');

    const changed = await withTenant(t.ctx.db.db, { orgId: activeId, userId: user.user.id }, async (tx) => {
      const returned = async (query: SQL) => ((await tx.execute(query)) as unknown as Rows<unknown>).rows.length;
      return {
        renamedOrganization: await returned(sql`update organizations set name = 'Taken over' where id = ${elsewhereId} returning id`),
        promotedMembership: await returned(sql`update memberships set role = 'owner' where org_id = ${elsewhereId} and user_id = ${user.user.id} returning org_id`),
        deletedMembership: await returned(sql`delete from memberships where org_id = ${elsewhereId} and user_id = ${user.user.id} returning org_id`),
        deletedOrganization: await returned(sql`delete from organizations where id = ${elsewhereId} returning id`),
      };
    });
    expect(changed).toEqual({ renamedOrganization: 0, promotedMembership: 0, deletedMembership: 0, deletedOrganization: 0 });

    const [elsewhere] = await asOwner<{ name: string; role: string }>(
      t.ctx,
      sql`select o.name, m.role from organizations o join memberships m on m.org_id = o.id where o.id = ${elsewhereId} and m.user_id = ${user.user.id}`,
    );
    expect(elsewhere).toEqual({ name: 'Elsewhere', role: 'admin' });
    const listed = await t.app.inject({ url: '/api/v1/organizations', headers: bearer(user.accessToken) });
    expect(listed.json().data.map((organization: { name: string }) => organization.name).sort()).toEqual(['Active', 'Elsewhere']);
  });
});

// PGlite runs a statement on the thread that opened it, where nothing can interrupt it: the
// embedded database has no statement timeout.
describe.runIf(onPostgres)('the statement timeout of the server login', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      env: { DATABASE_STATEMENT_TIMEOUT_MS: '200' },
      extend: (app) => app.get('/test/slow', async () => t.ctx.db.db.execute(sql`select pg_sleep(5)`)),
    });
  });
  afterAll(() => t.close());

  it('cancels a slow statement and answers 503 without SQL', async () => {
    const response = await t.app.inject({ url: '/test/slow' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json().detail).toBe('The database took too long to answer. Try again in a moment.');
    expect(response.body).not.toMatch(/pg_sleep|select|statement timeout/i);
  });

  it('does not apply to the migration session', async () => {
    const [server] = ((await t.ctx.db.db.execute(sql`show statement_timeout`)) as unknown as Rows<{ statement_timeout: string }>).rows;
    const [owner] = await t.ctx.db.withOwnerSession(async (db) => ((await db.execute(sql`show statement_timeout`)) as unknown as Rows<{ statement_timeout: string }>).rows);
    expect(server!.statement_timeout).toBe('200ms');
    expect(owner!.statement_timeout).toBe('0');
  });
});
