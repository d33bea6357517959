import { meResponseSchema } from '@spanner/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { meAs, noContentResponse, problemResponse, sessionAs, stubApi } from '../test/api-stub';
import { deferred, jsonResponse } from '../test/render';
import { apiRequest, noContent } from './api-client';
import { endSession, getSessionState, startSession } from './auth-session';

const expired = () => problemResponse(401, 'The access token has expired.');
const bearerOf = (headers: Headers) => headers.get('authorization');

describe('apiRequest', () => {
  beforeEach(() => startSession(sessionAs('owner', 'old-token')));

  it('sends the access token and a JSON body', async () => {
    const fetchMock = stubApi({
      'PATCH /api/v1/me': ({ headers, body }) => {
        expect(bearerOf(headers)).toBe('Bearer old-token');
        expect(headers.get('content-type')).toBe('application/json');
        expect(body).toEqual({ name: 'Ada King' });
        return jsonResponse(meAs('owner'));
      },
    });

    await expect(apiRequest('/api/v1/me', meResponseSchema, { method: 'PATCH', json: { name: 'Ada King' } })).resolves.toEqual(meAs('owner'));
    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it('renews the token once for concurrent 401s, then asks each again with the new token', async () => {
    const refresh = deferred<Response>();
    const fetchMock = stubApi({
      'GET /api/v1/me': ({ headers }) => (bearerOf(headers) === 'Bearer new-token' ? jsonResponse(meAs('owner')) : expired()),
      'POST /api/v1/auth/refresh': ({ headers }) => {
        // The refresh rides on the cookie alone.
        expect(bearerOf(headers)).toBeNull();
        return refresh.promise;
      },
    });

    const requests = [1, 2, 3].map(() => apiRequest('/api/v1/me', meResponseSchema));
    await waitForCalls(fetchMock, 4);
    refresh.resolve(jsonResponse(sessionAs('owner', 'new-token')));

    await expect(Promise.all(requests)).resolves.toEqual([meAs('owner'), meAs('owner'), meAs('owner')]);
    const refreshes = fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/auth/refresh'));
    expect(refreshes).toHaveLength(1);
    expect(fetchMock).toHaveBeenCalledTimes(7);
    expect(getSessionState()).toMatchObject({ status: 'signedIn', session: { accessToken: 'new-token' } });
  });

  it('uses a token another request already renewed instead of refreshing again', async () => {
    const lateAnswer = deferred<Response>();
    let meCalls = 0;
    const fetchMock = stubApi({
      'GET /api/v1/me': ({ headers }) => {
        meCalls += 1;
        if (bearerOf(headers) === 'Bearer new-token') return jsonResponse(meAs('owner'));
        // The second request's 401 arrives only after the first one has renewed the token.
        return meCalls === 2 ? lateAnswer.promise : expired();
      },
      'POST /api/v1/auth/refresh': jsonResponse(sessionAs('owner', 'new-token')),
    });

    const first = apiRequest('/api/v1/me', meResponseSchema);
    const second = apiRequest('/api/v1/me', meResponseSchema);
    await expect(first).resolves.toEqual(meAs('owner'));
    lateAnswer.resolve(expired());

    await expect(second).resolves.toEqual(meAs('owner'));
    expect(fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/auth/refresh'))).toHaveLength(1);
  });

  it('ends the session when the refresh is refused, failing every waiting request once', async () => {
    const fetchMock = stubApi({
      'GET /api/v1/me': expired(),
      'POST /api/v1/auth/refresh': problemResponse(401, 'Your session has ended. Sign in again.'),
    });

    const results = await Promise.allSettled([apiRequest('/api/v1/me', meResponseSchema), apiRequest('/api/v1/me', meResponseSchema)]);

    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toMatchObject({ name: 'ApiError', status: 401 });
    }
    expect(fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/auth/refresh'))).toHaveLength(1);
    expect(getSessionState()).toEqual({ status: 'signedOut', reason: 'noSession' });
  });

  it('keeps the user signed in when the server cannot be reached to refresh', async () => {
    stubApi({
      'GET /api/v1/me': expired(),
      'POST /api/v1/auth/refresh': () => Promise.reject(new TypeError('Failed to fetch')),
    });

    await expect(apiRequest('/api/v1/me', meResponseSchema)).rejects.toThrow('Failed to fetch');
    expect(getSessionState()).toMatchObject({ status: 'signedIn', session: { accessToken: 'old-token' } });
  });

  it('takes a 401 from a request without the session as the answer: no token sent, no refresh', async () => {
    endSession('noSession');
    const fetchMock = stubApi({
      'POST /api/v1/auth/login': ({ headers }) => {
        expect(bearerOf(headers)).toBeNull();
        return problemResponse(401, 'Wrong email or password.');
      },
    });

    const login = apiRequest('/api/v1/auth/login', noContent, { method: 'POST', json: {}, session: false });

    await expect(login).rejects.toMatchObject({ message: 'Wrong email or password.', status: 401 });
    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it('reads an empty 2xx answer as no content', async () => {
    stubApi({ 'POST /api/v1/auth/resend-verification': noContentResponse(202) });

    await expect(apiRequest('/api/v1/auth/resend-verification', noContent, { method: 'POST' })).resolves.toBeUndefined();
  });
});

async function waitForCalls(fetchMock: { mock: { calls: unknown[] } }, count: number): Promise<void> {
  for (let attempt = 0; attempt < 50 && fetchMock.mock.calls.length < count; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  expect(fetchMock.mock.calls).toHaveLength(count);
}
