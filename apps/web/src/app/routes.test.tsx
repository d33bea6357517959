import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderApp } from '../test/render';
import { AppShell } from './AppShell';
import { RouteErrorPage } from './RouteErrorPage';

describe('routes', () => {
  it('shows the landing page inside the shell at /', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockResolvedValue(jsonResponse({ status: 'ok' })));

    renderApp('/');

    expect(screen.getByRole('link', { name: 'Spanner CRM' })).toHaveAttribute('href', '/');
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Spanner CRM' })).toBeInTheDocument();
    expect(await screen.findByText('status: ok')).toBeInTheDocument();
  });

  it('shows a not-found page with a way home for an unknown route', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockResolvedValue(jsonResponse({ status: 'ok' })));
    const router = renderApp('/some/deep/link');

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('link', { name: 'Go to the home page' }));

    expect(router.state.location.pathname).toBe('/');
    expect(await screen.findByText('status: ok')).toBeInTheDocument();
  });

  it('keeps the shell and offers a reload when a page throws', () => {
    // React reports the caught render error on the console; that is the behaviour under test.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function BrokenPage(): never {
      throw new Error('render failed');
    }

    renderApp('/', [
      {
        element: <AppShell />,
        children: [{ errorElement: <RouteErrorPage />, children: [{ index: true, element: <BrokenPage /> }] }],
      },
    ]);

    expect(screen.getByRole('link', { name: 'Spanner CRM' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
  });
});
