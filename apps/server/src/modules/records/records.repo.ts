import { and, eq, getTableColumns, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { searchCandidates, type ListPlan, type SearchKind } from '../../infra/db/record-list.js';
import type { TenantTransaction } from '../../infra/db/tenant.js';

/** The columns every CRM record table has (schema/crm.ts `recordColumns`). */
export interface RecordTable {
  table: PgTable;
  id: PgColumn;
  version: PgColumn;
  deletedAt: PgColumn;
  /** Present on kinds that carry tags. */
  tagIds?: PgColumn;
}

export type Row = Record<string, unknown> & { id: string; version: number; deletedAt: Date | null };

/**
 * Queries shared by every record kind. Each module's repo binds them to its table; RLS scopes
 * every statement to the transaction's organization.
 */
export function recordQueries(record: RecordTable) {
  const { table, id, version, deletedAt } = record;
  const byId = (recordId: string) => eq(id, recordId);
  // The search columns are for the database's indexes, never for the answer: leave them out of every row.
  const { search: _search, fullName: _fullName, ...columns } = getTableColumns(table);

  const queries = {
    async page(tx: TenantTransaction, plan: ListPlan, limit: number): Promise<Row[]> {
      return (await tx
        .select(columns)
        .from(table)
        .where(plan.where)
        .orderBy(...plan.orderBy)
        .limit(limit)) as Row[];
    },

    async find(tx: TenantTransaction, recordId: string, options: { lock?: boolean } = {}): Promise<Row | null> {
      const query = tx.select(columns).from(table).where(byId(recordId));
      const [row] = await (options.lock ? query.for('update') : query);
      return (row as Row | undefined) ?? null;
    },

    /** The ids among `ids` that exist, live or in the trash as asked. */
    async existing(tx: TenantTransaction, ids: string[], state: 'live' | 'deleted'): Promise<Set<string>> {
      const rows = await tx
        .select({ id })
        .from(table)
        .where(and(inArray(id, ids), state === 'live' ? isNull(deletedAt) : isNotNull(deletedAt)));
      return new Set(rows.map((row) => row.id as string));
    },

    async insert(tx: TenantTransaction, values: Record<string, unknown>): Promise<Row> {
      const [row] = await tx.insert(table).values(values).returning(columns);
      return row as Row;
    },

    /** Sets `values` when the row is still at `expectedVersion`; null when someone wrote first. */
    async update(tx: TenantTransaction, recordId: string, expectedVersion: number, values: Record<string, unknown>): Promise<Row | null> {
      const [row] = await tx
        .update(table)
        .set(values)
        .where(and(byId(recordId), eq(version, expectedVersion)))
        .returning(columns);
      return (row as Row | undefined) ?? null;
    },

    async updateMany(tx: TenantTransaction, ids: string[], values: Record<string, unknown>): Promise<{ id: string; version: number }[]> {
      return (await tx.update(table).set(values).where(inArray(id, ids)).returning({ id, version })) as { id: string; version: number }[];
    },

    /** The record when it is live (not in the trash). */
    async findLive(tx: TenantTransaction, recordId: string): Promise<Row | null> {
      const row = await queries.find(tx, recordId);
      return row && !row.deletedAt ? row : null;
    },

    async purge(tx: TenantTransaction, recordId: string): Promise<boolean> {
      const rows = await tx.delete(table).where(byId(recordId)).returning({ id });
      return rows.length > 0;
    },
  };
  return queries;
}

export type RecordQueries = ReturnType<typeof recordQueries>;

/** `tag_ids` plus `add` without duplicates, or minus `remove`. */
export const addTags = (column: PgColumn, add: string[]) =>
  sql`(select coalesce(array_agg(distinct tag), '{}'::uuid[]) from unnest(${column} || ${sql.param(add, column)}) as tag)`;
export const removeTags = (column: PgColumn, remove: string[]) =>
  sql`(select coalesce(array_agg(tag), '{}'::uuid[]) from unnest(${column}) as tag where tag <> all(${sql.param(remove, column)}))`;

const iso = (value: unknown) => (value as Date).toISOString();

/**
 * The bookkeeping fields every record answers with. Spread it last in a mapper: V8 copies a
 * leading spread into a dictionary-mode object (measured ~900 µs per 50 rows against ~95 µs).
 */
export function recordMeta(row: Row) {
  return { id: row.id, version: row.version, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt), deletedAt: row.deletedAt ? iso(row.deletedAt) : null };
}

/**
 * The `tags` filter of a list: has the tag (eq), has any of them (in), has none (empty). The
 * records are found through their search terms (`searchCandidates`).
 */
export function tagsFilter(column: PgColumn, kind: SearchKind, id: PgColumn) {
  return {
    filter: (operator: string, value: unknown) => {
      if (operator === 'empty') return value ? sql`cardinality(${column}) = 0` : sql`cardinality(${column}) > 0`;
      const ids = operator === 'in' ? (value as string[]) : [value as string];
      const every = operator !== 'in';
      const matches = every ? sql`${column} @> ${sql.param(ids, column)}` : sql`${column} && ${sql.param(ids, column)}`;
      return ids.length === 0 ? matches : searchCandidates(kind, id, sql`search_tags_query(${sql.param(ids, column)}, ${every})`, matches);
    },
  };
}

/**
 * A filter through a many-to-many link table: records with a link to `value` (eq), without one
 * (ne), with one to any of them (in), or with no link at all (empty).
 */
export function linkFilter(link: { table: PgTable; from: PgColumn; to: PgColumn }, recordId: PgColumn) {
  const linked = (condition: SQL) => sql`exists (select 1 from ${link.table} where ${link.from} = ${recordId} and ${condition})`;
  return {
    filter: (operator: string, value: unknown) => {
      switch (operator) {
        case 'eq':
          return linked(sql`${link.to} = ${value}`);
        case 'ne':
          return sql`not ${linked(sql`${link.to} = ${value}`)}`;
        case 'in':
          return linked(sql`${link.to} = any(${sql.param(value, link.to)}::uuid[])`);
        default:
          return value ? sql`not ${linked(sql`true`)}` : linked(sql`true`);
      }
    },
  };
}
