import { operatorLabels, operatorsByType, type FieldSpec, type FieldSpecs, type FilterOperator } from '@spanner/contracts';
import { ListFilter, X } from 'lucide-react';
import { useId, useState, type ReactNode } from 'react';
import { filterError, filterKey, type ViewFilter } from '../../lib/list-view';
import { formatDateTime, formatDay, localInputValue } from '../../lib/format';
import { enumLabel } from '../../lib/record-lookups';
import { Button } from '../ui/Button';
import { FormField, SelectField, TextField } from '../ui/FormField';
import { SelectOptions, type SelectOption } from '../ui/Select';

/** A value a filter can take, by its label: a member's name for an owner id. */
export type FilterChoice = SelectOption;

/** A field whose value is found by searching (a company among thousands) rather than picked from a list. */
export interface FilterPicker {
  input: (props: { id: string; value: string; onChange: (value: string) => void; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  /** How a chosen value reads in the filter's chip. */
  label: (value: string) => ReactNode;
}

interface FilterBuilderProps {
  /** The kind's field declarations: every field can be filtered, with its type's operators. */
  fields: FieldSpecs;
  filters: ViewFilter[];
  onChange: (filters: ViewFilter[]) => void;
  /** The values of id and tags fields that have a known list: members for ownerId, the tags, stages. */
  choices?: Partial<Record<string, FilterChoice[]>>;
  pickers?: Partial<Record<string, FilterPicker>>;
}

/** Operators a field offers here: a picker chooses one value, so "is any of" is left out. */
function operatorsFor(spec: FieldSpec, picker: FilterPicker | undefined): readonly FilterOperator[] {
  const operators = operatorsByType[spec.type];
  return picker ? operators.filter((operator) => operator !== 'in') : operators;
}

/** Chips for the filters in force (each removable and editable), and a form to add one. */
export function FilterBuilder({ fields, filters, onChange, choices = {}, pickers = {} }: FilterBuilderProps) {
  // null: closed; -1: adding; n: editing filters[n].
  const [editing, setEditing] = useState<number | null>(null);

  const describe = (filter: ViewFilter): ReactNode => {
    const spec = fields[filter.field]!;
    if (filter.operator === 'empty') return `${spec.label} ${filter.value === 'true' ? 'is empty' : 'is not empty'}`;
    return (
      <>
        {spec.label} {operatorLabels[filter.operator]} <ValueLabel filter={filter} spec={spec} choices={choices[filter.field]} picker={pickers[filter.field]} />
      </>
    );
  };

  const save = (filter: ViewFilter) => {
    // One filter per API key: the same field and operator again replaces it.
    const others = filters.filter((existing, index) => index !== editing && filterKey(existing) !== filterKey(filter));
    const at = editing !== null && editing >= 0 ? Math.min(editing, others.length) : others.length;
    onChange([...others.slice(0, at), filter, ...others.slice(at)]);
    setEditing(null);
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        {filters.length > 0 && (
          <ul aria-label="Filters" className="flex flex-wrap gap-2">
            {filters.map((filter, index) => (
              <FilterChip
                key={filterKey(filter)}
                description={describe(filter)}
                onEdit={() => setEditing(index)}
                onRemove={() => {
                  onChange(filters.filter((_, at) => at !== index));
                  setEditing(null);
                }}
              />
            ))}
          </ul>
        )}
        <Button variant="secondary" icon={<ListFilter />} aria-expanded={editing === -1} onClick={() => setEditing(editing === -1 ? null : -1)}>
          Add filter
        </Button>
        {filters.length > 1 && (
          <Button variant="ghost" size="sm" onClick={() => onChange([])}>
            Clear filters
          </Button>
        )}
      </div>
      {editing !== null && (
        <FilterForm
          // A fresh form for each filter edited.
          key={editing}
          fields={fields}
          initial={editing >= 0 ? filters[editing] : undefined}
          choices={choices}
          pickers={pickers}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
    </div>
  );
}

/** A filter in force: its description edits it, the cross removes it; both named by the description. */
function FilterChip({ description, onEdit, onRemove }: { description: ReactNode; onEdit: () => void; onRemove: () => void }) {
  const id = useId();
  return (
    <li className="inline-flex h-8 items-center rounded-md border border-border bg-muted text-sm">
      <span id={`${id}-edit`} hidden>
        Edit filter:
      </span>
      <span id={`${id}-remove`} hidden>
        Remove filter:
      </span>
      <button
        type="button"
        aria-labelledby={`${id}-edit ${id}-description`}
        className="h-full rounded-l-md px-2.5 hover:bg-background/60 focus-visible:outline-2 focus-visible:outline-ring"
        onClick={onEdit}
      >
        <span id={`${id}-description`}>{description}</span>
      </button>
      <button
        type="button"
        aria-labelledby={`${id}-remove ${id}-description`}
        className="inline-flex h-full items-center rounded-r-md border-l border-border px-1.5 hover:bg-background/60 focus-visible:outline-2 focus-visible:outline-ring"
        onClick={onRemove}
      >
        <X aria-hidden="true" className="size-3.5" />
      </button>
    </li>
  );
}

function valueText(filter: ViewFilter, spec: FieldSpec, choices: FilterChoice[] | undefined): string {
  const one = (value: string) => {
    if (choices) return choices.find((choice) => choice.value === value)?.label ?? value;
    if (spec.type === 'datetime') return formatDateTime(value);
    if (spec.type === 'date') return formatDay(value);
    if (spec.type === 'enum') return enumLabel(value);
    return value;
  };
  return filter.operator === 'in' ? filter.value.split(',').map(one).join(', ') : one(filter.value);
}

function ValueLabel({ filter, spec, choices, picker }: { filter: ViewFilter; spec: FieldSpec; choices?: FilterChoice[]; picker?: FilterPicker }) {
  return <strong className="font-medium">{picker ? picker.label(filter.value) : valueText(filter, spec, choices)}</strong>;
}

interface FilterFormProps {
  fields: FieldSpecs;
  initial: ViewFilter | undefined;
  choices: Partial<Record<string, FilterChoice[]>>;
  pickers: Partial<Record<string, FilterPicker>>;
  onSave: (filter: ViewFilter) => void;
  onCancel: () => void;
}

function FilterForm({ fields, initial, choices, pickers, onSave, onCancel }: FilterFormProps) {
  const names = Object.keys(fields);
  const [field, setField] = useState(initial?.field ?? names[0]!);
  const spec = fields[field]!;
  const [operator, setOperator] = useState<FilterOperator>(initial?.operator ?? operatorsFor(spec, pickers[field])[0]!);
  const [value, setValue] = useState(initial?.value ?? '');
  const [error, setError] = useState<string | null>(null);

  const changeField = (next: string) => {
    setField(next);
    setOperator(operatorsFor(fields[next]!, pickers[next])[0]!);
    setValue('');
    setError(null);
  };
  const changeOperator = (next: FilterOperator) => {
    // A single value carries over to "is any of" and back; a yes/no does not.
    if (next === 'empty' || operator === 'empty') setValue(next === 'empty' ? 'true' : '');
    else if (operator === 'in' && next !== 'in') setValue(value.split(',')[0] ?? '');
    setOperator(next);
    setError(null);
  };

  return (
    <form
      noValidate
      aria-label={initial ? 'Edit filter' : 'Add a filter'}
      className="flex flex-col gap-3 rounded-lg border border-border p-3 sm:flex-row sm:flex-wrap sm:items-start"
      onSubmit={(event) => {
        event.preventDefault();
        const filter = { field, operator, value: value.trim() };
        const problem = filterError(fields, filter);
        if (problem !== null) setError(problem);
        else onSave(filter);
      }}
    >
      <SelectField label="Field" className="sm:w-44" value={field} onChange={(event) => changeField(event.target.value)}>
        <SelectOptions options={names.map((name) => ({ value: name, label: fields[name]!.label }))} />
      </SelectField>
      <SelectField label="Operator" className="sm:w-52" value={operator} onChange={(event) => changeOperator(event.target.value as FilterOperator)}>
        <SelectOptions options={operatorsFor(spec, pickers[field]).map((candidate) => ({ value: candidate, label: operatorLabels[candidate] }))} />
      </SelectField>
      <ValueField
        key={`${field}:${operator}`}
        spec={spec}
        operator={operator}
        value={value}
        onChange={(next) => {
          setValue(next);
          setError(null);
        }}
        error={error ?? undefined}
        choices={choices[field]}
        picker={pickers[field]}
      />
      <div className="flex gap-2 sm:mt-6.5">
        <Button type="submit">{initial ? 'Update filter' : 'Apply filter'}</Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

interface ValueFieldProps {
  spec: FieldSpec;
  operator: FilterOperator;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  choices: FilterChoice[] | undefined;
  picker: FilterPicker | undefined;
}

/** The value's control, by the field's type and the operator: a text box, a date, a list, a picker, yes/no. */
function ValueField({ spec, operator, value, onChange, error, choices, picker }: ValueFieldProps) {
  const className = 'sm:min-w-56 sm:flex-1';
  if (operator === 'empty') {
    return (
      <SelectField label="Value" className={className} value={value} onChange={(event) => onChange(event.target.value)} error={error}>
        <option value="true">Yes, it is empty</option>
        <option value="false">No, it has a value</option>
      </SelectField>
    );
  }
  const options = choices ?? (spec.type === 'enum' ? (spec.values ?? []).map((item) => ({ value: item, label: enumLabel(item) })) : undefined);
  if (options && operator === 'in') return <ChoiceList options={options} value={value} onChange={onChange} error={error} className={className} />;
  if (options) {
    return (
      <SelectField label="Value" className={className} value={value} onChange={(event) => onChange(event.target.value)} error={error}>
        <option value="">Choose…</option>
        <SelectOptions options={options} />
      </SelectField>
    );
  }
  if (picker) {
    return (
      <FormField label="Value" className={className} error={error}>
        {(control) =>
          picker.input({ id: control.id, value, onChange, describedBy: control['aria-describedby'], invalid: control['aria-invalid'] === true })
        }
      </FormField>
    );
  }
  if (operator === 'in') {
    return (
      <TextField label="Values" description="Separate values with commas." className={className} value={value} onChange={(event) => onChange(event.target.value)} error={error} />
    );
  }
  if (spec.type === 'datetime') {
    return (
      <TextField
        label="Value"
        type="datetime-local"
        className={className}
        value={value === '' ? '' : localInputValue(value)}
        onChange={(event) => onChange(event.target.value === '' ? '' : new Date(event.target.value).toISOString())}
        error={error}
      />
    );
  }
  const type = spec.type === 'number' ? 'number' : spec.type === 'date' ? 'date' : 'text';
  return <TextField label="Value" type={type} className={className} value={value} onChange={(event) => onChange(event.target.value)} error={error} autoComplete="off" />;
}

function ChoiceList({ options, value, onChange, error, className }: { options: FilterChoice[]; value: string; onChange: (value: string) => void; error: string | undefined; className: string }) {
  const errorId = useId();
  const chosen = new Set(value === '' ? [] : value.split(','));
  const toggle = (option: string, on: boolean) => {
    const next = options.map((candidate) => candidate.value).filter((candidate) => (candidate === option ? on : chosen.has(candidate)));
    onChange(next.join(','));
  };
  return (
    <fieldset className={`flex flex-col gap-1.5 ${className}`} aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1.5 text-sm font-medium">Values</legend>
      <div className="flex max-h-40 flex-col gap-1 overflow-y-auto rounded-md border border-border p-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-primary" checked={chosen.has(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
            {option.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="text-sm text-danger-text">
          {error}
        </p>
      )}
    </fieldset>
  );
}
