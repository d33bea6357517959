import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { endSession } from '../lib/auth-session';
import { deferred, jsonResponse, renderApp } from '../test/render';
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

  it('shows a loading state where the page goes while its code downloads on the first load', async () => {
    endSession('noSession');
    vi.stubGlobal('fetch', vi.fn<typeof fetch>());

    renderApp('/login');

    expect(screen.getByRole('link', { name: 'Spanner CRM' })).toBeInTheDocument();
    expect(screen.getByText('Loading the page…')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText('Loading the page…')).not.toBeInTheDocument();
  });

  it('says the next page is loading, over the current one, until its code arrives', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockResolvedValue(jsonResponse({ status: 'ok' })));
    const pageCode = deferred<{ element: ReactNode }>();
    const router = renderApp('/', [
      {
        element: <AppShell />,
        children: [{ path: '/', element: <h1>Home</h1> }, { path: 'slow', lazy: () => pageCode.promise }],
      },
    ]);

    void router.navigate('/slow');

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Loading the page…'));
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('heading', { level: 1, name: 'Home' })).toBeInTheDocument();

    pageCode.resolve({ element: <h1>Slow page</h1> });

    expect(await screen.findByRole('heading', { level: 1, name: 'Slow page' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'false');
  });

  it('keeps the shell and offers a reload when a page’s code fails to download', async () => {
    endSession('noSession');
    vi.stubGlobal('fetch', vi.fn<typeof fetch>());
    // As a browser does when a deploy has replaced the chunk the old page asks for.
    vi.doMock('../features/auth/pages/LoginPage', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });

    try {
      renderApp('/login');

      expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Spanner CRM' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
    } finally {
      vi.doUnmock('../features/auth/pages/LoginPage');
    }
  });
});
