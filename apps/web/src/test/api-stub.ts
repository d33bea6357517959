import type { FieldError, MeResponse, Role, SessionResponse } from '@spanner/contracts';
import { vi } from 'vitest';
import { jsonResponse } from './render';

/** What a stubbed endpoint sees of a request. */
export interface StubbedRequest {
  url: URL;
  headers: Headers;
  body: unknown;
}

type Answer = Response | ((request: StubbedRequest) => Response | Promise<Response>);

/**
 * Stubs `fetch` with answers by `METHOD /path` (query string ignored). A request nobody expected
 * fails the test. Returns the mock, to count and inspect calls.
 */
export function stubApi(answers: Record<string, Answer>) {
  const fetchMock = vi.fn<typeof fetch>(async (input, init = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const key = `${init.method ?? 'GET'} ${url.pathname}`;
    const answer = answers[key];
    if (answer === undefined) throw new Error(`Unexpected request: ${key}`);
    if (typeof answer !== 'function') return answer.clone();
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    return answer({ url, headers: new Headers(init.headers), body });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** A problem+json answer, with field errors when given. */
export function problemResponse(status: number, detail: string, errors?: FieldError[]): Response {
  return jsonResponse(
    { type: 'urn:spanner:problem:test', title: 'Problem', status, detail, requestId: 'req-test', ...(errors ? { errors } : {}) },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}

export function noContentResponse(status = 204): Response {
  return new Response(null, { status });
}

export const ada = {
  id: '01920000-0000-7000-8000-00000000000a',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  emailVerified: true,
  createdAt: '2025-01-01T10:00:00.000Z',
};

export const engines = { id: '01920000-0000-7000-8000-0000000000e1', name: 'Analytical Engines' };

export function sessionAs(role: Role, accessToken = 'token-1'): SessionResponse {
  return { accessToken, expiresIn: 900, user: ada, organization: { ...engines, role } };
}

export function meAs(role: Role): MeResponse {
  const organization = { ...engines, role };
  return { user: ada, organization, organizations: [organization] };
}
