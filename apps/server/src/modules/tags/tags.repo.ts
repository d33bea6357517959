import { and, inArray, isNull } from 'drizzle-orm';
import { tags } from '../../infra/db/schema/index.js';
import type { ListSource } from '../../infra/db/record-list.js';
import type { TenantTransaction } from '../../infra/db/tenant.js';
import { tagFields } from '@spanner/contracts';
import { recordQueries } from '../records/records.repo.js';

export const tagQueries = recordQueries({ table: tags, id: tags.id, version: tags.version, deletedAt: tags.deletedAt });

export const tagList: ListSource<typeof tagFields> = {
  specs: tagFields,
  fields: { name: { column: tags.name }, color: { column: tags.color }, createdAt: { column: tags.createdAt }, updatedAt: { column: tags.updatedAt } },
  id: tags.id,
  deletedAt: tags.deletedAt,
  search: tags.name,
  defaultSort: [{ field: 'name', direction: 'asc' }],
};

/** The ids among `ids` that are live tags of the organization. */
export async function findLiveTagIds(tx: TenantTransaction, ids: string[]): Promise<Set<string>> {
  const rows = await tx
    .select({ id: tags.id })
    .from(tags)
    .where(and(inArray(tags.id, ids), isNull(tags.deletedAt)));
  return new Set(rows.map((row) => row.id));
}
