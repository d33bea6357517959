import type { SortKey } from '@spanner/contracts';
import { getCoreRowModel, useReactTable, type ColumnDef, type RowSelectionState, type SortingState, type Updater, type VisibilityState } from '@tanstack/react-table';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { cx } from 'class-variance-authority';
import { ArrowDown, ArrowUp, ChevronsUpDown, Columns3 } from 'lucide-react';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Button } from './Button';
import { DropdownMenu, DropdownMenuCheckboxItem, DropdownMenuContent, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from './DropdownMenu';
import { ErrorState } from './QueryState';

export interface DataTableColumn<Row> {
  id: string;
  /** The header text; also the column's name in the columns menu. */
  header: string;
  cell: (row: Row) => ReactNode;
  /** Whether the header sorts the list (the API's `sort` key is the column id). */
  sortable?: boolean;
  /** False keeps the column on screen (the name that links to the record). */
  hideable?: boolean;
  className?: string;
}

export interface DataTablePagination {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** Why the last page failed to load, if it did. */
  nextPageError: string | null;
}

interface DataTableProps<Row> {
  /** Names the table for assistive technology. */
  caption: string;
  columns: DataTableColumn<Row>[];
  rows: Row[];
  getRowId: (row: Row) => string;
  status: 'pending' | 'error' | 'success';
  /** Says what is loading ("Loading contacts…"). */
  loadingLabel: string;
  error?: { title: string; detail: string; onRetry: () => void };
  /** Shown instead of the table when there are no rows: what would be here and how to add some. */
  empty: ReactNode;
  /** The rows on screen belong to the previous view while the new one loads. */
  stale?: boolean;
  /** The API's sort keys; clicking a header cycles asc, desc, none; shift-click adds a key. */
  sort?: SortKey[];
  onSortChange?: (sort: SortKey[]) => void;
  maxSortKeys?: number;
  hiddenColumns?: string[];
  onHiddenColumnsChange?: (hidden: string[]) => void;
  /** With these, each row gets a checkbox named "Select <rowLabel>". */
  selectedIds?: string[];
  onSelectedIdsChange?: (ids: string[]) => void;
  rowLabel?: (row: Row) => string;
  pagination?: DataTablePagination;
  /** Controls shown before the columns menu (search, filters). */
  toolbar?: ReactNode;
}

const ROW_HEIGHT = 41;
/** Ask for the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 15;

const toSorting = (sort: SortKey[]): SortingState => sort.map((key) => ({ id: key.field, desc: key.direction === 'desc' }));
const toSortKeys = (sorting: SortingState): SortKey[] => sorting.map((key) => ({ field: key.id, direction: key.desc ? 'desc' : 'asc' }));
const apply = <T,>(updater: Updater<T>, value: T): T => (typeof updater === 'function' ? (updater as (old: T) => T)(value) : updater);

/**
 * A list of records as a table: sortable headers, a virtualized body that loads the next page as it
 * scrolls, row selection, a columns menu, and loading, empty and error states.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { columns, rows, getRowId, sort = [], onSortChange, maxSortKeys = 3, hiddenColumns = [], onHiddenColumnsChange } = props;
  const { selectedIds, onSelectedIdsChange, rowLabel } = props;
  const selectable = selectedIds !== undefined && onSelectedIdsChange !== undefined;

  const columnDefs = useMemo<ColumnDef<Row>[]>(
    () =>
      columns.map((column) => ({
        id: column.id,
        header: column.header,
        accessorFn: (row: Row) => row,
        enableSorting: column.sortable === true && onSortChange !== undefined,
        enableHiding: column.hideable !== false,
      })),
    [columns, onSortChange],
  );
  const rowSelection = useMemo<RowSelectionState>(() => Object.fromEntries((selectedIds ?? []).map((id) => [id, true])), [selectedIds]);
  const columnVisibility = useMemo<VisibilityState>(() => Object.fromEntries(hiddenColumns.map((id) => [id, false])), [hiddenColumns]);
  const sorting = useMemo(() => toSorting(sort), [sort]);

  // TanStack Table returns functions that change between renders; the React Compiler must not memoize them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableMultiSort: true,
    maxMultiSortColCount: maxSortKeys,
    sortDescFirst: false,
    enableRowSelection: selectable,
    state: { sorting, rowSelection, columnVisibility },
    onSortingChange: (updater) => onSortChange?.(toSortKeys(apply(updater, sorting))),
    onRowSelectionChange: (updater) => {
      const next = apply(updater, rowSelection);
      // In the rows' order, whatever order they were ticked in.
      onSelectedIdsChange?.(rows.map(getRowId).filter((id) => next[id]));
    },
    onColumnVisibilityChange: (updater) => {
      const next = apply(updater, columnVisibility);
      onHiddenColumnsChange?.(Object.keys(next).filter((id) => next[id] === false));
    },
  });

  const hideableColumns = table.getAllLeafColumns().filter((column) => column.getCanHide());

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start gap-2">
        <div className="flex min-w-0 flex-1 flex-wrap items-start gap-2">{props.toolbar}</div>
        {onHiddenColumnsChange && hideableColumns.length > 0 && (
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="secondary" icon={<Columns3 />}>
                Columns
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuLabel>Show columns</DropdownMenuLabel>
              <DropdownMenuSeparator />
              {hideableColumns.map((column) => (
                <DropdownMenuCheckboxItem
                  key={column.id}
                  checked={column.getIsVisible()}
                  onCheckedChange={(checked) => column.toggleVisibility(checked)}
                  // Keep the menu open: people usually change several columns at once.
                  onSelect={(event) => event.preventDefault()}
                >
                  {String(column.columnDef.header)}
                </DropdownMenuCheckboxItem>
              ))}
            </DropdownMenuContent>
          </DropdownMenu>
        )}
      </div>
      <TableBody {...props} table={table} selectable={selectable} rowLabel={rowLabel} />
    </div>
  );
}

type TableInstance<Row> = ReturnType<typeof useReactTable<Row>>;

function TableBody<Row>({
  caption,
  columns,
  rows,
  status,
  loadingLabel,
  error,
  empty,
  stale = false,
  pagination,
  table,
  selectable,
  rowLabel,
}: DataTableProps<Row> & { table: TableInstance<Row>; selectable: boolean }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRows = table.getRowModel().rows;
  // Like the table, the virtualizer hands out functions that must not be memoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    observeElementRect: observeRectOrViewport,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastVisible = virtualRows.at(-1)?.index ?? -1;

  const { hasNextPage = false, isFetchingNextPage = false, fetchNextPage, nextPageError = null } = pagination ?? {};
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && nextPageError === null && lastVisible >= tableRows.length - PREFETCH_ROWS) fetchNextPage?.();
  }, [hasNextPage, isFetchingNextPage, nextPageError, lastVisible, tableRows.length, fetchNextPage]);

  if (status === 'pending') return <TableSkeleton label={loadingLabel} columns={columns.length} />;
  if (status === 'error' && rows.length === 0 && error) return <ErrorState title={error.title} detail={error.detail} onRetry={error.onRetry} />;
  if (rows.length === 0) return <>{empty}</>;

  const visibleColumns = table.getVisibleLeafColumns();
  const columnById = new Map(columns.map((column) => [column.id, column]));
  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualRows.length > 0 ? virtualizer.getTotalSize() - virtualRows.at(-1)!.end : 0;
  const columnCount = visibleColumns.length + (selectable ? 1 : 0);

  return (
    <div className="flex flex-col gap-3">
      <div ref={scrollRef} className="max-h-[calc(100dvh-16rem)] overflow-auto rounded-lg border border-border">
        <table
          className={cx('w-full border-collapse text-left text-sm transition-opacity', stale && 'opacity-60')}
          aria-busy={stale || undefined}
          // -1: more rows exist than are loaded, how many is unknown.
          aria-rowcount={hasNextPage ? -1 : rows.length + 1}
        >
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 z-10 border-b border-border bg-muted text-xs font-medium text-muted-foreground">
            <tr aria-rowindex={1}>
              {selectable && (
                <th scope="col" className="w-10 px-3 py-2">
                  <Checkbox
                    label="Select all loaded rows"
                    checked={table.getIsAllRowsSelected()}
                    indeterminate={table.getIsSomeRowsSelected()}
                    onChange={(checked) => table.toggleAllRowsSelected(checked)}
                  />
                </th>
              )}
              {table.getFlatHeaders().map((header) => {
                if (!header.column.getIsVisible()) return null;
                const column = columnById.get(header.column.id)!;
                return (
                  <SortableHeader
                    key={header.id}
                    label={column.header}
                    className={column.className}
                    sortable={header.column.getCanSort()}
                    direction={header.column.getIsSorted()}
                    position={table.getState().sorting.length > 1 ? header.column.getSortIndex() + 1 : 0}
                    onToggle={header.column.getToggleSortingHandler()}
                  />
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {paddingTop > 0 && <Spacer height={paddingTop} columns={columnCount} />}
            {virtualRows.map((virtualRow) => {
              const row = tableRows[virtualRow.index]!;
              return (
                <tr key={row.id} aria-rowindex={virtualRow.index + 2} aria-selected={selectable ? row.getIsSelected() : undefined} className="h-10 hover:bg-muted/50 aria-selected:bg-primary/5">
                  {selectable && (
                    <td className="w-10 px-3 py-2">
                      <Checkbox label={`Select ${rowLabel?.(row.original) ?? row.id}`} checked={row.getIsSelected()} onChange={(checked) => row.toggleSelected(checked)} />
                    </td>
                  )}
                  {row.getVisibleCells().map((cell) => {
                    const column = columnById.get(cell.column.id)!;
                    return (
                      <td key={cell.id} className={cx('max-w-72 truncate px-3 py-2 align-middle', column.className)}>
                        {column.cell(row.original)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {paddingBottom > 0 && <Spacer height={paddingBottom} columns={columnCount} />}
          </tbody>
        </table>
      </div>
      {nextPageError !== null && <ErrorState title="Could not load more rows." detail={nextPageError} onRetry={() => fetchNextPage?.()} />}
      {hasNextPage && nextPageError === null && (
        <Button variant="secondary" className="self-center" loading={isFetchingNextPage} onClick={() => fetchNextPage?.()}>
          Load more
        </Button>
      )}
    </div>
  );
}

/**
 * The scroll box's size, or the viewport's while it has none (not laid out yet, or a DOM without
 * layout such as the tests'): rows are rendered rather than none.
 */
function observeRectOrViewport(instance: Virtualizer<HTMLDivElement, Element>, callback: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : { width: rect.width, height: window.innerHeight }));
}

