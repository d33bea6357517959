import type { SortKey } from '@spanner/contracts';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { apiQueryOf, readListView, writeListView, type ListView, type ViewFilter } from '../../lib/list-view';
import { useRecordList } from '../../lib/record-api';
import type { RecordKind } from '../../lib/record-kinds';
import { Button } from '../ui/Button';
import { DataTable, type DataTableColumn } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import { FormAlert } from '../ui/FormAlert';
import { FilterBuilder, type FilterChoice, type FilterPicker } from './FilterBuilder';
import { useInfiniteTable } from './infinite-table';
import { SampleDataButton } from './SampleDataButton';
import { SearchBox } from './SearchBox';

interface RecordListViewProps<Item extends { id: string; version: number }> {
  kind: RecordKind<Item, unknown, unknown, unknown>;
  columns: DataTableColumn<Item>[];
  /** Columns hidden until the user shows them (the address keeps their choice). */
  defaultHiddenColumns?: string[];
  /** Names a row for its checkbox: "Select Ada Lovelace". */
  rowLabel: (item: Item) => string;
  filterChoices?: Partial<Record<string, FilterChoice[]>>;
  filterPickers?: Partial<Record<string, FilterPicker>>;
  /** What an empty organization shows: what would be here, and a button to add the first one (for those who may). */
  emptyState: { title: string; description: string; actionLabel: string; actionIcon: ReactNode; onAction?: () => void };
  /** The bar of actions on the selected rows; without it rows cannot be selected. */
  bulkActions?: (selected: Item[], clearSelection: () => void) => ReactNode;
}

/**
 * A kind's list: search, filters and sort from the address, the table, and the selection. The query
 * sent to the API is derived from the address, so a shared or reloaded link shows the same view.
 */
export function RecordListView<Item extends { id: string; version: number }>(props: RecordListViewProps<Item>) {
  const { kind, columns, defaultHiddenColumns = [], rowLabel, bulkActions } = props;
  const [params, setParams] = useSearchParams();
  const { view, invalid } = useMemo(() => readListView(params, kind.fields), [params, kind.fields]);
  const apiQuery = useMemo(() => apiQueryOf(view), [view]);
  const table = useInfiniteTable(useRecordList(kind, apiQuery), kind.plural);
  const { rows } = table;

  const update = useCallback(
    (change: Partial<ListView>, { replace = false } = {}) =>
      setParams((current) => writeListView({ ...readListView(current, kind.fields).view, ...change }), { replace }),
    [setParams, kind.fields],
  );
  // Typing replaces the history entry; a filter or sort is a step the back button undoes.
  const onSearch = useCallback((q: string) => update({ q }, { replace: true }), [update]);
  const onSortChange = useCallback((sort: SortKey[]) => update({ sort }), [update]);
  const onFiltersChange = useCallback((filters: ViewFilter[]) => update({ filters }), [update]);
  const onHiddenColumnsChange = useCallback((hiddenColumns: string[]) => update({ hiddenColumns }, { replace: true }), [update]);

  // The selection belongs to the rows of one view: a new search or filter starts afresh.
  const [selection, setSelection] = useState<{ query: string; ids: string[] }>({ query: apiQuery.toString(), ids: [] });
  const selectedIds = useMemo(() => (selection.query === apiQuery.toString() ? selection.ids : []), [selection, apiQuery]);
  const setSelectedIds = useCallback((ids: string[]) => setSelection({ query: apiQuery.toString(), ids }), [apiQuery]);
  const clearSelection = useCallback(() => setSelectedIds([]), [setSelectedIds]);
  const selected = useMemo(() => {
    const ids = new Set(selectedIds);
    return rows.filter((row) => ids.has(row.id));
  }, [rows, selectedIds]);

  const filtered = view.q !== '' || view.filters.length > 0;
  const label = kind.plural.charAt(0).toUpperCase() + kind.plural.slice(1);

  return (
    <div className="flex flex-col gap-3">
      {invalid.length > 0 && <FormAlert message={`Left out what the address asks but the list cannot do: ${invalid.join(', ')}.`} />}
      {bulkActions && selected.length > 0 && bulkActions(selected, clearSelection)}
      <DataTable
        caption={label}
        columns={columns}
        {...table}
        getRowId={(row) => row.id}
        sort={view.sort}
        onSortChange={onSortChange}
        hiddenColumns={view.hiddenColumns ?? defaultHiddenColumns}
        onHiddenColumnsChange={onHiddenColumnsChange}
        selectedIds={bulkActions ? selectedIds : undefined}
        onSelectedIdsChange={bulkActions ? setSelectedIds : undefined}
        rowLabel={rowLabel}
        toolbar={
          <>
            <SearchBox value={view.q} onSearch={onSearch} label={`Search ${kind.plural}`} />
            <FilterBuilder fields={kind.fields} filters={view.filters} onChange={onFiltersChange} choices={props.filterChoices} pickers={props.filterPickers} />
          </>
        }
        empty={
          filtered ? (
            <EmptyState title={`No ${kind.plural} match this view`}>
              <p>Try other words or fewer filters.</p>
              <Button variant="secondary" size="sm" className="mt-3" onClick={() => update({ q: '', filters: [] })}>
                Clear search and filters
              </Button>
            </EmptyState>
          ) : (
            <EmptyState title={props.emptyState.title}>
              <p>{props.emptyState.description}</p>
              {props.emptyState.onAction && (
                <div className="mt-3 flex flex-wrap justify-center gap-2">
                  <Button icon={props.emptyState.actionIcon} onClick={props.emptyState.onAction}>
                    {props.emptyState.actionLabel}
                  </Button>
                  <SampleDataButton />
                </div>
              )}
            </EmptyState>
          )
        }
      />
    </div>
  );
}
