import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
// Not `react-router/dom` as in main.tsx: under Vitest it loads the other (CommonJS vs ESM) copy of
// react-router, whose contexts Link cannot see. The DOM provider only adds flushSync.
import { RouterProvider, createMemoryRouter, type RouteObject } from 'react-router';
import { AppProviders } from '../app/providers';
import { routes } from '../app/routes';

/** Renders `ui` with the app's providers and a fresh query cache that never retries. */
export function renderWithProviders(ui: ReactElement): RenderResult {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<AppProviders queryClient={queryClient}>{ui}</AppProviders>);
}

/** The whole app (or `routeObjects`) at `path`, in a memory router the test can inspect. */
export function renderApp(path: string, routeObjects: RouteObject[] = routes) {
  const router = createMemoryRouter(routeObjects, { initialEntries: [path] });
  renderWithProviders(<RouterProvider router={router} />);
  return router;
}

/** A `fetch` answer with a JSON body. */
export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(body), { status: 200, ...init, headers });
}

/** A promise settled by the test, for a request that is still in flight (Node 20 has no Promise.withResolvers). */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}
