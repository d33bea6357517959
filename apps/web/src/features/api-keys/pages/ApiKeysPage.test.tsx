import type { ApiKey } from '@spanner/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { startSession } from '../../../lib/auth-session';
import { meAs, noContentResponse, sessionAs, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderApp } from '../../../test/render';

const zapier: ApiKey = {
  id: '01920000-0000-7000-8000-0000000000c1',
  name: 'Zapier sync',
  role: 'viewer',
  prefix: 'spk_Ab12',
  createdBy: '01920000-0000-7000-8000-0000000000a1',
  createdByName: 'Ada Lovelace',
  effectiveRole: 'viewer',
  createdAt: '2025-03-01T10:00:00.000Z',
  expiresAt: null,
  lastUsedAt: null,
};
const secret = 'spk_Ab12-the-whole-secret-shown-once';

describe('ApiKeysPage', () => {
  beforeEach(() => startSession(sessionAs('admin')));

  it('shows a new key’s secret once, then only its prefix', async () => {
    let keys: ApiKey[] = [];
    let created: unknown;
    stubApi({
      'GET /api/v1/me': jsonResponse(meAs('admin')),
      'GET /api/v1/api-keys': () => jsonResponse({ data: keys }),
      'POST /api/v1/api-keys': ({ body }) => {
        created = body;
        keys = [zapier];
        return jsonResponse({ ...zapier, secret }, { status: 201 });
      },
    });
    renderApp('/settings/api-keys');

    expect(await screen.findByText('No API keys yet')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Create API key' }));
    const form = screen.getByRole('dialog', { name: 'Create API key' });
    // An admin hands out no more than admin.
    expect(within(form).queryByRole('option', { name: 'Owner' })).not.toBeInTheDocument();
    await userEvent.type(within(form).getByLabelText('Key name'), 'Zapier sync');
    await userEvent.selectOptions(within(form).getByLabelText('Role'), 'viewer');
    await userEvent.click(within(form).getByRole('button', { name: 'Create key' }));

    const secretDialog = await screen.findByRole('dialog', { name: 'Copy your new API key' });
    expect(within(secretDialog).getByLabelText('Secret of Zapier sync')).toHaveValue(secret);
    expect(created).toEqual({ name: 'Zapier sync', role: 'viewer', expiresAt: null });

    await userEvent.click(within(secretDialog).getByRole('button', { name: 'Done' }));

    const row = await screen.findByRole('row', { name: /Zapier sync/ });
    expect(row).toHaveTextContent('spk_Ab12…');
    expect(document.body).not.toHaveTextContent(secret);
    expect(screen.queryByDisplayValue(secret)).not.toBeInTheDocument();
  });

  it('asks before revoking a key', async () => {
    let keys = [zapier];
    stubApi({
      'GET /api/v1/me': jsonResponse(meAs('admin')),
      'GET /api/v1/api-keys': () => jsonResponse({ data: keys }),
      [`DELETE /api/v1/api-keys/${zapier.id}`]: () => {
        keys = [];
        return noContentResponse();
      },
    });
    renderApp('/settings/api-keys');

    await userEvent.click(await screen.findByRole('button', { name: 'Revoke Zapier sync' }));
    const confirm = screen.getByRole('dialog', { name: 'Revoke Zapier sync?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Revoke key' }));

    expect(await screen.findByText('Zapier sync is revoked.')).toBeInTheDocument();
    expect(await screen.findByText('No API keys yet')).toBeInTheDocument();
  });

  it('marks the keys whose creator left or was demoted, and reassigns one to the admin', async () => {
    const orphaned: ApiKey = { ...zapier, id: '01920000-0000-7000-8000-0000000000c2', name: 'Old sync', role: 'admin', createdByName: null, effectiveRole: null };
    const demoted: ApiKey = { ...zapier, id: '01920000-0000-7000-8000-0000000000c3', name: 'Reports', role: 'member', effectiveRole: 'viewer' };
    let keys = [zapier, orphaned, demoted];
    let reassigned = 0;
    stubApi({
      'GET /api/v1/me': jsonResponse(meAs('admin')),
      'GET /api/v1/api-keys': () => jsonResponse({ data: keys }),
      [`POST /api/v1/api-keys/${orphaned.id}/reassign`]: () => {
        reassigned += 1;
        const takenOver = { ...orphaned, createdByName: 'Ada Lovelace', effectiveRole: 'admin' as const };
        keys = [zapier, takenOver, demoted];
        return jsonResponse(takenOver);
      },
    });
    renderApp('/settings/api-keys');

    expect(await screen.findByText(/^Keys acting with less than their own role: 2\./)).toBeInTheDocument();
    const orphanedRow = screen.getByRole('row', { name: /Old sync/ });
    expect(orphanedRow).toHaveTextContent('Stopped: its creator left');
    expect(screen.getByRole('row', { name: /Reports/ })).toHaveTextContent("Acts as Viewer: its creator's role");
    expect(within(screen.getByRole('row', { name: /Zapier sync/ })).queryByRole('button', { name: /Reassign/ })).not.toBeInTheDocument();
    expect(within(orphanedRow).getByRole('button', { name: 'Revoke Old sync' })).toBeInTheDocument();

    await userEvent.click(within(orphanedRow).getByRole('button', { name: 'Reassign Old sync to me' }));

    expect(await screen.findByText('Old sync now acts for you.')).toBeInTheDocument();
    expect(reassigned).toBe(1);
    expect(await screen.findByText(/^Keys acting with less than their own role: 1\./)).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Old sync/ })).not.toHaveTextContent('Stopped');
  });

  it('offers a retry when the list fails to load', async () => {
    let attempts = 0;
    stubApi({
      'GET /api/v1/me': jsonResponse(meAs('admin')),
      'GET /api/v1/api-keys': () => {
        attempts += 1;
        return attempts === 1 ? new Response('<h1>Bad gateway</h1>', { status: 502 }) : jsonResponse({ data: [zapier] });
      },
    });
    renderApp('/settings/api-keys');

    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the API keys.');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('row', { name: /Zapier sync/ })).toBeInTheDocument();
  });
});
