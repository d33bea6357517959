import { cx } from 'class-variance-authority';
import { useId, useMemo, useState } from 'react';
import { useRecordList } from '../lib/record-api';
import type { RecordKind } from '../lib/record-kinds';
import { useDebounced } from '../lib/use-debounced';
import { SEARCH_DEBOUNCE_MS } from './record-list/SearchBox';
import { Input } from './ui/Input';

interface RecordPickerProps<Item extends { id: string; version: number }> {
  kind: RecordKind<Item, unknown, unknown, unknown>;
  /** The box's accessible name: "Contact to link". */
  label: string;
  chosen: Item | null;
  onChoose: (item: Item | null) => void;
  optionLabel: (item: Item) => string;
  optionDetail?: (item: Item) => string | null;
  /** Records not to offer (already linked). */
  excludeIds?: ReadonlySet<string>;
  /** The sort while nothing is typed: `lastName`, `name`. */
  sort: string;
  autoFocus?: boolean;
}

/**
 * Finds one record among many: a combobox that asks the kind's list (`q`) as you type. Arrow keys
 * move through the results, Enter chooses, Escape closes.
 */
export function RecordPicker<Item extends { id: string; version: number }>(props: RecordPickerProps<Item>) {
  const { kind, label, chosen, onChoose, optionLabel, optionDetail, excludeIds, sort, autoFocus } = props;
  const listId = useId();
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced((text ?? '').trim(), SEARCH_DEBOUNCE_MS);
  const query = useMemo(() => new URLSearchParams(q === '' ? { sort } : { q }), [q, sort]);
  const results = useRecordList(kind, query, { enabled: open });
  const options = useMemo(() => (results.data?.pages[0]?.data ?? []).filter((item) => !excludeIds?.has(item.id)).slice(0, 10), [results.data, excludeIds]);

  const choose = (item: Item) => {
    onChoose(item);
    setText(null);
    setOpen(false);
  };

  return (
    <div className="relative">
      <Input
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        autoFocus={autoFocus}
        autoComplete="off"
        placeholder={`Search ${kind.plural}`}
        value={text ?? (chosen ? optionLabel(chosen) : '')}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
          if (chosen) onChoose(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setText(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, options.length - 1));
          else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
          else if (event.key === 'Escape' && open) setOpen(false);
          else if (event.key === 'Enter' && open && options[active]) choose(options[active]);
          else return;
          event.preventDefault();
          event.stopPropagation();
        }}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label={label} className="absolute z-50 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-border bg-background p-1 shadow-lg">
          {options.length === 0 && <li className="px-2 py-1.5 text-sm text-muted-foreground">{results.isFetching ? 'Searching…' : `No ${kind.noun} found`}</li>}
          {options.map((item, index) => (
            <li
              key={item.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={cx('cursor-default rounded-sm px-2 py-1.5 text-sm', index === active && 'bg-muted')}
              // Before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(item);
              }}
              onMouseEnter={() => setActive(index)}
            >
              {optionLabel(item)}
              {optionDetail?.(item) && <span className="ml-2 text-muted-foreground">{optionDetail(item)}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
