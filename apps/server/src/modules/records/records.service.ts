import type { BulkResult, FieldSpecs, SortKey } from '@spanner/contracts';
import { sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../infra/db/client.js';
import { violatedUniqueConstraint } from '../../infra/db/errors.js';
import { planList, type ListSource } from '../../infra/db/record-list.js';
import { withTenant, type TenantTransaction } from '../../infra/db/tenant.js';
import { HttpProblem } from '../../infra/http/problem.js';
import { tenantScopeOf, type Actor } from '../auth/actor.js';
import { addTags, removeTags, type RecordQueries, type Row } from './records.repo.js';

/** What makes a table a record kind: its queries, its list, its mapping and its rules. */
export interface RecordKind<Api, Create, Patch> {
  /** Singular, for messages: "company". */
  noun: string;
  queries: RecordQueries;
  list: ListSource<FieldSpecs>;
  toApi: (row: Row) => Api;
  /** Column values of a new record, after checking the members, tags and records it names. */
  valuesToInsert: (tx: TenantTransaction, actor: Actor, input: Create) => Promise<Record<string, unknown>>;
  /** Column values a merge patch sets; `current` is null in a bulk update (the same patch for every row). */
  valuesToUpdate: (tx: TenantTransaction, actor: Actor, patch: Patch, current: Row | null) => Promise<Record<string, unknown>>;
  /** Kinds with tags: the `tag_ids` column, and the check that tag ids exist in the organization. */
  tags?: { column: PgColumn; require: (tx: TenantTransaction, tagIds: string[], path: string) => Promise<void> };
  /**
   * A rule a bulk update must keep on each row, where the patch alone cannot tell (a contact keeps
   * a first or a last name): the ids it would break, and why.
   */
  bulkUpdateRule?: (tx: TenantTransaction, ids: string[], patch: Patch) => Promise<{ breaking: Set<string>; message: string }>;
  /** Unique constraints, and the field each one protects (named in the 409). */
  uniqueFields?: Record<string, string>;
  /** A rule beyond the route's permission for changing, trashing or restoring one record (notes: their author); throws 403. */
  requireMayChange?: (actor: Actor, current: Row) => void;
}

export interface ListQuery {
  q?: string;
  sort?: SortKey[];
  limit: number;
  cursor?: string;
  deleted: 'exclude' | 'only';
  [key: string]: unknown;
}

export type BaseBulkRequest<Patch> =
  | { action: 'update'; ids: string[]; fields: Patch }
  | { action: 'addTags' | 'removeTags'; ids: string[]; tagIds: string[] }
  | { action: 'delete' | 'restore'; ids: string[] };

export const invalidFields = (errors: { path: string; message: string }[]) => new HttpProblem({ status: 422, detail: 'The request has invalid fields.', errors });

/** List, read, write, trash and bulk-change records of one kind, inside the actor's organization. */
export function createRecordService<Api, Create, Patch>(db: Database, kind: RecordKind<Api, Create, Patch>) {
  const { queries, noun } = kind;
  const inTenant = <T>(actor: Actor, fn: (tx: TenantTransaction) => Promise<T>) => withTenant(db, tenantScopeOf(actor), fn);

  const notFound = () => new HttpProblem({ status: 404, detail: `No such ${noun}.` });
  const stale = (row: Row) =>
    new HttpProblem({
      status: 412,
      detail: `The ${noun} changed since you read it: it is at version ${row.version}. Merge your change into the current one and try again.`,
      extensions: { current: kind.toApi(row) },
    });

  /** A unique violation is a 409 naming the field; anything else stays an error. */
  function conflictOr(error: unknown): never {
    const constraint = violatedUniqueConstraint(error);
    const field = constraint === null ? undefined : kind.uniqueFields?.[constraint];
    if (field) throw new HttpProblem({ status: 409, detail: `Another ${noun} already has this ${field}.`, errors: [{ path: `body.${field}`, message: `is already used by another ${noun}` }] });
    throw error;
  }

  async function requireRow(tx: TenantTransaction, id: string, lock = false): Promise<Row> {
    const row = await queries.find(tx, id, { lock });
    if (!row) throw notFound();
    return row;
  }

  async function requireCurrent(tx: TenantTransaction, id: string, expectedVersion: number | null): Promise<Row> {
    const row = await requireRow(tx, id, true);
    if (expectedVersion !== null && row.version !== expectedVersion) throw stale(row);
    return row;
  }

  const inTrash = () => new HttpProblem({ status: 409, detail: `The ${noun} is in the trash; restore it first.` });

  return {
    kind,

    async list(actor: Actor, query: ListQuery): Promise<{ data: Api[]; page: { nextCursor: string | null } }> {
      const plan = planList(kind.list, query);
      // One more than asked tells whether another page exists.
      const rows = await inTenant(actor, (tx) => queries.page(tx, plan, query.limit + 1));
      const page = rows.slice(0, query.limit);
      return { data: page.map(kind.toApi), page: { nextCursor: rows.length > query.limit ? plan.cursorAfter(page.at(-1)!) : null } };
    },

    /** The record, also when it is in the trash (`deletedAt` says so). */
    async get(actor: Actor, id: string): Promise<Api> {
      return kind.toApi(await inTenant(actor, (tx) => requireRow(tx, id)));
    },

    async create(actor: Actor, input: Create): Promise<Api> {
      try {
        return kind.toApi(await inTenant(actor, async (tx) => queries.insert(tx, await kind.valuesToInsert(tx, actor, input))));
      } catch (error) {
        return conflictOr(error);
      }
    },

    /** Applies a merge patch; with `expectedVersion` (If-Match) a concurrent change is a 412, never overwritten. */
    async update(actor: Actor, id: string, patch: Patch, expectedVersion: number | null): Promise<Api> {
      try {
        return kind.toApi(
          await inTenant(actor, async (tx) => {
            const current = await requireCurrent(tx, id, expectedVersion);
            kind.requireMayChange?.(actor, current);
            if (current.deletedAt) throw inTrash();
            const values = await kind.valuesToUpdate(tx, actor, patch, current);
            if (Object.keys(values).length === 0) return current;
            return (await queries.update(tx, id, current.version, values))!;
          }),
        );
      } catch (error) {
        return conflictOr(error);
      }
    },

    /** Moves the record to the trash (restorable); deleting what is already there changes nothing. */
    async remove(actor: Actor, id: string, expectedVersion: number | null): Promise<void> {
      await inTenant(actor, async (tx) => {
        const current = await requireCurrent(tx, id, expectedVersion);
        kind.requireMayChange?.(actor, current);
        if (!current.deletedAt) await queries.update(tx, id, current.version, { deletedAt: sql`now()` });
      });
    },

    async restore(actor: Actor, id: string): Promise<Api> {
      try {
        return kind.toApi(
          await inTenant(actor, async (tx) => {
            const current = await requireRow(tx, id, true);
            kind.requireMayChange?.(actor, current);
            if (!current.deletedAt) return current;
            return (await queries.update(tx, id, current.version, { deletedAt: null }))!;
          }),
        );
      } catch (error) {
        return conflictOr(error);
      }
    },

    /** Deletes for good: no trash, no restore. */
    async purge(actor: Actor, id: string): Promise<void> {
      const purged = await inTenant(actor, (tx) => queries.purge(tx, id));
      if (!purged) throw notFound();
    },

    /**
     * One transaction for up to 1,000 records: every id must be a record of this organization in
     * the right state, or nothing changes and the answer names each failing item.
     */
    async bulk(
      actor: Actor,
      request: BaseBulkRequest<Patch>,
      extraValues?: (tx: TenantTransaction) => Promise<Record<string, unknown>>,
    ): Promise<BulkResult> {
      // An empty patch has nothing to set: an UPDATE without columns is a database error.
      if (request.action === 'update' && Object.keys(request.fields as object).length === 0) {
        throw invalidFields([{ path: 'body.fields', message: 'must name at least one field to change' }]);
      }
      try {
        return await inTenant(actor, async (tx) => {
          const state = request.action === 'restore' ? 'deleted' : 'live';
          const found = await queries.existing(tx, request.ids, state);
          requireEveryItem(request.ids, (id) => found.has(id), state === 'live' ? `is not a ${noun} of this organization` : 'is not in the trash');
          const values = await bulkValues(tx, actor, request, extraValues);
          const changed = await queries.updateMany(tx, request.ids, values);
          const versions = new Map(changed.map((row) => [row.id, row.version]));
          return { results: request.ids.map((id) => ({ id, status: 'ok' as const, version: versions.get(id)! })) };
        });
      } catch (error) {
        return conflictOr(error);
      }
    },
  };

  /** All or nothing: a 422 naming each item that fails `passes`. */
  function requireEveryItem(ids: string[], passes: (id: string) => boolean, message: string): void {
    const failures = ids.flatMap((id, index) => (passes(id) ? [] : [{ path: `body.ids.${index}`, message }]));
    if (failures.length > 0) {
      throw new HttpProblem({ status: 422, detail: `${failures.length} of ${ids.length} records cannot be changed, so none was changed.`, errors: failures });
    }
  }

  async function bulkValues(
    tx: TenantTransaction,
    actor: Actor,
    request: BaseBulkRequest<Patch>,
    extraValues?: (tx: TenantTransaction) => Promise<Record<string, unknown>>,
  ): Promise<Record<string, unknown>> {
    switch (request.action) {
      case 'update':
        if (kind.bulkUpdateRule) {
          const { breaking, message } = await kind.bulkUpdateRule(tx, request.ids, request.fields);
          requireEveryItem(request.ids, (id) => !breaking.has(id), message);
        }
        return kind.valuesToUpdate(tx, actor, request.fields, null);
      case 'addTags':
      case 'removeTags':
        if (!kind.tags) throw invalidFields([{ path: 'body.action', message: `${noun} records have no tags` }]);
        await kind.tags.require(tx, request.tagIds, 'body.tagIds');
        return { tagIds: request.action === 'addTags' ? addTags(kind.tags.column, request.tagIds) : removeTags(kind.tags.column, request.tagIds) };
      case 'delete':
        return { deletedAt: sql`now()` };
      case 'restore':
        return { deletedAt: null };
      default:
        if (!extraValues) throw invalidFields([{ path: 'body.action', message: 'is not an action of this list' }]);
        return extraValues(tx);
    }
  }
}

export type RecordService<Api, Create, Patch> = ReturnType<typeof createRecordService<Api, Create, Patch>>;
