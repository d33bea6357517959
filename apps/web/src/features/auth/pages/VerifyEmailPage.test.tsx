import { screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { endSession } from '../../../lib/auth-session';
import { noContentResponse, problemResponse, stubApi } from '../../../test/api-stub';
import { renderWithProviders } from '../../../test/render';
import { VerifyEmailPage } from './VerifyEmailPage';

function renderVerifyPage(path: string) {
  const router = createMemoryRouter([{ path: '/verify-email', element: <VerifyEmailPage /> }], { initialEntries: [path] });
  // StrictMode mounts the page twice in development: the one-time token must still go out once.
  renderWithProviders(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
}

describe('VerifyEmailPage', () => {
  beforeEach(() => endSession('noSession'));

  it('spends the token once and confirms', async () => {
    const fetchMock = stubApi({
      'POST /api/v1/auth/verify-email': ({ body }) => {
        expect(body).toEqual({ token: 'one-time' });
        return noContentResponse();
      },
    });

    renderVerifyPage('/verify-email?token=one-time');

    expect(await screen.findByText('Your email address is verified. Thank you!')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it('says why a used or expired link failed, and how to get a new one', async () => {
    stubApi({
      'POST /api/v1/auth/verify-email': problemResponse(422, 'Some fields are invalid.', [{ path: 'body.token', message: 'This link has expired or was already used.' }]),
    });

    renderVerifyPage('/verify-email?token=spent');

    expect(await screen.findByRole('alert')).toHaveTextContent('We could not verify your email.');
    expect(screen.getByRole('link', { name: 'Sign in to get a new link' })).toHaveAttribute('href', '/login');
  });
});
