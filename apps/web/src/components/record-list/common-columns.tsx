import type { Member } from '@spanner/contracts';
import type { RecordLookups } from '../../lib/record-lookups';
import { TagList } from '../TagBadge';
import type { DataTableColumn } from '../ui/DataTable';
import { SelectOptions } from '../ui/Select';
import type { FilterChoice } from './FilterBuilder';
import { DateTimeCell, Maybe } from './cells';

interface OwnedRecord {
  ownerId: string | null;
  tagIds: string[];
  createdAt: string;
  updatedAt: string;
}

/** The columns companies, contacts and deals share: owner, tags, created, updated. */
export function ownedRecordColumns<Item extends OwnedRecord>(lookups: RecordLookups): DataTableColumn<Item>[] {
  return [
    { id: 'ownerId', header: 'Owner', cell: (item) => <Maybe>{lookups.memberName(item.ownerId)}</Maybe> },
    { id: 'tags', header: 'Tags', cell: (item) => <TagList tagIds={item.tagIds} tags={lookups.tagsById} /> },
    { id: 'createdAt', header: 'Created', sortable: true, cell: (item) => <DateTimeCell value={item.createdAt} /> },
    { id: 'updatedAt', header: 'Updated', sortable: true, cell: (item) => <DateTimeCell value={item.updatedAt} /> },
  ];
}

/** Filter values for the owner and the tags: names, not ids. */
export function ownedRecordFilterChoices(lookups: RecordLookups): Record<'ownerId' | 'tags', FilterChoice[]> {
  return {
    ownerId: lookups.members.map((member) => ({ value: member.userId, label: member.name })),
    tags: lookups.tags.map((tag) => ({ value: tag.id, label: tag.name })),
  };
}

/** The `<option>`s of an owner select, "No owner" first. */
export function OwnerOptions({ members }: { members: Member[] }) {
  return (
    <>
      <option value="">No owner</option>
      <SelectOptions options={members.map((member) => ({ value: member.userId, label: member.name }))} />
    </>
  );
}
