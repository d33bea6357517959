import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { sessionAs, stubApi, type StubbedRequest } from '../test/api-stub';
import { company } from '../test/records';
import { jsonResponse } from '../test/render';
import { startSession } from './auth-session';
import { recordQueryKeys, StaleVersionError, useUpdateRecord } from './record-api';
import { companyKind } from './record-kinds';

function wrapperWith(queryClient: QueryClient) {
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

describe('useUpdateRecord', () => {
  it('sends the version read as If-Match and caches the changed record', async () => {
    startSession(sessionAs('member'));
    const requests: StubbedRequest[] = [];
    const changed = company(1, { industry: 'Software', version: 4 });
    stubApi({
      [`PATCH /api/v1/companies/${changed.id}`]: (request) => {
        requests.push(request);
        return jsonResponse(changed, { headers: { etag: '"4"' } });
      },
    });
    const queryClient = new QueryClient();
    const { result } = renderHook(() => useUpdateRecord(companyKind), { wrapper: wrapperWith(queryClient) });

    result.current.mutate({ id: changed.id, version: 3, patch: { industry: 'Software' } });

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(requests[0]!.headers.get('if-match')).toBe('"3"');
    expect(requests[0]!.body).toEqual({ industry: 'Software' });
    expect(queryClient.getQueryData(recordQueryKeys('companies').detail(changed.id))).toEqual(changed);
  });

  it('rejects a stale version with the record as it is now, never overwriting it', async () => {
    startSession(sessionAs('member'));
    const current = company(1, { industry: 'Retail', version: 5 });
    stubApi({
      [`PATCH /api/v1/companies/${current.id}`]: jsonResponse(
        { type: 'urn:spanner:problem:precondition-failed', title: 'Precondition Failed', status: 412, detail: 'The company changed since you read it.', requestId: 'r1', current },
        { status: 412, headers: { 'content-type': 'application/problem+json' } },
      ),
    });
    const { result } = renderHook(() => useUpdateRecord(companyKind), { wrapper: wrapperWith(new QueryClient()) });

    result.current.mutate({ id: current.id, version: 3, patch: { industry: 'Software' } });

    await waitFor(() => expect(result.current.isError).toBe(true));
    const error = result.current.error;
    expect(error).toBeInstanceOf(StaleVersionError);
    expect((error as StaleVersionError<typeof current>).current).toEqual(current);
    expect(error?.message).toBe('The company changed since you read it.');
  });
});
