import { contactFields, dealFields, operatorLabels, operatorsByType, type FieldSpecs } from '@spanner/contracts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { apiQueryOf, readListView, writeListView, type ViewFilter } from '../../lib/list-view';
import { FilterBuilder, type FilterChoice } from './FilterBuilder';

const members: FilterChoice[] = [
  { value: '01920000-0000-7000-8000-00000000000a', label: 'Ada Lovelace' },
  { value: '01920000-0000-7000-8000-00000000000b', label: 'Grace Hopper' },
];

function Harness({ fields = contactFields, initial = [], onChange = () => {} }: { fields?: FieldSpecs; initial?: ViewFilter[]; onChange?: (filters: ViewFilter[]) => void }) {
  const [filters, setFilters] = useState(initial);
  return (
    <FilterBuilder
      fields={fields}
      filters={filters}
      onChange={(next) => {
        setFilters(next);
        onChange(next);
      }}
      choices={{ ownerId: members }}
    />
  );
}

const form = () => screen.getByRole('form', { name: /filter/ });
const optionLabels = (select: HTMLElement) => within(select).getAllByRole('option').map((option) => option.textContent);

async function addFilter(field: string, operator: string) {
  await userEvent.click(screen.getByRole('button', { name: 'Add filter' }));
  await userEvent.selectOptions(within(form()).getByLabelText('Field'), field);
  await userEvent.selectOptions(within(form()).getByLabelText('Operator'), operator);
}

describe('FilterBuilder', () => {
  it.each([
    ['Last name', 'text'],
    ['Lifecycle stage', 'enum'],
    ['Owner', 'id'],
    ['Tags', 'tags'],
    ['Created', 'datetime'],
  ] as const)("offers the operators of the field's type: %s (%s)", async (label, type) => {
    render(<Harness />);
    await userEvent.click(screen.getByRole('button', { name: 'Add filter' }));
    await userEvent.selectOptions(within(form()).getByLabelText('Field'), label);
    expect(optionLabels(within(form()).getByLabelText('Operator'))).toEqual(operatorsByType[type].map((operator) => operatorLabels[operator]));
  });

  it('offers number and date operators for amounts and close dates', async () => {
    render(<Harness fields={dealFields} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add filter' }));
    await userEvent.selectOptions(within(form()).getByLabelText('Field'), 'Amount');
    expect(optionLabels(within(form()).getByLabelText('Operator'))).toContain('is on or after / at least');
    expect(within(form()).getByLabelText('Value')).toHaveAttribute('type', 'number');
    await userEvent.selectOptions(within(form()).getByLabelText('Field'), 'Expected close');
    expect(within(form()).getByLabelText('Value')).toHaveAttribute('type', 'date');
  });

  it('adds a text filter under its API key and shows it as a removable chip', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await addFilter('Last name', 'contains');
    await userEvent.type(within(form()).getByLabelText('Value'), 'love');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filter' }));

    expect(onChange).toHaveBeenLastCalledWith([{ field: 'lastName', operator: 'contains', value: 'love' }]);
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Remove filter: Last name contains love' }));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('picks several enum values for "is any of", by their labels', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await addFilter('Lifecycle stage', 'is any of');
    await userEvent.click(within(form()).getByRole('checkbox', { name: 'Lead' }));
    await userEvent.click(within(form()).getByRole('checkbox', { name: 'Customer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Apply filter' }));
    expect(onChange).toHaveBeenLastCalledWith([{ field: 'lifecycleStage', operator: 'in', value: 'lead,customer' }]);
    expect(screen.getByRole('button', { name: 'Edit filter: Lifecycle stage is any of Lead, Customer' })).toBeInTheDocument();
  });

  it('picks a member by name for an owner, and names them in the chip', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await addFilter('Owner', 'is');
    await userEvent.selectOptions(within(form()).getByLabelText('Value'), 'Grace Hopper');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filter' }));
    expect(onChange).toHaveBeenLastCalledWith([{ field: 'ownerId', operator: 'eq', value: members[1]!.value }]);
    expect(screen.getByRole('button', { name: 'Edit filter: Owner is Grace Hopper' })).toBeInTheDocument();
  });

  it('asks yes or no for "is empty"', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await addFilter('Email', 'is empty');
    await userEvent.selectOptions(within(form()).getByLabelText('Value'), 'No, it has a value');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filter' }));
    expect(onChange).toHaveBeenLastCalledWith([{ field: 'email', operator: 'empty', value: 'false' }]);
    expect(screen.getByRole('button', { name: 'Edit filter: Email is not empty' })).toBeInTheDocument();
  });

  it("refuses a value the server would refuse, with the contract's message", async () => {
    const onChange = vi.fn();
    render(<Harness fields={dealFields} onChange={onChange} />);
    await addFilter('Amount', 'is any of');
    await userEvent.type(within(form()).getByLabelText('Values'), '100,lots');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filter' }));
    expect(within(form()).getByLabelText('Values')).toHaveAccessibleDescription('Enter a number');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('edits a filter in place, and the same field and operator again replaces it', async () => {
    const onChange = vi.fn();
    render(<Harness initial={[{ field: 'jobTitle', operator: 'contains', value: 'CTO' }]} onChange={onChange} />);
    await userEvent.click(screen.getByRole('button', { name: 'Edit filter: Job title contains CTO' }));
    const value = within(screen.getByRole('form', { name: 'Edit filter' })).getByLabelText('Value');
    expect(value).toHaveValue('CTO');
    await userEvent.clear(value);
    await userEvent.type(value, 'CEO');
    await userEvent.click(screen.getByRole('button', { name: 'Update filter' }));
    expect(onChange).toHaveBeenLastCalledWith([{ field: 'jobTitle', operator: 'contains', value: 'CEO' }]);

    await addFilter('Job title', 'contains');
    await userEvent.type(within(form()).getByLabelText('Value'), 'VP');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filter' }));
    expect(onChange).toHaveBeenLastCalledWith([{ field: 'jobTitle', operator: 'contains', value: 'VP' }]);
  });
});

