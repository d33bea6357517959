import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNTIME_ROLE, withTenant } from '../src/infra/db/tenant.js';
import { createTestApp, type TestApp } from './app.js';
import { organizationTables, rowsOfOrganization, seedOrganization, signUpPeople, type SeededOrganization } from './fixtures.js';

type Rows<T> = { rows: T[] };
type DatabaseError = { cause?: { code?: string; message?: string }; code?: string; message?: string };

/** How the database answered a statement that must not reach another organization's rows. */
async function outcomeOf(statement: Promise<unknown[]>): Promise<string> {
  try {
    const rows = await statement;
    return rows.length === 0 ? 'no rows' : `${rows.length} rows`;
  } catch (error) {
    const { code, message } = (error as DatabaseError).cause ?? (error as DatabaseError);
    // 42501: a policy's WITH CHECK or a missing privilege; anything else means RLS let it through.
    return code === '42501' ? 'refused' : `error ${code}: ${message}`;
  }
}

/**
 * Row Level Security, checked in the database itself for every table that has an org_id column:
 * tables added later are covered without editing this file, and fail here until both seeded
 * organizations have rows in them (test/fixtures.ts `seedOrganization`).
 */
describe('tenant isolation in PostgreSQL', () => {
  let t: TestApp;
  let a: SeededOrganization;
  let b: SeededOrganization;
  let rowsOfA: Record<string, unknown[]>;
  let rowsOfB: Record<string, unknown[]>;
  let tenantTables: string[];
  let writableByRuntimeRole: string[];
  let insertableColumns: Map<string, string[]>;

  beforeAll(async () => {
    t = await createTestApp();
    a = await seedOrganization(t.app, t.ctx, await signUpPeople(t.app, 'Alpha'), 'Org A');
    b = await seedOrganization(t.app, t.ctx, await signUpPeople(t.app, 'Bravo'), 'Org B');
    rowsOfA = await rowsOfOrganization(t.ctx, a.orgId);
    rowsOfB = await rowsOfOrganization(t.ctx, b.orgId);
    tenantTables = await organizationTables(t.ctx);
    const writable = (await t.ctx.db.db.execute(
      sql`select relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace and has_table_privilege(${RUNTIME_ROLE}, oid, 'INSERT')`,
    )) as unknown as Rows<{ relname: string }>;
    writableByRuntimeRole = writable.rows.map((row) => row.relname);
    const columns = (await t.ctx.db.db.execute(
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and is_generated = 'NEVER' and is_identity = 'NO' order by table_name, ordinal_position`,
    )) as unknown as Rows<{ table_name: string; column_name: string }>;
    insertableColumns = new Map();
    for (const row of columns.rows) insertableColumns.set(row.table_name, [...(insertableColumns.get(row.table_name) ?? []), row.column_name]);
  }, 120_000);
  afterAll(() => t.close());

  const asTenant = <T>(orgId: string, query: ReturnType<typeof sql>) =>
    withTenant(t.ctx.db.db, { orgId }, async (tx) => ((await tx.execute(query)) as unknown as Rows<T>).rows);
  const table = (name: string) => sql.identifier(name);

  it('finds the organization-owned tables', () => {
    expect(tenantTables).toContain('memberships');
    expect(tenantTables.length).toBeGreaterThan(10);
  });

  it('has rows of both organizations in every organization-owned table, so no check below passes on an empty table', () => {
    const unseeded = tenantTables.flatMap((name) => [
      ...(rowsOfA[name]!.length === 0 ? [`${name} (first organization)`] : []),
      ...(rowsOfB[name]!.length === 0 ? [`${name} (second organization)`] : []),
    ]);
    expect(unseeded, 'tables without seeded rows: add them to seedOrganization in test/fixtures.ts').toEqual([]);
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

  it("shows the runtime role exactly its own organization's rows, in every table with org_id", async () => {
    const seen: Record<string, { own: number; theirs: number; foreign: number }> = {};
    const expected: typeof seen = {};
    for (const name of tenantTables) {
      const [counts] = await asTenant<{ own: number; theirs: number; foreign: number }>(
        a.orgId,
        sql`select count(*) filter (where org_id = ${a.orgId})::int as own, count(*) filter (where org_id = ${b.orgId})::int as theirs, count(*) filter (where org_id <> ${a.orgId})::int as foreign from ${table(name)}`,
      );
      seen[name] = counts!;
      expected[name] = { own: rowsOfA[name]!.length, theirs: 0, foreign: 0 };
    }
    expect(seen).toEqual(expected);
  });

  it("updates and deletes none of another organization's rows, in every table with org_id", async () => {
    const outcomes: Record<string, { update: string; delete: string }> = {};
    for (const name of tenantTables) {
      outcomes[name] = {
        update: await outcomeOf(asTenant(a.orgId, sql`update ${table(name)} set org_id = org_id where org_id = ${b.orgId} returning 1`)),
        delete: await outcomeOf(asTenant(a.orgId, sql`delete from ${table(name)} where org_id = ${b.orgId} returning 1`)),
      };
    }
    const refusedOrNone = expect.stringMatching(/^(no rows|refused)$/);
    expect(outcomes).toEqual(Object.fromEntries(tenantTables.map((name) => [name, { update: refusedOrNone, delete: refusedOrNone }])));
    expect(await rowsOfOrganization(t.ctx, b.orgId)).toEqual(rowsOfB);
  });

  it('refuses to insert a row for another organization, or to move a row into one, in every table with org_id', async () => {
    const outcomes: Record<string, { insert: string; move: string }> = {};
    for (const name of tenantTables) {
      const columns = insertableColumns.get(name)!;
      const list = sql.join(columns.map((column) => sql.identifier(column)), sql`, `);
      // A copy of one of the first organization's own rows, with a new id, claimed for the second.
      const [own] = rowsOfA[name] as Record<string, unknown>[];
      const copy = { ...own, org_id: b.orgId, ...(own && 'id' in own ? { id: randomUUID() } : {}) };
      outcomes[name] = {
        insert: await outcomeOf(
          asTenant(a.orgId, sql`insert into ${table(name)} (${list}) select ${list} from jsonb_populate_record(null::${table(name)}, ${JSON.stringify(copy)}::jsonb) returning 1`),
        ),
        move: await outcomeOf(asTenant(a.orgId, sql`update ${table(name)} set org_id = ${b.orgId} where org_id = ${a.orgId} returning 1`)),
      };
    }
    expect(outcomes).toEqual(Object.fromEntries(tenantTables.map((name) => [name, { insert: 'refused', move: 'refused' }])));
    expect(await rowsOfOrganization(t.ctx, a.orgId)).toEqual(rowsOfA);
    expect(await rowsOfOrganization(t.ctx, b.orgId)).toEqual(rowsOfB);
  });

  it('shows only the active organization among organizations', async () => {
    const rows = await asTenant<{ id: string }>(a.orgId, sql`select id from organizations`);
    expect(rows.map((row) => row.id)).toEqual([a.orgId]);
  });

  it('neither renames nor deletes another organization', async () => {
    expect(await outcomeOf(asTenant(a.orgId, sql`update organizations set name = 'Taken over' where id = ${b.orgId} returning id`))).toMatch(/^(no rows|refused)$/);
    expect(await outcomeOf(asTenant(a.orgId, sql`delete from organizations where id = ${b.orgId} returning id`))).toMatch(/^(no rows|refused)$/);
    expect((await rowsOfOrganization(t.ctx, b.orgId)).organizations).toEqual(rowsOfB.organizations);
  });

  it('lets the runtime role read profiles of its members only, and never password hashes or sessions', async () => {
    const visible = await asTenant<{ id: string }>(a.orgId, sql`select id from users`);
    expect(visible.map((row) => row.id).sort()).toEqual(Object.values(a.people).map((person) => person.user.id).sort());
    const permissionDenied = (error: { cause?: { code?: string } }) => error.cause?.code === '42501';
    await expect(asTenant(a.orgId, sql`select password_hash from users`)).rejects.toSatisfy(permissionDenied);
    await expect(asTenant(a.orgId, sql`select id from sessions`)).rejects.toSatisfy(permissionDenied);
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
      asTenant(a.orgId, sql`insert into audit_log (org_id, table_name, row_id, action, changes) values (${a.orgId}, 'x', 'y', 'insert', '{}')`),
    ).rejects.toSatisfy(permissionDenied);
    await expect(asTenant(a.orgId, sql`delete from audit_log`)).rejects.toSatisfy(permissionDenied);
    const own = await asTenant<{ count: number }>(a.orgId, sql`select count(*)::int as count from audit_log`);
    expect(own[0]!.count).toBeGreaterThan(0);
  });
});
