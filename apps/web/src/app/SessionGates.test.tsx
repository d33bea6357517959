import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { endSession, startSession } from '../lib/auth-session';
import { ada, meAs, problemResponse, sessionAs, stubApi } from '../test/api-stub';
import { jsonResponse, renderApp } from '../test/render';

describe('session gates', () => {
  it('sends the user to sign in when the session cannot be renewed, then back to the page they were on', async () => {
    startSession(sessionAs('owner', 'expired-token'));
    const fetchMock = stubApi({
      'GET /api/v1/me': ({ headers }) =>
        headers.get('authorization') === 'Bearer fresh-token' ? jsonResponse(meAs('owner')) : problemResponse(401, 'The access token has expired.'),
      'POST /api/v1/auth/refresh': problemResponse(401, 'Your session has ended.'),
      'POST /api/v1/auth/login': ({ body }) => {
        expect(body).toEqual({ email: ada.email, password: 'correct horse battery staple' });
        return jsonResponse(sessionAs('owner', 'fresh-token'));
      },
      'GET /api/v1/organizations/01920000-0000-7000-8000-0000000000e1/members': jsonResponse({ data: [] }),
      'GET /api/v1/invitations': jsonResponse({ data: [] }),
    });

    const router = renderApp('/settings/members?tab=all');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Fsettings%2Fmembers%3Ftab%3Dall');

    await userEvent.type(screen.getByLabelText('Email'), ada.email);
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery staple');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Members' })).toBeInTheDocument();
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/settings/members?tab=all');
    expect(fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/auth/refresh'))).toHaveLength(1);
  });

  it('does not remember the page after an explicit sign-out', async () => {
    endSession('signedOut');
    stubApi({});

    const router = renderApp('/settings/profile');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });

  it('sends a signed-in user away from the sign-in page, but never off the site', async () => {
    startSession(sessionAs('owner'));
    stubApi({ 'GET /api/v1/me': jsonResponse(meAs('owner')), 'GET /health': jsonResponse({ status: 'ok' }) });

    const router = renderApp('/login?next=//evil.example/steal');

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to Spanner CRM' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });
});
