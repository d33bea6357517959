import { MAX_BULK_IDS, type Member, type Tag } from '@spanner/contracts';
import { ChevronDown, Tag as TagIcon, Trash2, UserRound, X } from 'lucide-react';
import type { ReactNode } from 'react';
import { toast } from 'sonner';
import { describeError } from '../../lib/api-client';
import { useBulkRecords } from '../../lib/record-api';
import type { RecordKind } from '../../lib/record-kinds';
import { TagBadge } from '../TagBadge';
import { Button } from '../ui/Button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from '../ui/DropdownMenu';

/** Runs one bulk request and says how it went; resolves true when it succeeded. */
export type RunBulk<Bulk> = (request: Bulk, success: string, undo?: { request: Bulk; success: string }) => Promise<boolean>;

interface BulkActionBarProps<Bulk> {
  kind: RecordKind<{ id: string; version: number }, unknown, unknown, Bulk>;
  selectedIds: string[];
  onClearSelection: () => void;
  tags: Tag[];
  members: Member[];
  /** Whether the records have an owner (set owner). */
  owners?: boolean;
  /** The kind's own actions (set lifecycle stage, move to stage), given the runner and whether actions are possible now. */
  children?: (run: RunBulk<Bulk>, disabled: boolean) => ReactNode;
}

const count = (ids: string[], noun: string, plural: string) => `${ids.length} ${ids.length === 1 ? noun : plural}`;

/** What can be done to the selected rows at once: tags, owner, the kind's own actions, the trash. */
export function BulkActionBar<Bulk>({
  kind,
  selectedIds,
  onClearSelection,
  tags,
  members,
  owners = true,
  children,
}: BulkActionBarProps<Bulk>) {
  const bulk = useBulkRecords(kind);
  const these = count(selectedIds, kind.noun, kind.plural);
  // The API changes at most this many at once; more would be refused whole.
  const tooMany = selectedIds.length > MAX_BULK_IDS;
  const disabled = bulk.isPending || tooMany;

  const run: RunBulk<Bulk> = (request, success, undo) =>
    bulk.mutateAsync(request).then(
      () => {
        toast.success(success, undo && { action: { label: 'Undo', onClick: () => void run(undo.request, undo.success) } });
        return true;
      },
      (error: unknown) => {
        toast.error(describeError(error));
        return false;
      },
    );
  // The common actions are the same for every kind; the kind's type only adds its own.
  const request = (body: Record<string, unknown>) => ({ ...body, ids: selectedIds }) as Bulk;

  const moveToTrash = async () => {
    const done = await run(request({ action: 'delete' }), `${these} moved to the trash.`, { request: request({ action: 'restore' }), success: `${these} restored.` });
    if (done) onClearSelection();
  };

  return (
    <div
      role="toolbar"
      aria-label="Bulk actions"
      aria-busy={bulk.isPending || undefined}
      className="flex flex-wrap items-center gap-2 rounded-lg border border-primary/40 bg-primary/5 px-3 py-2"
    >
      <p className="mr-2 text-sm font-medium" aria-live="polite">
        {selectedIds.length} selected
        {tooMany && <span className="ml-2 font-normal text-muted-foreground">Choose at most {MAX_BULK_IDS.toLocaleString()} to change them at once.</span>}
      </p>
      <TagMenu label="Add tag" tags={tags} disabled={disabled} onPick={(tag) => void run(request({ action: 'addTags', tagIds: [tag.id] }), `Tag ${tag.name} added to ${these}.`)} />
      <TagMenu
        label="Remove tag"
        tags={tags}
        disabled={disabled}
        onPick={(tag) => void run(request({ action: 'removeTags', tagIds: [tag.id] }), `Tag ${tag.name} removed from ${these}.`)}
      />
      {owners && (
        <BulkMenu label="Set owner" icon={<UserRound />} disabled={disabled}>
          {members.map((member) => (
            <DropdownMenuItem
              key={member.userId}
              onSelect={() => void run(request({ action: 'update', fields: { ownerId: member.userId } }), `${member.name} now owns ${these}.`)}
            >
              {member.name}
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => void run(request({ action: 'update', fields: { ownerId: null } }), `No owner on ${these} now.`)}>No owner</DropdownMenuItem>
        </BulkMenu>
      )}
      {children?.(run, disabled)}
      <Button variant="secondary" size="sm" icon={<Trash2 />} disabled={disabled} onClick={() => void moveToTrash()}>
        Move to trash
      </Button>
      <Button variant="ghost" size="sm" icon={<X />} className="ml-auto" onClick={onClearSelection}>
        Clear selection
      </Button>
    </div>
  );
}

interface BulkMenuProps {
  label: string;
  icon?: ReactNode;
  disabled?: boolean;
  children: ReactNode;
}

/** A bulk action that needs a choice (which tag, which owner): a button opening a menu of choices. */
export function BulkMenu({ label, icon, disabled, children }: BulkMenuProps) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="secondary" size="sm" icon={icon} disabled={disabled}>
          {label}
          <ChevronDown aria-hidden="true" className="size-3.5" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="max-h-80 overflow-y-auto">
        <DropdownMenuLabel>{label}</DropdownMenuLabel>
        {children}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function TagMenu({ label, tags, disabled, onPick }: { label: string; tags: Tag[]; disabled: boolean; onPick: (tag: Tag) => void }) {
  return (
    <BulkMenu label={label} icon={<TagIcon />} disabled={disabled}>
      {tags.length === 0 && <DropdownMenuItem disabled>No tags yet</DropdownMenuItem>}
      {tags.map((tag) => (
        <DropdownMenuItem key={tag.id} onSelect={() => onPick(tag)}>
          <TagBadge tag={tag} />
        </DropdownMenuItem>
      ))}
    </BulkMenu>
  );
}
