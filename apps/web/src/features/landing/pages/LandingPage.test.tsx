import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { deferred, jsonResponse, renderWithProviders } from '../../../test/render';
import { LandingPage } from './LandingPage';

function stubFetch(...responses: Promise<Response>[]) {
  const fetchMock = vi.fn<typeof fetch>();
  for (const response of responses) fetchMock.mockReturnValueOnce(response);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function unavailable(): Response {
  return jsonResponse(
    {
      type: 'urn:spanner:problem:unavailable',
      title: 'Service Unavailable',
      status: 503,
      detail: 'The database is not reachable.',
      requestId: 'req-1',
    },
    { status: 503, headers: { 'content-type': 'application/problem+json' } },
  );
}

describe('LandingPage', () => {
  it('shows a loading state until the server answers, then its status', async () => {
    const { promise, resolve } = deferred<Response>();
    const fetchMock = stubFetch(promise);

    renderWithProviders(<LandingPage />);

    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Spanner CRM' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Checking the server…');
    expect(fetchMock).toHaveBeenCalledWith('/health', expect.objectContaining({ signal: expect.any(AbortSignal) }));

    resolve(jsonResponse({ status: 'ok' }));

    expect(await screen.findByText('status: ok')).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows the problem detail and a Retry button when the server fails', async () => {
    stubFetch(Promise.resolve(unavailable()));

    renderWithProviders(<LandingPage />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not reach the server.');
    expect(alert).toHaveTextContent('The database is not reachable.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeEnabled();
    expect(screen.queryByText('status: ok')).not.toBeInTheDocument();
  });

  it('falls back to a generic message when the error body is not a problem', async () => {
    stubFetch(Promise.resolve(new Response('<h1>Bad gateway</h1>', { status: 502 })));

    renderWithProviders(<LandingPage />);

    expect(await screen.findByRole('alert')).toHaveTextContent('Request failed with status 502');
  });

  it('treats an answer that breaks the contract as an error', async () => {
    stubFetch(Promise.resolve(jsonResponse({ status: 'degraded' })));

    renderWithProviders(<LandingPage />);

    expect(await screen.findByRole('alert')).toHaveTextContent('Unexpected response from /health');
  });

  it('asks again on Retry and shows the status once the server is back', async () => {
    const retry = deferred<Response>();
    const fetchMock = stubFetch(Promise.resolve(unavailable()), retry.promise);

    renderWithProviders(<LandingPage />);

    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }));

    expect(screen.getByRole('status')).toHaveTextContent('Checking the server…');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    retry.resolve(jsonResponse({ status: 'ok' }));

    expect(await screen.findByText('status: ok')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