function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true">
      <td colSpan={columns} style={{ height, padding: 0 }} />
    </tr>
  );
}

interface SortableHeaderProps {
  label: string;
  className?: string;
  sortable: boolean;
  direction: false | 'asc' | 'desc';
  /** 1, 2, 3 when sorted by several keys; 0 otherwise. */
  position: number;
  onToggle: ((event: unknown) => void) | undefined;
}

function SortableHeader({ label, className, sortable, direction, position, onToggle }: SortableHeaderProps) {
  const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined;
  const Icon = direction === 'asc' ? ArrowUp : direction === 'desc' ? ArrowDown : ChevronsUpDown;
  return (
    <th scope="col" aria-sort={ariaSort} className={cx('px-3 py-2 font-medium whitespace-nowrap', className)}>
      {sortable ? (
        <button
          type="button"
          onClick={onToggle}
          title="Sort; shift-click to add a secondary sort"
          className="-mx-1 inline-flex items-center gap-1 rounded-sm px-1 hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
        >
          {label}
          <Icon aria-hidden="true" className={cx('size-3.5', direction === false && 'opacity-40')} />
          {position > 0 && (
            <span aria-hidden="true" className="text-[10px] tabular-nums">
              {position}
            </span>
          )}
        </button>
      ) : (
        label
      )}
    </th>
  );
}

interface CheckboxProps {
  label: string;
  checked: boolean;
  indeterminate?: boolean;
  onChange: (checked: boolean) => void;
}

function Checkbox({ label, checked, indeterminate = false, onChange }: CheckboxProps) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={checked}
      ref={(element) => {
        if (element) element.indeterminate = indeterminate;
      }}
      onChange={(event) => onChange(event.target.checked)}
      className="size-4 accent-primary focus-visible:outline-2 focus-visible:outline-ring"
    />
  );
}

/** Grey bars where the rows will be, with the loading label for screen readers. */
function TableSkeleton({ label, columns }: { label: string; columns: number }) {
  return (
    <div role="status" className="overflow-hidden rounded-lg border border-border">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="divide-y divide-border">
        <div className="h-9 bg-muted" />
        {Array.from({ length: 8 }, (_, row) => (
          <div key={row} className="flex h-10 items-center gap-4 px-3">
            {Array.from({ length: Math.max(columns, 1) }, (_, column) => (
              <div key={column} className="h-3 flex-1 animate-pulse rounded bg-muted" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
