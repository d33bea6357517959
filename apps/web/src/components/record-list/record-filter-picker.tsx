import { useRecord } from '../../lib/record-api';
import type { RecordKind } from '../../lib/record-kinds';
import { RecordPicker } from '../RecordPicker';
import type { FilterPicker } from './FilterBuilder';

interface PickerOptions<Item> {
  /** The search box's name: "Contact". */
  label: string;
  /** The order of the first results, before anything is typed. */
  sort: string;
  optionLabel: (item: Item) => string;
  optionDetail?: (item: Item) => string | null;
}

/** A filter value that is one record among many (deals of a contact): chosen by searching the kind's list. */
export function recordFilterPicker<Item extends { id: string; version: number }>(kind: RecordKind<Item, unknown, unknown, unknown>, options: PickerOptions<Item>): FilterPicker {
  function Chosen({ value, onChange }: { value: string; onChange: (value: string) => void }) {
    const chosen = useRecord(kind, value, { enabled: value !== '' }).data ?? null;
    return <RecordPicker kind={kind} {...options} chosen={value === '' ? null : chosen} onChoose={(item) => onChange(item?.id ?? '')} />;
  }
  function Title({ id }: { id: string }) {
    const record = useRecord(kind, id);
    return <>{record.data ? options.optionLabel(record.data) : record.isError ? `Unknown ${kind.noun}` : '…'}</>;
  }
  return {
    input: ({ value, onChange }) => <Chosen value={value} onChange={onChange} />,
    label: (id) => <Title id={id} />,
  };
}