describe('the list view in the address', () => {
  it('reads back what it wrote: search, filters, sort and hidden columns', () => {
    const view = {
      q: 'ada',
      filters: [
        { field: 'lifecycleStage', operator: 'in', value: 'lead,customer' },
        { field: 'lastName', operator: 'contains', value: 'love' },
        { field: 'createdAt', operator: 'gte', value: '2025-01-01T00:00:00.000Z' },
        { field: 'email', operator: 'empty', value: 'false' },
      ] satisfies ViewFilter[],
      sort: [
        { field: 'lastName', direction: 'desc' as const },
        { field: 'firstName', direction: 'asc' as const },
      ],
      hiddenColumns: ['source'],
    };
    const params = writeListView(view);
    expect(params.toString()).toBe(
      'q=ada&lifecycleStage%5Bin%5D=lead%2Ccustomer&lastName%5Bcontains%5D=love&createdAt%5Bgte%5D=2025-01-01T00%3A00%3A00.000Z&email%5Bempty%5D=false&sort=-lastName%2CfirstName&hide=source',
    );
    expect(readListView(new URLSearchParams(params.toString()), contactFields)).toEqual({ view, invalid: [] });
  });

  it('asks the API for the view without what only the screen uses, filters in a stable order', () => {
    const { view } = readListView(new URLSearchParams('sort=-updatedAt&hide=email&ownerId=01920000-0000-7000-8000-00000000000a&lastName[contains]=x'), contactFields);
    expect(Object.fromEntries(apiQueryOf(view))).toEqual({ 'lastName[contains]': 'x', ownerId: '01920000-0000-7000-8000-00000000000a', sort: '-updatedAt' });
    expect(apiQueryOf(view).toString()).toBe(apiQueryOf({ ...view, filters: [...view.filters].reverse() }).toString());
  });

  it('leaves out, and names, what the API would refuse', () => {
    const { view, invalid } = readListView(
      new URLSearchParams('lifecycleStage=royalty&nickname=ada&lastName[gt]=b&sort=ownerId&email=a@example.com&email=b@example.com&jobTitle=CTO'),
      contactFields,
    );
    expect(invalid).toEqual(['lifecycleStage', 'nickname', 'lastName[gt]', 'sort', 'email']);
    expect(view.filters).toEqual([
      { field: 'email', operator: 'eq', value: 'a@example.com' },
      { field: 'jobTitle', operator: 'eq', value: 'CTO' },
    ]);
    expect(view.sort).toEqual([]);
  });
});
