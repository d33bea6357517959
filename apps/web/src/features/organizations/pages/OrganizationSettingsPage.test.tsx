import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { startSession } from '../../../lib/auth-session';
import { engines, meAs, noContentResponse, sessionAs, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderApp } from '../../../test/render';

describe('OrganizationSettingsPage', () => {
  it('deletes the organization only once its name is typed, then moves the session on', async () => {
    startSession(sessionAs('owner'));
    const fetchMock = stubApi({
      'GET /api/v1/me': jsonResponse(meAs('owner')),
      [`DELETE /api/v1/organizations/${engines.id}`]: noContentResponse(),
      'POST /api/v1/auth/refresh': jsonResponse({ ...sessionAs('owner', 'token-2'), organization: null }),
      'GET /health': jsonResponse({ status: 'ok' }),
    });
    const router = renderApp('/settings/organization');

    await userEvent.click(await screen.findByRole('button', { name: 'Delete organization' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Analytical Engines?' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete this organization' });
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText('Organization name'), 'Analytical engines');
    expect(confirm).toBeDisabled();
    await userEvent.clear(within(dialog).getByLabelText('Organization name'));
    await userEvent.type(within(dialog).getByLabelText('Organization name'), 'Analytical Engines');
    await userEvent.click(confirm);

    expect(await screen.findByText('Analytical Engines is deleted.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(fetchMock.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}`)).toContain(`DELETE /api/v1/organizations/${engines.id}`);
  });

  it('shows the name read-only to those who may not rename it, and no delete', async () => {
    startSession(sessionAs('admin'));
    stubApi({ 'GET /api/v1/me': jsonResponse(meAs('admin')) });
    renderApp('/settings/organization');

    expect(await screen.findByText(/only an owner can rename the organization/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Organization name' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete organization' })).not.toBeInTheDocument();
  });
});
