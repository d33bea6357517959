import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { endSession } from '../../../lib/auth-session';
import { problemResponse, stubApi } from '../../../test/api-stub';
import { renderApp } from '../../../test/render';

async function fillSignup({ email = 'ada@example.com', password = 'correct horse battery staple' } = {}) {
  // The page's code downloads on first open: wait for the form.
  await userEvent.type(await screen.findByLabelText('Your name'), 'Ada Lovelace');
  await userEvent.type(screen.getByLabelText('Email'), email);
  await userEvent.type(screen.getByLabelText('Password'), password);
  await userEvent.type(screen.getByLabelText('Organization name'), 'Analytical Engines');
  await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('SignupPage', () => {
  beforeEach(() => endSession('noSession'));

  it('checks every field with the server’s own rules before sending anything', async () => {
    const fetchMock = stubApi({});
    renderApp('/signup');

    await userEvent.click(await screen.findByRole('button', { name: 'Create account' }));

    expect(screen.getByLabelText('Your name')).toHaveAccessibleDescription('Enter your name');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Use at least 10 characters');
    expect(screen.getByLabelText('Organization name')).toHaveAccessibleDescription('Name your organization');
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the cleaned-up values the schema produces', async () => {
    let sent: unknown;
    stubApi({
      'POST /api/v1/auth/signup': ({ body }) => {
        sent = body;
        return problemResponse(503, 'Try again shortly.');
      },
    });
    renderApp('/signup');

    await fillSignup({ email: '  Ada@Example.COM ' });

    expect(await screen.findByRole('alert')).toHaveTextContent('Try again shortly.');
    expect(sent).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com', password: 'correct horse battery staple', organizationName: 'Analytical Engines' });
  });

  it('shows the server’s field errors next to their fields and focuses the first', async () => {
    stubApi({
      'POST /api/v1/auth/signup': problemResponse(409, 'The request conflicts with existing data.', [
        { path: 'body.email', message: 'An account with this email already exists.' },
      ]),
    });
    renderApp('/signup');

    await fillSignup();

    expect(await screen.findByText('An account with this email already exists.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('An account with this email already exists.');
    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a refused common password under the password', async () => {
    stubApi({
      'POST /api/v1/auth/signup': problemResponse(422, 'Some fields are invalid.', [{ path: 'body.password', message: 'This password is too common.' }]),
    });
    renderApp('/signup');

    await fillSignup({ password: 'password1234' });

    expect(await screen.findByText('This password is too common.')).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('This password is too common.');
  });
});
