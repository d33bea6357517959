import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
// Not `react-router/dom` as in main.tsx: under Vitest it loads the other (CommonJS vs ESM) copy of
// react-router, whose contexts Link cannot see. The DOM provider only adds flushSync.
import { RouterProvider, createMemoryRouter, type RouteObject } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../test/render';
import { AppShell } from './AppShell';
import { RouteErrorPage } from './RouteErrorPage';
import { routes } from './routes';

function renderAt(path: string, routeObjects: RouteObject[] = routes) {
  const router = createMemoryRouter(routeObjects, { initialEntries: [path] });
  renderWithProviders(<RouterProvider router={router} />);
  return router;
}

describe('routes', () => {
  it('shows the landing page inside the shell at /', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockResolvedValue(jsonResponse({ status: 'ok' })));

    renderAt('/');

    expect(screen.getByRole('link', { name: 'Spanner CRM' })).toHaveAttribute('href', '/');
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Spanner CRM' })).toBeInTheDocument();
    expect(await screen.findByText('status: ok')).toBeInTheDocument();
  });

  it('shows a not-found page with a way home for an unknown route', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockResolvedValue(jsonResponse({ status: 'ok' })));
    const router = renderAt('/some/deep/link');

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

    renderAt('/', [
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
