import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeCreateDialog, useRequestedCreateDialog } from '../../../lib/create-dialogs';
import { stubApi, type StubbedRequest } from '../../../test/api-stub';
import { jsonResponse, renderApp } from '../../../test/render';
import { CommandPalette } from './CommandPalette';

beforeAll(() => {
  // jsdom lays nothing out: cmdk scrolls the chosen item into view and watches the list's size.
  Element.prototype.scrollIntoView = vi.fn();
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

afterEach(() => closeCreateDialog());

const hits = [
  { type: 'contact', id: '01920000-0000-7000-8000-000000001001', title: 'Grace Hopper', subtitle: 'grace@navy.mil', score: 0.9 },
  { type: 'company', id: '01920000-0000-7000-8000-000000000001', title: 'Grace Shipping', subtitle: 'grace.example', score: 0.5 },
];

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function RequestedDialog() {
  return <p data-testid="requested">{useRequestedCreateDialog() ?? 'none'}</p>;
}

/** The palette in a shell of its own, and a page for wherever it navigates. */
function renderPalette(search: (request: StubbedRequest) => Response) {
  const searches: string[] = [];
  stubApi({
    'GET /api/v1/search': (request) => {
      searches.push(request.url.searchParams.get('q') ?? '');
      return search(request);
    },
  });
  const shell = () => (
    <>
      <CommandPalette canCreate />
      <RequestedDialog />
      <Where />
      <Outlet />
    </>
  );
  renderApp('/deals', [{ element: shell(), children: [{ path: '*', element: null }] }]);
  return searches;
}

describe('CommandPalette', () => {
  it('opens on Ctrl+K, searches as you type, and Enter opens the first result', async () => {
    const searches = renderPalette(() => jsonResponse({ data: hits }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await userEvent.keyboard('{Control>}k{/Control}');
    const palette = await screen.findByRole('dialog', { name: 'Command palette' });
    await userEvent.type(within(palette).getByRole('combobox', { name: 'Search records and actions' }), 'grac');

    const contacts = await within(palette).findByRole('group', { name: 'Contacts' });
    expect(within(contacts).getByRole('option', { name: /Grace Hopper/ })).toBeInTheDocument();
    expect(within(palette).getByRole('group', { name: 'Companies' })).toHaveTextContent('Grace Shipping');
    // Debounced: one search for what was typed, not one per key.
    expect(searches).toEqual(['grac']);

    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent(`/contacts/${hits[0]!.id}`));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('moves through the results with the arrow keys', async () => {
    renderPalette(() => jsonResponse({ data: hits }));
    await userEvent.keyboard('{Meta>}k{/Meta}');
    await userEvent.type(await screen.findByRole('combobox', { name: 'Search records and actions' }), 'grace');
    await screen.findByRole('option', { name: /Grace Shipping/ });

    await userEvent.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent(`/companies/${hits[1]!.id}`));
  });

  it('offers actions and pages without a search, and says when nothing is found', async () => {
    renderPalette(() => jsonResponse({ data: [] }));
    await userEvent.keyboard('{Control>}k{/Control}');
    const palette = await screen.findByRole('dialog', { name: 'Command palette' });
    expect(within(palette).getByRole('option', { name: 'Go to Deals board' })).toBeInTheDocument();

    await userEvent.click(within(palette).getByRole('option', { name: 'New contact' }));
    expect(screen.getByTestId('requested')).toHaveTextContent('contact');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await userEvent.keyboard('{Control>}k{/Control}');
    await userEvent.type(await screen.findByRole('combobox', { name: 'Search records and actions' }), 'zzzz');
    expect(await screen.findByText('Nothing found for “zzzz”.')).toBeInTheDocument();
  });

  it('goes to a page by name', async () => {
    renderPalette(() => jsonResponse({ data: [] }));
    await userEvent.keyboard('{Control>}k{/Control}');
    await userEvent.type(await screen.findByRole('combobox', { name: 'Search records and actions' }), 'trash');
    await userEvent.click(await screen.findByRole('option', { name: 'Go to Trash' }));
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/trash'));
  });
});
