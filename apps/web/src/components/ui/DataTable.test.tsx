import type { SortKey } from '@spanner/contracts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DataTable, type DataTableColumn } from './DataTable';

interface Person {
  id: string;
  name: string;
  city: string;
}

const people: Person[] = [
  { id: 'p1', name: 'Ada', city: 'London' },
  { id: 'p2', name: 'Grace', city: 'New York' },
  { id: 'p3', name: 'Katherine', city: 'Hampton' },
];

const columns: DataTableColumn<Person>[] = [
  { id: 'name', header: 'Name', sortable: true, hideable: false, cell: (person) => person.name },
  { id: 'city', header: 'City', sortable: true, cell: (person) => person.city },
  { id: 'country', header: 'Country', sortable: true, cell: () => 'somewhere' },
  { id: 'age', header: 'Age', sortable: true, cell: () => '?' },
  { id: 'note', header: 'Note', cell: () => '' },
];

/** The table as a page uses it: the page owns sort, selection and hidden columns. */
function Harness({ onSort = () => {}, onSelect = () => {}, rows = people }: { onSort?: (sort: SortKey[]) => void; onSelect?: (ids: string[]) => void; rows?: Person[] }) {
  const [sort, setSort] = useState<SortKey[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [hidden, setHidden] = useState<string[]>(['note']);
  return (
    <DataTable
      caption="People"
      columns={columns}
      rows={rows}
      getRowId={(person) => person.id}
      status="success"
      loadingLabel="Loading people…"
      empty={<p>Nobody here</p>}
      sort={sort}
      onSortChange={(next) => {
        setSort(next);
        onSort(next);
      }}
      hiddenColumns={hidden}
      onHiddenColumnsChange={setHidden}
      selectedIds={selected}
      onSelectedIdsChange={(ids) => {
        setSelected(ids);
        onSelect(ids);
      }}
      rowLabel={(person) => person.name}
    />
  );
}

const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
const sortButton = (name: string) => within(header(name)).getByRole('button');

describe('DataTable', () => {
  it('cycles a header through ascending, descending and no sort', async () => {
    const onSort = vi.fn();
    render(<Harness onSort={onSort} />);

    await userEvent.click(sortButton('Name'));
    expect(onSort).toHaveBeenLastCalledWith([{ field: 'name', direction: 'asc' }]);
    expect(header('Name')).toHaveAttribute('aria-sort', 'ascending');

    await userEvent.click(sortButton('Name'));
    expect(onSort).toHaveBeenLastCalledWith([{ field: 'name', direction: 'desc' }]);
    expect(header('Name')).toHaveAttribute('aria-sort', 'descending');

    await userEvent.click(sortButton('Name'));
    expect(onSort).toHaveBeenLastCalledWith([]);
    expect(header('Name')).not.toHaveAttribute('aria-sort');
  });

  it('adds a secondary sort on shift-click, three keys at most, and a plain click sorts by one again', async () => {
    const onSort = vi.fn();
    const user = userEvent.setup();
    render(<Harness onSort={onSort} />);

    await user.click(sortButton('Name'));
    await user.keyboard('{Shift>}');
    await user.click(sortButton('City'));
    expect(onSort).toHaveBeenLastCalledWith([
      { field: 'name', direction: 'asc' },
      { field: 'city', direction: 'asc' },
    ]);
    await user.click(sortButton('City'));
    expect(onSort).toHaveBeenLastCalledWith([
      { field: 'name', direction: 'asc' },
      { field: 'city', direction: 'desc' },
    ]);
    await user.click(sortButton('Country'));
    await user.click(sortButton('Age'));
    // The API sorts by three keys: the oldest one makes room.
    expect(onSort).toHaveBeenLastCalledWith([
      { field: 'city', direction: 'desc' },
      { field: 'country', direction: 'asc' },
      { field: 'age', direction: 'asc' },
    ]);
    await user.keyboard('{/Shift}');

    await user.click(sortButton('Name'));
    expect(onSort).toHaveBeenLastCalledWith([{ field: 'name', direction: 'asc' }]);
  });

  it('does not offer to sort a column the API cannot sort by', () => {
    render(
      <DataTable caption="People" columns={columns} rows={people} getRowId={(person) => person.id} status="success" loadingLabel="Loading people…" empty={null} onSortChange={() => {}} />,
    );
    expect(within(header('City')).getByRole('button', { name: 'City' })).toBeInTheDocument();
    expect(within(screen.getByRole('columnheader', { name: 'Note' })).queryByRole('button')).not.toBeInTheDocument();
  });

  it('selects rows one by one and all loaded rows at once', async () => {
    const onSelect = vi.fn();
    render(<Harness onSelect={onSelect} />);

    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Grace' }));
    expect(onSelect).toHaveBeenLastCalledWith(['p2']);
    expect(screen.getByRole('row', { name: /Grace/ })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('checkbox', { name: 'Select all loaded rows' })).toHaveProperty('indeterminate', true);

    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all loaded rows' }));
    expect(onSelect).toHaveBeenLastCalledWith(['p1', 'p2', 'p3']);
    expect(screen.getByRole('checkbox', { name: 'Select all loaded rows' })).toBeChecked();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all loaded rows' }));
    expect(onSelect).toHaveBeenLastCalledWith([]);
  });

  it('shows and hides columns from the columns menu, keeping the name column', async () => {
    render(<Harness />);
    expect(screen.getByRole('columnheader', { name: /^City/ })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    const menu = screen.getByRole('menu');
    expect(within(menu).queryByRole('menuitemcheckbox', { name: 'Name' })).not.toBeInTheDocument();
    expect(within(menu).getByRole('menuitemcheckbox', { name: 'Note' })).not.toBeChecked();
    await userEvent.click(within(menu).getByRole('menuitemcheckbox', { name: 'City' }));
    await userEvent.click(within(menu).getByRole('menuitemcheckbox', { name: 'Note' }));
    await userEvent.keyboard('{Escape}');

    expect(screen.queryByRole('columnheader', { name: /^City/ })).not.toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Note' })).toBeInTheDocument();
  });

  it('asks for the next page when the end of the list comes into view', () => {
    const fetchNextPage = vi.fn();
    render(
      <DataTable
        caption="People"
        columns={columns}
        rows={people}
        getRowId={(person) => person.id}
        status="success"
        loadingLabel="Loading people…"
        empty={null}
        pagination={{ hasNextPage: true, isFetchingNextPage: false, fetchNextPage, nextPageError: null }}
      />,
    );
    expect(fetchNextPage).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument();
  });

  it('shows a skeleton while loading, the empty state without rows, and the error with a retry', async () => {
    const onRetry = vi.fn();
    const props = { caption: 'People', columns, getRowId: (person: Person) => person.id, loadingLabel: 'Loading people…', empty: <p>Nobody here</p> };
    const { rerender } = render(<DataTable {...props} rows={[]} status="pending" />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading people…');

    rerender(<DataTable {...props} rows={[]} status="success" />);
    expect(screen.getByText('Nobody here')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    rerender(<DataTable {...props} rows={[]} status="error" error={{ title: 'Could not load people.', detail: 'The server is down.', onRetry }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('The server is down.');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
