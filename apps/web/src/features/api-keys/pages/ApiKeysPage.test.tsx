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
  createdByName: 'Ada Lovelace',
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
