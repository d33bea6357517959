import type { Company } from '@spanner/contracts';
import { cx } from 'class-variance-authority';
import { X } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { useRecord, useRecordList } from '../lib/record-api';
import { companyKind } from '../lib/record-kinds';
import { useDebounced } from '../lib/use-debounced';
import type { FilterPicker } from './record-list/FilterBuilder';
import { SEARCH_DEBOUNCE_MS } from './record-list/SearchBox';
import { Button } from './ui/Button';
import { Input } from './ui/Input';

/** A company's name by id (for chips and cells); a dash while it loads. */
export function CompanyName({ id }: { id: string }) {
  const company = useRecord(companyKind, id);
  if (company.isError) return <>Unknown company</>;
  return <>{company.data?.name ?? '…'}</>;
}

interface CompanyPickerProps {
  id?: string;
  /** The chosen company's id, '' for none. */
  value: string;
  onChange: (id: string) => void;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean | undefined;
  /** Names the box when no label points at it. */
  'aria-label'?: string;
}

/** Finds a company by name among thousands: a combobox that searches as you type. */
export function CompanyPicker({ id, value, onChange, ...aria }: CompanyPickerProps) {
  const listId = useId();
  const chosen = useRecord(companyKind, value, { enabled: value !== '' });
  const chosenName = value === '' ? '' : (chosen.data?.name ?? '');
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text ?? '', SEARCH_DEBOUNCE_MS);
  const query = useMemo(() => new URLSearchParams(q.trim() === '' ? { sort: 'name' } : { q: q.trim() }), [q]);
  const results = useRecordList(companyKind, query, { enabled: open });
  const options = useMemo(() => results.data?.pages[0]?.data.slice(0, 10) ?? [], [results.data]);

  const choose = (company: Company) => {
    onChange(company.id);
    setText(null);
    setOpen(false);
  };

  return (
    <div className="relative">
      <div className="flex gap-1">
        <Input
          id={id}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
          {...aria}
          autoComplete="off"
          placeholder="Search companies"
          value={text ?? chosenName}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setText(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, options.length - 1));
            else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
            else if (event.key === 'Escape') setOpen(false);
            else if (event.key === 'Enter' && open && options[active]) choose(options[active]);
            else return;
            event.preventDefault();
          }}
        />
        {value !== '' && <Button variant="ghost" icon={<X />} aria-label="Clear company" onClick={() => onChange('')} />}
      </div>
      {open && (
        <ul id={listId} role="listbox" aria-label="Companies" className="absolute z-50 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-border bg-background p-1 shadow-lg">
          {options.length === 0 && <li className="px-2 py-1.5 text-sm text-muted-foreground">{results.isFetching ? 'Searching…' : 'No company found'}</li>}
          {options.map((company, index) => (
            <li
              key={company.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={cx('cursor-default rounded-sm px-2 py-1.5 text-sm', index === active && 'bg-muted')}
              // Before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(company);
              }}
              onMouseEnter={() => setActive(index)}
            >
              {company.name}
              {company.domain && <span className="ml-2 text-muted-foreground">{company.domain}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** In a filter builder: records "of a company" are found by searching the company. */
export const companyFilterPicker: FilterPicker = {
  input: ({ id, value, onChange, describedBy, invalid }) => (
    <CompanyPicker id={id} value={value} onChange={onChange} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
  ),
  label: (id) => <CompanyName id={id} />,
};
