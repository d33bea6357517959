import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { startSession } from '../../../lib/auth-session';
import { meAs, problemResponse, sessionAs, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderApp } from '../../../test/render';

describe('ProfilePage', () => {
  beforeEach(() => startSession(sessionAs('member')));

  it('asks for the current password before a new one, as the server does', async () => {
    const fetchMock = stubApi({ 'GET /api/v1/me': jsonResponse(meAs('member')) });
    renderApp('/settings/profile');

    await userEvent.type(await screen.findByLabelText('New password'), 'a brand new passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByLabelText('Current password')).toHaveAccessibleDescription('Enter your current password to set a new one');
    // A set: the shell and the page (whose code arrives later) may each ask for /me.
    expect(new Set(fetchMock.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}`))).toEqual(new Set(['GET /api/v1/me']));
  });

  it('shows a wrong current password next to that field, and a changed name in the header', async () => {
    stubApi({
      'GET /api/v1/me': jsonResponse(meAs('member')),
      'PATCH /api/v1/me': ({ body }) =>
        'newPassword' in (body as object)
          ? problemResponse(422, 'Some fields are invalid.', [{ path: 'body.currentPassword', message: 'The current password is not right.' }])
          : jsonResponse({ ...meAs('member'), user: { ...meAs('member').user, name: 'Ada King' } }),
    });
    renderApp('/settings/profile');

    await userEvent.type(await screen.findByLabelText('Current password'), 'wrong password');
    await userEvent.type(screen.getByLabelText('New password'), 'a brand new passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('The current password is not right.')).toBeInTheDocument();
    expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription('The current password is not right.');

    const name = screen.getByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Ada King');
    await userEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText('Your name is saved.')).toBeInTheDocument();
    // jsdom drops the space between the visually hidden prefix and the name.
    expect(await screen.findByRole('button', { name: /^Account: ?Ada King$/ })).toBeInTheDocument();
  });
});
