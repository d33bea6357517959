import type { InvitationPreview } from '@spanner/contracts';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { endSession, startSession } from '../../../lib/auth-session';
import { meAs, problemResponse, sessionAs, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderApp } from '../../../test/render';

const preview: InvitationPreview = {
  organizationName: 'Analytical Engines',
  email: 'grace@example.com',
  role: 'member',
  invitedByName: 'Ada Lovelace',
  expiresAt: '2030-01-01T00:00:00.000Z',
  hasAccount: false,
};

describe('AcceptInvitationPage', () => {
  it('signs a newcomer up through the link with the invited email fixed, then brings them in', async () => {
    endSession('noSession');
    let sent: unknown;
    stubApi({
      'GET /api/v1/invitations/preview': ({ url }) => {
        expect(url.searchParams.get('token')).toBe('invite-token');
        return jsonResponse(preview);
      },
      'POST /api/v1/auth/signup': ({ body }) => {
        sent = body;
        return jsonResponse({ ...sessionAs('member'), user: { ...sessionAs('member').user, email: preview.email, name: 'Grace Hopper' } }, { status: 201 });
      },
      'GET /api/v1/me': jsonResponse(meAs('member')),
      'GET /health': jsonResponse({ status: 'ok' }),
    });
    const router = renderApp('/accept-invitation?token=invite-token');

    expect(await screen.findByRole('heading', { level: 1, name: 'Join Analytical Engines' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue(preview.email);
    expect(screen.getByLabelText('Email')).toHaveAttribute('readonly');
    expect(screen.queryByLabelText('Organization name')).not.toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Your name'), 'Grace Hopper');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery staple');
    await userEvent.click(screen.getByRole('button', { name: 'Create account and join' }));

    expect(await screen.findByText('Welcome to Analytical Engines!')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(sent).toEqual({ email: preview.email, name: 'Grace Hopper', password: 'correct horse battery staple', invitationToken: 'invite-token' });
  });

  it('sends someone with an account to sign in first, coming back to the link', async () => {
    endSession('noSession');
    stubApi({ 'GET /api/v1/invitations/preview': jsonResponse({ ...preview, hasAccount: true }) });
    renderApp('/accept-invitation?token=invite-token');

    const signIn = await screen.findByRole('link', { name: 'Sign in to accept' });
    const target = new URL(signIn.getAttribute('href')!, 'http://localhost');
    expect(target.pathname).toBe('/login');
    expect(target.searchParams.get('email')).toBe(preview.email);
    expect(target.searchParams.get('next')).toBe('/accept-invitation?token=invite-token');
  });

  it('lets the invited person, signed in, accept with one button', async () => {
    const invitee = { ...sessionAs('owner').user, email: preview.email };
    startSession({ ...sessionAs('owner'), user: invitee });
    stubApi({
      'GET /api/v1/invitations/preview': jsonResponse({ ...preview, hasAccount: true }),
      'POST /api/v1/invitations/accept': ({ body }) => {
        expect(body).toEqual({ token: 'invite-token' });
        return jsonResponse({ ...sessionAs('member', 'joined-token'), user: invitee });
      },
      'GET /api/v1/me': jsonResponse(meAs('member')),
      'GET /health': jsonResponse({ status: 'ok' }),
    });
    const router = renderApp('/accept-invitation?token=invite-token');

    await userEvent.click(await screen.findByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByText('You joined Analytical Engines.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('tells someone signed in with another address to sign out first', async () => {
    startSession(sessionAs('owner'));
    stubApi({ 'GET /api/v1/invitations/preview': jsonResponse(preview), 'GET /api/v1/me': jsonResponse(meAs('owner')) });
    renderApp('/accept-invitation?token=invite-token');

    expect(await screen.findByText(/You are signed in as/)).toHaveTextContent('but this invitation is for grace@example.com');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accept invitation' })).not.toBeInTheDocument();
  });

  it('explains a link that no longer works', async () => {
    endSession('noSession');
    stubApi({ 'GET /api/v1/invitations/preview': problemResponse(404, 'Not found.') });
    renderApp('/accept-invitation?token=used');

    expect(await screen.findByRole('alert')).toHaveTextContent('This invitation has expired, was revoked or has already been used.');
  });
});
