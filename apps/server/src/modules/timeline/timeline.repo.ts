import { inArray, sql } from 'drizzle-orm';
import { notes, tasks } from '../../infra/db/schema/index.js';
import type { TenantTransaction } from '../../infra/db/tenant.js';
import type { Row } from '../records/records.repo.js';

export type TimelineItemType = 'change' | 'note' | 'task' | 'stageMove';

export interface TimelineRow {
  type: TimelineItemType;
  itemId: string;
  at: string;
  actorUserId: string | null;
  actorUserName: string | null;
  actorApiKeyId: string | null;
  actorApiKeyName: string | null;
  action: 'insert' | 'update' | 'delete' | null;
  changes: Record<string, { old: unknown; new: unknown }> | null;
  fromStageId: string | null;
  toStageId: string | null;
}

/**
 * What happened to one record, newest first: its audit entries, its notes and tasks, and (deals)
 * its stage moves. `before` continues after the last item of the previous page.
 */
export async function findTimeline(
  tx: TenantTransaction,
  record: { table: string; id: string; withStageMoves: boolean },
  before: { at: string; key: string } | null,
  limit: number,
): Promise<TimelineRow[]> {
  const stageMoves = record.withStageMoves
    ? sql`union all
        select 'stageMove', h.id::text, h.at, h.actor_user_id, h.actor_api_key_id, null, null, h.from_stage_id, h.to_stage_id
        from deal_stage_history h where h.deal_id = ${record.id}`
    : sql``;
  const result = (await tx.execute(sql`
    select items.type, items.item_id as "itemId", to_char(items.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
      items.actor_user_id as "actorUserId", u.name as "actorUserName", items.actor_api_key_id as "actorApiKeyId", k.name as "actorApiKeyName",
      items.action, items.changes, items.from_stage_id as "fromStageId", items.to_stage_id as "toStageId"
    from (
      select 'change' as type, a.id::text as item_id, a.at, a.actor_user_id, a.actor_api_key_id, a.action, a.changes,
        null::uuid as from_stage_id, null::uuid as to_stage_id
      from audit_log a where a.org_id = app_org_id() and a.table_name = ${record.table} and a.row_id = ${record.id}
      union all
      select 'note', n.id::text, n.created_at, n.author_id, null, null, null, null, null
      from notes n where n.org_id = app_org_id() and n.record_id = ${record.id} and n.deleted_at is null
      union all
      select 'task', t.id::text, t.created_at, t.created_by, null, null, null, null, null
      from tasks t where t.org_id = app_org_id() and t.record_id = ${record.id} and t.deleted_at is null
      ${stageMoves}
    ) items
    left join users u on u.id = items.actor_user_id
    left join api_keys k on k.id = items.actor_api_key_id
    where ${before ? sql`(items.at, items.type || ':' || items.item_id) < (${before.at}::timestamptz, ${before.key})` : sql`true`}
    order by items.at desc, items.type || ':' || items.item_id desc
    limit ${limit}`)) as unknown as { rows: TimelineRow[] };
  return result.rows;
}

export async function findNotes(tx: TenantTransaction, ids: string[]): Promise<Row[]> {
  return ids.length === 0 ? [] : ((await tx.select().from(notes).where(inArray(notes.id, ids))) as Row[]);
}

export async function findTasks(tx: TenantTransaction, ids: string[]): Promise<Row[]> {
  return ids.length === 0 ? [] : ((await tx.select().from(tasks).where(inArray(tasks.id, ids))) as Row[]);
}
