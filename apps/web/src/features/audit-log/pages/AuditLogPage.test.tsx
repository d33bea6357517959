import type { AuditEntry } from '@spanner/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { startSession } from '../../../lib/auth-session';
import { ada, engines, meAs, problemResponse, sessionAs, stubApi, type StubbedRequest } from '../../../test/api-stub';
import { jsonResponse, renderApp } from '../../../test/render';

function entry(id: string, rowId: string): AuditEntry {
  return {
    id,
    at: '2025-04-01T12:00:00.000Z',
    action: 'update',
    tableName: 'memberships',
    rowId,
    actor: { type: 'user', id: ada.id, name: ada.name },
    changes: { role: { old: 'member', new: 'admin' } },
    requestId: 'req-1',
  };
}

describe('AuditLogPage', () => {
  let requests: URLSearchParams[];

  beforeEach(() => {
    startSession(sessionAs('owner'));
    requests = [];
    stubApi({
      'GET /api/v1/me': jsonResponse(meAs('owner')),
      [`GET /api/v1/organizations/${engines.id}/members`]: jsonResponse({ data: [] }),
      'GET /api/v1/audit-log': ({ url }: StubbedRequest) => {
        requests.push(url.searchParams);
        if (url.searchParams.get('tableName') === 'nothing_here') return jsonResponse({ data: [], page: { nextCursor: null } });
        return url.searchParams.get('cursor') === 'page-2'
          ? jsonResponse({ data: [entry('e3', 'row-3')], page: { nextCursor: null } })
          : jsonResponse({ data: [entry('e1', 'row-1'), entry('e2', 'row-2')], page: { nextCursor: 'page-2' } });
      },
    });
  });

  it('loads the next page with the cursor and appends it, until there is none', async () => {
    renderApp('/settings/audit-log');

    const table = await screen.findByRole('table', { name: 'Audit log' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await within(table).findByText('row-3')).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(requests.map((params) => params.get('cursor'))).toEqual([null, 'page-2']);
  });

  it('puts applied filters in the address and the query, and says when nothing matches', async () => {
    const router = renderApp('/settings/audit-log');

    await userEvent.type(await screen.findByLabelText('Table'), 'nothing_here');
    await userEvent.selectOptions(screen.getByLabelText('Action'), 'delete');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(await screen.findByText('No changes match these filters')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?tableName=nothing_here&action=delete');
    expect(Object.fromEntries(requests.at(-1)!)).toEqual({ tableName: 'nothing_here', action: 'delete' });
  });

  it('refuses a filter the server would refuse, with its message', async () => {
    renderApp('/settings/audit-log');

    await userEvent.type(await screen.findByLabelText('Table'), 'Memberships!');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(screen.getByLabelText('Table')).toHaveAccessibleDescription('Use a table name such as memberships');
    expect(requests).toHaveLength(1);
  });

  it('narrows the log to an actor picked in the table', async () => {
    const router = renderApp('/settings/audit-log');

    const [actor] = await screen.findAllByRole('button', { name: 'Show only changes by Ada Lovelace' });
    await userEvent.click(actor!);

    expect(router.state.location.search).toBe(`?actorId=${ada.id}`);
    expect(await screen.findByLabelText('Actor')).toHaveValue(ada.id);
  });
});

describe('AuditLogPage errors', () => {
  it('offers a retry when the log fails to load', async () => {
    startSession(sessionAs('owner'));
    stubApi({
      'GET /api/v1/me': jsonResponse(meAs('owner')),
      [`GET /api/v1/organizations/${engines.id}/members`]: jsonResponse({ data: [] }),
      'GET /api/v1/audit-log': problemResponse(503, 'The database is not reachable.'),
    });
    renderApp('/settings/audit-log');

    expect(await screen.findByRole('alert')).toHaveTextContent('The database is not reachable.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
