import { Unlink } from 'lucide-react';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { RecordKind } from '../../lib/record-kinds';
import { RecordPicker } from '../RecordPicker';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { Input } from '../ui/Input';

export interface LinkedItem {
  id: string;
  to: string;
  name: string;
  detail?: string | null;
  role?: string | null;
  primary?: boolean;
}

interface LinkedRecordListProps {
  /** Names the list: "Contacts of Acme". */
  label: string;
  items: LinkedItem[];
  canWrite: boolean;
  onUnlink: (item: LinkedItem) => void;
  /** Whose unlink is on its way. */
  unlinkingId?: string | null;
}

/** Records linked to this one, each a link to its page, with its role and an unlink button. */
export function LinkedRecordList({ label, items, canWrite, onUnlink, unlinkingId }: LinkedRecordListProps) {
  return (
    <ul aria-label={label} className="divide-y divide-border">
      {items.map((item) => (
        <li key={item.id} className="flex items-center gap-2 py-2">
          <div className="flex min-w-0 flex-1 flex-col">
            <span className="flex flex-wrap items-center gap-2">
              <Link to={item.to} className="truncate rounded-sm text-sm font-medium hover:underline focus-visible:outline-2 focus-visible:outline-ring">
                {item.name}
              </Link>
              {item.primary && <Badge tone="primary">Primary</Badge>}
            </span>
            {(item.role || item.detail) && <span className="truncate text-xs text-muted-foreground">{[item.role, item.detail].filter(Boolean).join(' · ')}</span>}
          </div>
          {canWrite && (
            <Button variant="ghost" size="sm" icon={<Unlink />} aria-label={`Unlink ${item.name}`} loading={unlinkingId === item.id} onClick={() => onUnlink(item)} />
          )}
        </li>
      ))}
    </ul>
  );
}

export interface LinkChoice<Item> {
  item: Item;
  role: string;
  isPrimary: boolean;
}

interface LinkFormProps<Item extends { id: string; version: number }> {
  kind: RecordKind<Item, unknown, unknown, unknown>;
  /** The picker's name: "Contact to link". */
  pickerLabel: string;
  optionLabel: (item: Item) => string;
  optionDetail?: (item: Item) => string | null;
  excludeIds: ReadonlySet<string>;
  sort: string;
  /** With it, a checkbox so named sets the primary flag. */
  primaryLabel?: string;
  pending: boolean;
  onLink: (choice: LinkChoice<Item>) => void;
  onCancel: () => void;
}

/** Chooses a record to link, with its role (and whether the link is the primary one). */
export function LinkForm<Item extends { id: string; version: number }>(props: LinkFormProps<Item>) {
  const { kind, pickerLabel, optionLabel, optionDetail, excludeIds, sort, primaryLabel, pending, onLink, onCancel } = props;
  const [chosen, setChosen] = useState<Item | null>(null);
  const [role, setRole] = useState('');
  const [isPrimary, setIsPrimary] = useState(false);
  const [missing, setMissing] = useState(false);
  const primaryId = useId();
  const errorId = useId();

  return (
    <form
      aria-label={pickerLabel}
      className="flex flex-col gap-2 rounded-md border border-border p-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen === null) return setMissing(true);
        onLink({ item: chosen, role: role.trim(), isPrimary });
      }}
    >
      <RecordPicker
        kind={kind}
        label={pickerLabel}
        chosen={chosen}
        onChoose={(item) => {
          setChosen(item);
          setMissing(false);
        }}
        optionLabel={optionLabel}
        optionDetail={optionDetail}
        excludeIds={excludeIds}
        sort={sort}
        autoFocus
      />
      {missing && (
        <p id={errorId} className="text-sm text-danger-text">
          Choose a {kind.noun} from the list first.
        </p>
      )}
      <Input aria-label="Role" placeholder="Role (optional): Buyer, Champion…" value={role} maxLength={100} onChange={(event) => setRole(event.target.value)} />
      {primaryLabel && (
        <div className="flex items-center gap-2 text-sm">
          <input id={primaryId} type="checkbox" className="size-4 accent-primary" checked={isPrimary} onChange={(event) => setIsPrimary(event.target.checked)} />
          <label htmlFor={primaryId}>{primaryLabel}</label>
        </div>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" size="sm" loading={pending}>
          Link
        </Button>
      </div>
    </form>
  );
}
