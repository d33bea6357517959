import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/infra/db/tenant.js';
import { createTestApp, type TestApp } from './app.js';
import { signUp, type SignedUp } from './identity.js';

type Rows<T> = { rows: T[] };

/**
 * Row Level Security, checked in the database itself for every table that has an org_id column:
 * tables added later are covered without editing this file.
 */
describe('tenant isolation in PostgreSQL', () => {
  let t: TestApp;
  let a: SignedUp;
  let b: SignedUp;
  let tenantTables: string[];
  let writableByRuntimeRole: string[];

  beforeAll(async () => {
    t = await createTestApp();
    a = await signUp(t.app, { organizationName: 'Org A' });
    b = await signUp(t.app, { organizationName: 'Org B' });
    const result = (await t.ctx.db.db.execute(
      sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'org_id' order by table_name`,
    )) as unknown as Rows<{ table_name: string }>;
    tenantTables = result.rows.map((row) => row.table_name);
    const writable = (await t.ctx.db.db.execute(
      sql`select relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace and has_table_privilege('spanner_app', oid, 'INSERT')`,
    )) as unknown as Rows<{ relname: string }>;
    writableByRuntimeRole = writable.rows.map((row) => row.relname);
  });
  afterAll(() => t.close());

  const asTenant = <T>(orgId: string, query: ReturnType<typeof sql>) =>
    withTenant(t.ctx.db.db, { orgId }, async (tx) => ((await tx.execute(query)) as unknown as Rows<T>).rows);

  it('finds the organization-owned tables', () => {
    expect(tenantTables).toContain('memberships');
  });

  it('has RLS enabled and forced on every organization-owned table', async () => {
    const result = (await t.ctx.db.db.execute(
      sql`select relname, relrowsecurity, relforcerowsecurity from pg_class where relname in (${sql.join(
        [...tenantTables, 'organizations'].map((name) => sql`${name}`),
        sql`, `,
      )}) and relkind = 'r'`,
    )) as unknown as Rows<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>;
    expect(result.rows.map((row) => row.relname).sort()).toEqual([...tenantTables, 'organizations'].sort());
    for (const row of result.rows) expect(row).toEqual({ relname: row.relname, relrowsecurity: true, relforcerowsecurity: true });
  });

  it("shows the runtime role none of another organization's rows, in every table with org_id", async () => {
    for (const table of tenantTables) {
      const [theirs] = await asTenant<{ count: number }>(a.organization!.id, sql`select count(*)::int as count from ${sql.identifier(table)} where org_id = ${b.organization!.id}`);
      const [all] = await asTenant<{ count: number }>(a.organization!.id, sql`select count(*)::int as count from ${sql.identifier(table)} where org_id <> ${a.organization!.id}`);
      expect({ table, theirs: theirs!.count, foreign: all!.count }).toEqual({ table, theirs: 0, foreign: 0 });
    }
  });

  it('shows only the active organization among organizations', async () => {
    const rows = await asTenant<{ id: string }>(a.organization!.id, sql`select id from organizations`);
    expect(rows.map((row) => row.id)).toEqual([a.organization!.id]);
  });

  it("refuses to write into another organization's tables", async () => {
    await expect(
      asTenant(a.organization!.id, sql`insert into memberships (org_id, user_id, role) values (${b.organization!.id}, ${a.user.id}, 'owner')`),
    ).rejects.toThrow();
    const changed = await asTenant<{ org_id: string }>(a.organization!.id, sql`update memberships set role = 'viewer' where org_id = ${b.organization!.id} returning org_id`);
    expect(changed).toEqual([]);
    const deleted = await asTenant<{ org_id: string }>(a.organization!.id, sql`delete from organizations where id = ${b.organization!.id} returning id`);
    expect(deleted).toEqual([]);
  });

  it('lets the runtime role read profiles of its members only, and never password hashes or sessions', async () => {
    const visible = await asTenant<{ id: string }>(a.organization!.id, sql`select id from users`);
    expect(visible.map((row) => row.id)).toEqual([a.user.id]);
    const permissionDenied = (error: { cause?: { code?: string } }) => error.cause?.code === '42501';
    await expect(asTenant(a.organization!.id, sql`select password_hash from users`)).rejects.toSatisfy(permissionDenied);
    await expect(asTenant(a.organization!.id, sql`select id from sessions`)).rejects.toSatisfy(permissionDenied);
  });

  it('audits writes to every organization-owned table with the audit_row trigger', async () => {
    const result = (await t.ctx.db.db.execute(
      sql`select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid where p.proname = 'audit_row' and not t.tgisinternal`,
    )) as unknown as Rows<{ relname: string }>;
    const audited = result.rows.map((row) => row.relname).sort();
    // Append-only logs (audit_log, the deal stage history) are written by triggers, not audited themselves.
    const logs = tenantTables.filter((table) => !writableByRuntimeRole.includes(table));
    expect(logs).toEqual(['audit_log', 'deal_stage_history']);
    expect(audited).toEqual([...tenantTables.filter((table) => !logs.includes(table)), 'organizations'].sort());
  });

  it('lets the runtime role read its audit log but never write it', async () => {
    const permissionDenied = (error: { cause?: { code?: string } }) => error.cause?.code === '42501';
    await expect(
      asTenant(a.organization!.id, sql`insert into audit_log (org_id, table_name, row_id, action, changes) values (${a.organization!.id}, 'x', 'y', 'insert', '{}')`),
    ).rejects.toSatisfy(permissionDenied);
    await expect(asTenant(a.organization!.id, sql`delete from audit_log`)).rejects.toSatisfy(permissionDenied);
    const own = await asTenant<{ count: number }>(a.organization!.id, sql`select count(*)::int as count from audit_log`);
    expect(own[0]!.count).toBeGreaterThan(0);
  });
});
