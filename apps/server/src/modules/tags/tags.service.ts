import type { CreateTagRequest, Tag, TagColor, UpdateTagRequest } from '@spanner/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../infra/db/client.js';
import type { TenantTransaction } from '../../infra/db/tenant.js';
import { recordMeta, type Row } from '../records/records.repo.js';
import { createRecordService, invalidFields } from '../records/records.service.js';
import { findLiveTagIds, tagList, tagQueries } from './tags.repo.js';

/** Checks every id in `tagIds` is a live tag of the organization; the error names each one that is not. */
export async function requireTags(tx: TenantTransaction, tagIds: string[], path: string): Promise<void> {
  if (tagIds.length === 0) return;
  const found = await findLiveTagIds(tx, tagIds);
  const missing = tagIds.flatMap((id, index) => (found.has(id) ? [] : [{ path: `${path}.${index}`, message: 'is not a tag of this organization' }]));
  if (missing.length > 0) throw invalidFields(missing);
}

const toTag = (row: Row): Tag => ({ name: row.name as string, color: row.color as TagColor, ...recordMeta(row) });

export function createTagsService(db: Database) {
  return createRecordService<Tag, CreateTagRequest, UpdateTagRequest>(db, {
    noun: 'tag',
    queries: tagQueries,
    list: tagList,
    toApi: toTag,
    valuesToInsert: async (_tx, actor, input) => ({ id: uuidv7(), orgId: actor.orgId, name: input.name, color: input.color ?? 'gray' }),
    valuesToUpdate: async (_tx, _actor, patch) => ({ ...patch }),
    uniqueFields: { tags_name_key: 'name' },
  });
}

export type TagsService = ReturnType<typeof createTagsService>;
