import type { Role } from '@spanner/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { startSession } from '../../../lib/auth-session';
import { ada, engines, meAs, problemResponse, sessionAs, stubApi, type StubbedRequest } from '../../../test/api-stub';
import { contact, listPage, vipTag } from '../../../test/records';
import { jsonResponse, renderApp } from '../../../test/render';

const adaMember = { userId: ada.id, email: ada.email, name: ada.name, role: 'owner', joinedAt: '2025-01-01T10:00:00.000Z' };

/** The contacts page's endpoints; `contacts` answers the list. */
function stubContactsApi(contacts: (request: StubbedRequest) => Response | Promise<Response>, { role = 'owner' as Role, extra = {} } = {}) {
  startSession(sessionAs(role));
  return stubApi({
    'GET /api/v1/me': jsonResponse(meAs(role)),
    [`GET /api/v1/organizations/${engines.id}/members`]: jsonResponse({ data: [adaMember] }),
    'GET /api/v1/tags': listPage([vipTag]),
    'GET /api/v1/contacts': contacts,
    ...extra,
  });
}

describe('ContactsPage', () => {
  it('offers to add the first contact when there is none', async () => {
    stubContactsApi(() => listPage([]));
    renderApp('/contacts');

    expect(await screen.findByText('No contacts yet')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add your first contact' }));
    const dialog = screen.getByRole('dialog', { name: 'New contact' });
    expect(within(dialog).getByLabelText('Owner')).toHaveValue(ada.id);
  });

  it('offers a new organization a sample set, and shows what it loaded', async () => {
    let loaded = false;
    stubContactsApi(() => listPage(loaded ? [contact(1)] : []), {
      extra: {
        'POST /api/v1/sample-data': () => {
          loaded = true;
          return jsonResponse({ companies: 250, contacts: 600, deals: 180, tasks: 90, notes: 300 }, { status: 201 });
        },
      },
    });
    renderApp('/contacts');

    await userEvent.click(await screen.findByRole('button', { name: 'Load sample data' }));
    expect(await screen.findByText('Sample data loaded: 250 companies, 600 contacts and 180 deals.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Person Number 1' })).toBeInTheDocument();
  });

  it('says when nothing matches the view, and clears it', async () => {
    const queries: URLSearchParams[] = [];
    stubContactsApi(({ url }) => {
      queries.push(url.searchParams);
      return listPage(url.searchParams.has('q') ? [] : [contact(1)]);
    });
    const router = renderApp('/contacts?q=nobody');

    expect(await screen.findByText('No contacts match this view')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(await screen.findByRole('link', { name: 'Person Number 1' })).toHaveAttribute('href', `/contacts/${contact(1).id}`);
    expect(router.state.location.search).toBe('');
  });

  it('shows the error with a retry that loads the list', async () => {
    let fail = true;
    stubContactsApi(() => (fail ? problemResponse(503, 'The database is not reachable.') : listPage([contact(1)])));
    renderApp('/contacts');

    expect(await screen.findByRole('alert')).toHaveTextContent('The database is not reachable.');
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Person Number 1' })).toBeInTheDocument();
  });

  it('asks the API for the view in the address, and puts a new sort there', async () => {
    const queries: URLSearchParams[] = [];
    stubContactsApi(({ url }) => {
      queries.push(url.searchParams);
      return listPage([contact(1, { lifecycleStage: 'lead', ownerId: ada.id, tagIds: [vipTag.id] })]);
    });
    const router = renderApp('/contacts?lifecycleStage=lead&hide=email');

    const row = await screen.findByRole('row', { name: /Person Number 1/ });
    expect(within(row).getByText('Lead')).toBeInTheDocument();
    expect(within(row).getByText('Ada Lovelace')).toBeInTheDocument();
    expect(within(row).getByText('VIP')).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: /Email/ })).not.toBeInTheDocument();
    expect(Object.fromEntries(queries.at(-1)!)).toEqual({ lifecycleStage: 'lead', limit: '50' });

    await userEvent.click(screen.getByRole('button', { name: 'Job title' }));
    expect(router.state.location.search).toBe('?lifecycleStage=lead&sort=jobTitle&hide=email');
    await waitFor(() => expect(queries.at(-1)!.get('sort')).toBe('jobTitle'));
  });

  it('tags the selected contacts in one bulk call and says so', async () => {
    const bulkBodies: unknown[] = [];
    stubContactsApi(() => listPage([contact(1), contact(2), contact(3)]), {
      extra: {
        'POST /api/v1/contacts/bulk': ({ body }: StubbedRequest) => {
          bulkBodies.push(body);
          return jsonResponse({ results: [] });
        },
      },
    });
    renderApp('/contacts');

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select Person Number 1' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Person Number 3' }));
    const bar = screen.getByRole('toolbar', { name: 'Bulk actions' });
    expect(bar).toHaveTextContent('2 selected');
    await userEvent.click(within(bar).getByRole('button', { name: 'Add tag' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'VIP' }));

    expect(await screen.findByText('Tag VIP added to 2 contacts.')).toBeInTheDocument();
    expect(bulkBodies).toEqual([{ action: 'addTags', ids: [contact(1).id, contact(3).id], tagIds: [vipTag.id] }]);
  });

  it("shows the server's field error next to the field when creating", async () => {
    stubContactsApi(() => listPage([contact(1)]), {
      extra: {
        'POST /api/v1/contacts': problemResponse(409, 'Another contact already has this email.', [{ path: 'body.email', message: 'is already used by another contact' }]),
      },
    });
    renderApp('/contacts');

    await userEvent.click(await screen.findByRole('button', { name: 'New contact' }));
    const dialog = screen.getByRole('dialog', { name: 'New contact' });
    await userEvent.type(within(dialog).getByLabelText('Last name'), 'Lovelace');
    await userEvent.type(within(dialog).getByLabelText('Email'), 'ada@example.com');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create contact' }));

    expect(await within(dialog).findByText('is already used by another contact')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Email')).toHaveAccessibleDescription('is already used by another contact');
  });

  it('lets a viewer read but neither create nor select', async () => {
    stubContactsApi(() => listPage([contact(1)]), { role: 'viewer' });
    renderApp('/contacts');

    expect(await screen.findByRole('link', { name: 'Person Number 1' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New contact' })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });
});
