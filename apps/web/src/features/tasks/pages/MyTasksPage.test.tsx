import type { Task } from '@spanner/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../../lib/days';
import { ada } from '../../../test/api-stub';
import { FIRST_RENDER, staleResponse, stubRecordPage } from '../../../test/record-page-stubs';
import { company, listPage, recordId } from '../../../test/records';
import { deferred, jsonResponse, renderApp } from '../../../test/render';

const today = localDay();
const acme = company(1, { name: 'Acme' });

const task = (n: number, title: string, dueDate: string | null): Task => ({
  id: recordId(5000 + n),
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  title,
  description: null,
  status: 'open',
  priority: n === 1 ? 'urgent' : 'normal',
  dueDate,
  assigneeId: ada.id,
  record: n === 1 ? { type: 'company', id: acme.id } : null,
  completedAt: null,
});

const overdue = task(1, 'Send the contract', '2020-01-01');
const dueToday = task(2, 'Call Grace', today);
const someday = task(3, 'Tidy the pipeline', null);

describe('MyTasksPage', () => {
  it('groups my open tasks by due date, links each to its record, and ticks one off at once', async () => {
    const queries: string[] = [];
    const patch = deferred<Response>();
    const sent: unknown[] = [];
    stubRecordPage({
      'GET /api/v1/tasks': ({ url }) => {
        queries.push(url.search);
        return listPage([overdue, dueToday, someday]);
      },
      [`GET /api/v1/companies/${acme.id}`]: jsonResponse(acme),
      [`PATCH /api/v1/tasks/${dueToday.id}`]: ({ body, headers }) => {
        sent.push({ body, ifMatch: headers.get('if-match') });
        return patch.promise;
      },
    });
    renderApp('/tasks');

    const overdueList = await screen.findByRole('list', { name: 'Overdue' }, FIRST_RENDER);
    expect(within(overdueList).getByText('Send the contract')).toBeInTheDocument();
    expect(await within(overdueList).findByRole('link', { name: 'Acme' })).toHaveAttribute('href', `/companies/${acme.id}`);
    expect(within(screen.getByRole('list', { name: 'Due today' })).getByText('Call Grace')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'No date' })).getByText('Tidy the pipeline')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Upcoming' })).not.toBeInTheDocument();
    expect(new URLSearchParams(queries[0]).get('assigneeId')).toBe(ada.id);
    expect(new URLSearchParams(queries[0]).get('status')).toBe('open');

    const checkbox = screen.getByRole('checkbox', { name: 'Call Grace' });
    await userEvent.click(checkbox);
    // Ticked before the server has answered.
    expect(checkbox).toBeChecked();
    expect(sent).toEqual([{ body: { status: 'done' }, ifMatch: '"1"' }]);
    patch.resolve(jsonResponse({ ...dueToday, status: 'done', version: 2 }));
    expect(await screen.findByText('Done: Call Grace')).toBeInTheDocument();
  });

  it('unticks a task again when the server refuses, and says why', async () => {
    stubRecordPage({
      'GET /api/v1/tasks': listPage([dueToday]),
      [`PATCH /api/v1/tasks/${dueToday.id}`]: () => jsonResponse({ type: 'x', title: 'Forbidden', status: 403, detail: 'You may not.', requestId: 'r' }, { status: 403, headers: { 'content-type': 'application/problem+json' } }),
    });
    renderApp('/tasks');

    const checkbox = await screen.findByRole('checkbox', { name: 'Call Grace' }, FIRST_RENDER);
    await userEvent.click(checkbox);
    expect(await screen.findByText('Could not update "Call Grace": You may not.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Call Grace' })).not.toBeChecked());
  });

  it('sets the status on top of a change someone else made meanwhile', async () => {
    const sent: string[] = [];
    stubRecordPage({
      'GET /api/v1/tasks': listPage([dueToday]),
      [`PATCH /api/v1/tasks/${dueToday.id}`]: ({ headers }) => {
        sent.push(headers.get('if-match')!);
        return sent.length === 1 ? staleResponse({ ...dueToday, title: 'Call Grace today', version: 2 }) : jsonResponse({ ...dueToday, title: 'Call Grace today', status: 'done', version: 3 });
      },
    });
    renderApp('/tasks');

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Call Grace' }, FIRST_RENDER));
    expect(await screen.findByText('Done: Call Grace today')).toBeInTheDocument();
    expect(sent).toEqual(['"1"', '"2"']);
  });

  it('offers to add the first task when there is none', async () => {
    stubRecordPage({ 'GET /api/v1/tasks': listPage([]) });
    renderApp('/tasks');
    expect(await screen.findByText('Nothing on your list', {}, FIRST_RENDER)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add a task' }));
    expect(screen.getByRole('dialog', { name: 'New task' })).toBeInTheDocument();
  });
});
