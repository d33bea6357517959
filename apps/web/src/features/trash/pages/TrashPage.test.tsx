import type { Role } from '@spanner/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { startSession } from '../../../lib/auth-session';
import { meAs, noContentResponse, sessionAs, stubApi, type StubbedRequest } from '../../../test/api-stub';
import { company, contact, listPage } from '../../../test/records';
import { jsonResponse, renderApp } from '../../../test/render';

const deletedAt = '2025-04-01T09:00:00.000Z';
const acme = company(1, { name: 'Acme', deletedAt });
const globex = company(2, { name: 'Globex', deletedAt });

function stubTrash(role: Role, extra: Record<string, (request: StubbedRequest) => Response> = {}) {
  startSession(sessionAs(role));
  const requests: string[] = [];
  const stub = stubApi({
    'GET /api/v1/me': jsonResponse(meAs(role)),
    'GET /api/v1/companies': ({ url }) => {
      requests.push(url.search);
      return listPage([acme, globex]);
    },
    'GET /api/v1/contacts': listPage([contact(1, { deletedAt })]),
    ...extra,
  });
  return { stub, requests };
}

describe('TrashPage', () => {
  it('lists deleted companies and restores one', async () => {
    const restored: string[] = [];
    const { requests } = stubTrash('member', {
      [`POST /api/v1/companies/${acme.id}/restore`]: () => {
        restored.push(acme.id);
        return jsonResponse({ ...acme, deletedAt: null, version: 2 });
      },
    });
    renderApp('/trash');

    const trash = await screen.findByRole('table', { name: 'Deleted companies' });
    expect(requests[0]).toContain('deleted=only');
    await userEvent.click(within(trash).getByRole('button', { name: 'Restore Acme' }));
    expect(await screen.findByText('Acme is restored.')).toBeInTheDocument();
    expect(restored).toEqual([acme.id]);
    // Only admins and owners delete for good.
    expect(screen.queryByRole('button', { name: /permanently/ })).not.toBeInTheDocument();
  });

  it('restores the selected records in one bulk call', async () => {
    const bodies: unknown[] = [];
    stubTrash('member', {
      'POST /api/v1/companies/bulk': ({ body }) => {
        bodies.push(body);
        return jsonResponse({ results: [] });
      },
    });
    renderApp('/trash');

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select all loaded rows' }));
    await userEvent.click(within(screen.getByRole('toolbar', { name: 'Bulk actions' })).getByRole('button', { name: 'Restore selected' }));
    expect(await screen.findByText('2 companies restored.')).toBeInTheDocument();
    expect(bodies).toEqual([{ action: 'restore', ids: [acme.id, globex.id] }]);
  });

  it('lets an admin delete for good, after asking', async () => {
    const purged: string[] = [];
    stubTrash('admin', {
      [`DELETE /api/v1/companies/${globex.id}/permanent`]: () => {
        purged.push(globex.id);
        return noContentResponse();
      },
    });
    renderApp('/trash');

    await userEvent.click(await screen.findByRole('button', { name: 'Delete Globex permanently' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete this company permanently?' });
    expect(purged).toEqual([]);
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete permanently' }));
    expect(await screen.findByText('Globex is deleted permanently.')).toBeInTheDocument();
    expect(purged).toEqual([globex.id]);
  });

  it('shows the trash of another kind from its tab', async () => {
    stubTrash('viewer');
    const router = renderApp('/trash');

    await userEvent.click(within(await screen.findByRole('navigation', { name: 'Kinds of records' })).getByRole('link', { name: 'Contacts' }));
    expect(router.state.location.search).toBe('?kind=contacts');
    expect(await screen.findByRole('table', { name: 'Deleted contacts' })).toHaveTextContent('Person Number 1');
    // A viewer reads the trash but changes nothing.
    expect(screen.queryByRole('button', { name: /Restore/ })).not.toBeInTheDocument();
  });
});
