import type { Tag } from '@spanner/contracts';
import { Pencil, Tags } from 'lucide-react';
import { useEffect, useId, useRef, useState, type HTMLInputTypeAttribute, type ReactNode } from 'react';
import { toast } from 'sonner';
import { TagBadge } from '../TagBadge';
import { Button } from '../ui/Button';
import { DropdownMenu, DropdownMenuCheckboxItem, DropdownMenuContent, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from '../ui/DropdownMenu';
import { Input } from '../ui/Input';
import { Select, SelectOptions, type SelectOption } from '../ui/Select';
import { Spinner } from '../ui/Spinner';
import { enumLabel, type RecordLookups } from '../../lib/record-lookups';
import type { SaveResult } from './use-record-save';

/** A record's fields as label and value pairs. */
export function DetailList({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[minmax(6.5rem,auto)_minmax(0,1fr)] items-center gap-x-4 gap-y-1.5 text-sm">{children}</dl>;
}

export function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}

const valueButtonClasses =
  'group flex min-h-8 w-full min-w-0 items-center gap-2 rounded-md px-2 py-1 text-left hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring';

interface InlineTextProps {
  label: string;
  /** What the input starts with; '' for none. */
  value: string;
  /** What is shown when not editing (a link, an amount); the value itself by default. */
  display?: ReactNode;
  canEdit: boolean;
  type?: HTMLInputTypeAttribute;
  step?: string;
  /** Called when editing starts (so the record is read as the user saw it); returns the save. */
  onEdit: () => (text: string) => Promise<SaveResult>;
}

/**
 * A value that turns into an input when clicked: Enter or leaving the field saves, Escape cancels.
 * A refused value keeps the input open with the reason under it.
 */
export function InlineText({ label, value, display, canEdit, type = 'text', step, onEdit }: InlineTextProps) {
  const [editing, setEditing] = useState<{ draft: string; commit: (text: string) => Promise<SaveResult> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const leaving = useRef(false);
  const errorId = useId();
  const valueId = useId();
  const wasEditing = useRef(false);

  useEffect(() => {
    // Back from the input: keyboard focus returns to the value, not to the top of the page.
    if (editing === null && wasEditing.current) buttonRef.current?.focus();
    wasEditing.current = editing !== null;
  }, [editing]);

  const shown = display ?? (value === '' ? null : value);
  if (!canEdit) return <span className="block px-2 py-1 break-words">{shown ?? <span className="text-muted-foreground">—</span>}</span>;

  const stop = () => {
    setEditing(null);
    setError(null);
  };

  const commit = async () => {
    if (editing === null || saving) return;
    if (editing.draft.trim() === value.trim()) return stop();
    setSaving(true);
    const result = await editing.commit(editing.draft.trim());
    setSaving(false);
    if (result.status === 'failed') setError(result.message);
    else stop();
  };

  if (editing !== null) {
    return (
      <div className="flex flex-col gap-1">
        <div className="relative">
          <Input
            autoFocus
            aria-label={label}
            type={type}
            step={step}
            value={editing.draft}
            readOnly={saving}
            aria-invalid={error !== null || undefined}
            aria-describedby={error !== null ? errorId : undefined}
            onChange={(event) => setEditing({ ...editing, draft: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                void commit();
              } else if (event.key === 'Escape') {
                // Inside a dialog or not, Escape here only cancels this edit.
                event.preventDefault();
                event.stopPropagation();
                leaving.current = true;
                stop();
              }
            }}
            onBlur={() => {
              if (leaving.current) leaving.current = false;
              else void commit();
            }}
          />
          {saving && (
            <span className="absolute top-1/2 right-2 -translate-y-1/2">
              <Spinner />
              <span className="sr-only">Saving…</span>
            </span>
          )}
        </div>
        {error !== null && (
          <p id={errorId} className="text-sm text-danger-text">
            {error}
          </p>
        )}
      </div>
    );
  }

  return (
    <button
      ref={buttonRef}
      type="button"
      aria-label={`Edit ${label}`}
      aria-describedby={valueId}
      className={valueButtonClasses}
      onClick={() => {
        leaving.current = false;
        setEditing({ draft: value, commit: onEdit() });
      }}
    >
      <span id={valueId} className="min-w-0 flex-1 break-words">
        {shown ?? <span className="text-muted-foreground">Add {label.toLowerCase()}</span>}
      </span>
      <Pencil aria-hidden="true" className="size-3.5 shrink-0 text-muted-foreground opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100" />
    </button>
  );
}

interface InlineSelectProps {
  label: string;
  /** The chosen value; '' for none. */
  value: string;
  options: readonly SelectOption[];
  /** The option for no value ("No owner"); without it a value is required. */
  noneLabel?: string;
  canEdit: boolean;
  onSave: (value: string) => Promise<SaveResult>;
}

/** A choice saved as soon as it is made; it shows the new value while the save is on its way. */
export function InlineSelect({ label, value, options, noneLabel, canEdit, onSave }: InlineSelectProps) {
  const [pending, setPending] = useState<string | null>(null);
  if (!canEdit) {
    const shown = options.find((option) => option.value === value)?.label;
    return <span className="block px-2 py-1">{shown ?? <span className="text-muted-foreground">{noneLabel ?? '—'}</span>}</span>;
  }
  return (
    <Select
      aria-label={label}
      className="h-8 border-transparent bg-transparent read-only:bg-transparent hover:border-border"
      value={pending ?? value}
      disabled={pending !== null}
      onChange={(event) => {
        const next = event.target.value;
        setPending(next);
        void onSave(next).then((result) => {
          setPending(null);
          // A select has no room for a message under it: the reason goes in a toast.
          if (result.status === 'failed') toast.error(result.message);
        });
      }}
    >
      {noneLabel !== undefined && <option value="">{noneLabel}</option>}
      <SelectOptions options={options} />
    </Select>
  );
}

interface InlineTagsProps {
  tagIds: string[];
  tags: Tag[];
  tagsById: ReadonlyMap<string, Tag>;
  canEdit: boolean;
  onSave: (tagIds: string[]) => Promise<SaveResult>;
}

/** The record's tags; a menu of ticks changes them, saved once when it closes. */
export function InlineTags({ tagIds, tags, tagsById, canEdit, onSave }: InlineTagsProps) {
  const [draft, setDraft] = useState<string[] | null>(null);
  const shown = draft ?? tagIds;
  const badges = shown.flatMap((id) => tagsById.get(id) ?? []);

  const close = () => {
    if (draft === null) return;
    const changed = draft.length !== tagIds.length || draft.some((id) => !tagIds.includes(id));
    if (!changed) return setDraft(null);
    void onSave(draft).then((result) => {
      setDraft(null);
      if (result.status === 'failed') toast.error(result.message);
    });
  };

  return (
    <div className="flex flex-wrap items-center gap-1 px-2 py-1">
      {badges.map((tag) => (
        <TagBadge key={tag.id} tag={tag} />
      ))}
      {badges.length === 0 && !canEdit && <span className="text-muted-foreground">—</span>}
      {canEdit && (
        <DropdownMenu onOpenChange={(open) => (open ? setDraft(tagIds) : close())}>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="sm" icon={<Tags />} className="h-7 px-2">
              {badges.length === 0 ? 'Add tags' : 'Edit tags'}
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent>
            <DropdownMenuLabel>Tags</DropdownMenuLabel>
            <DropdownMenuSeparator />
            {tags.length === 0 && <p className="px-2 py-1.5 text-sm text-muted-foreground">No tags yet.</p>}
            {tags.map((tag) => (
              <DropdownMenuCheckboxItem
                key={tag.id}
                checked={shown.includes(tag.id)}
                onCheckedChange={(checked) => setDraft((current) => (checked ? [...(current ?? []), tag.id] : (current ?? []).filter((id) => id !== tag.id)))}
                onSelect={(event) => event.preventDefault()}
              >
                <TagBadge tag={tag} />
              </DropdownMenuCheckboxItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
      )}
    </div>
  );
}

interface OwnedRecord {
  ownerId: string | null;
  tagIds: string[];
}

interface OwnershipRowsProps {
  record: OwnedRecord;
  lookups: RecordLookups;
  canEdit: boolean;
  save: (patch: Partial<OwnedRecord>) => Promise<SaveResult>;
}

/** The owner (a member) and the tags: the rows every company, contact and deal has. */
export function OwnershipRows({ record, lookups, canEdit, save }: OwnershipRowsProps) {
  return (
    <>
      <DetailRow label="Owner">
        <InlineSelect
          label="Owner"
          value={record.ownerId ?? ''}
          options={lookups.members.map((member) => ({ value: member.userId, label: member.name }))}
          noneLabel="No owner"
          canEdit={canEdit}
          onSave={(ownerId) => save({ ownerId: ownerId === '' ? null : ownerId })}
        />
      </DetailRow>
      <DetailRow label="Tags">
        <InlineTags tagIds={record.tagIds} tags={lookups.tags} tagsById={lookups.tagsById} canEdit={canEdit} onSave={(tagIds) => save({ tagIds })} />
      </DetailRow>
    </>
  );
}

interface EnumRowProps {
  label: string;
  value: string | null;
  values: readonly string[];
  canEdit: boolean;
  /** Saves the chosen value, or null for "Not set". */
  onSave: (value: string | null) => Promise<SaveResult>;
}

/** An optional enum field (size, lifecycle stage, source) as a select, "Not set" first. */
export function EnumRow({ label, value, values, canEdit, onSave }: EnumRowProps) {
  return (
    <DetailRow label={label}>
      <InlineSelect
        label={label}
        value={value ?? ''}
        options={values.map((option) => ({ value: option, label: enumLabel(option) }))}
        noneLabel="Not set"
        canEdit={canEdit}
        onSave={(chosen) => onSave(chosen === '' ? null : chosen)}
      />
    </DetailRow>
  );
}
