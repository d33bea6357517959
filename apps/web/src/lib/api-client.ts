import { problemSchema, sessionResponseSchema, type Problem, type SessionResponse } from '@spanner/contracts';
import { endSession, getAccessToken, getSessionState, startSession } from './auth-session';

/** Unset means the API shares the app's origin (the server serves both). */
const baseUrl = (import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/+$/, '');

/** Anything with a zod-style `parse`; the contracts' schemas fit. */
interface ResponseSchema<T> {
  parse(input: unknown): T;
}

/** For answers without a body worth reading (204, 202). */
export const noContent: ResponseSchema<void> = { parse: () => undefined };

/**
 * A non-2xx answer. `message` is the problem's `detail` (or `title`), ready to show to a user;
 * `body` is the answer as sent, for extension members the problem schema leaves out (a 412's `current`).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly body: unknown;

  constructor(
    message: string,
    readonly status: number,
    readonly problem: Problem | null = null,
    options?: ErrorOptions & { body?: unknown },
  ) {
    super(message, options);
    this.body = options?.body ?? null;
  }
}

export interface ApiRequestInit extends RequestInit {
  /** Sent as the JSON body. */
  json?: unknown;
  /**
   * Whether the request acts for the signed-in user: it carries the access token, and a 401 renews
   * the token once and asks again. Off for the endpoints that create sessions (sign-in, refresh…),
   * whose 401 is an answer, not an expired token.
   */
  session?: boolean;
}

/** Fetches `path` from the API, throws `ApiError` on a non-2xx status, and validates the body. */
export async function apiRequest<T>(path: string, schema: ResponseSchema<T>, init: ApiRequestInit = {}): Promise<T> {
  const { json, session = true, ...requestInit } = init;
  const token = session ? getAccessToken() : null;
  let response = await send(path, requestInit, json, token);
  if (response.status === 401 && session) {
    const renewed = await renewAccessToken(token);
    if (renewed !== null) response = await send(path, requestInit, json, renewed);
  }
  if (!response.ok) throw await errorFrom(response);

  try {
    const text = await response.text();
    return schema.parse(text === '' ? undefined : JSON.parse(text));
  } catch (error) {
    // Not JSON, or not what the contract promises: the same failure for whoever called.
    throw new ApiError(`Unexpected response from ${path}`, response.status, null, { cause: error });
  }
}

function send(path: string, init: RequestInit, json: unknown, token: string | null): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  if (token !== null) headers.set('authorization', `Bearer ${token}`);
  let body = init.body;
  if (json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(json);
  }
  // `include` so the refresh cookie also reaches an API on another origin (the server's CORS allows credentials).
  return fetch(`${baseUrl}${path}`, { credentials: 'include', ...init, headers, body });
}

/** A fresh access token after a 401, or null when the session is over. */
async function renewAccessToken(rejectedToken: string | null): Promise<string | null> {
  // Another request already renewed it while this one was in flight: use the new one.
  const current = getAccessToken();
  if (current !== null && current !== rejectedToken) return current;
  const session = await refreshSession();
  return session?.accessToken ?? null;
}

let refreshInFlight: Promise<SessionResponse | null> | null = null;

/**
 * Exchanges the refresh cookie for a new session. Callers at the same moment share one request: the
 * cookie rotates on every use and the server revokes the whole session when a spent one comes back.
 * Resolves to null, and ends the session, when the cookie is refused; rejects when the server could
 * not answer, keeping a signed-in user signed in.
 */
export function refreshSession(): Promise<SessionResponse | null> {
  refreshInFlight ??= apiRequest('/api/v1/auth/refresh', sessionResponseSchema, { method: 'POST', session: false })
    .then(
      (session) => {
        startSession(session);
        return session;
      },
      (error: unknown) => {
        const refused = error instanceof ApiError && error.status >= 400 && error.status < 500;
        // At start there is no session to keep: an unreachable server signs nobody in.
        if (!refused && getSessionState().status !== 'restoring') throw error;
        endSession('noSession');
        return null;
      },
    )
    .finally(() => {
      refreshInFlight = null;
    });
  return refreshInFlight;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const fallback = `Request failed with status ${response.status}`;
  // A proxy in front of the server may answer with HTML; only a problem+json body has a message for us.
  const body: unknown = await response.json().catch(() => null);
  const parsed = problemSchema.safeParse(body);
  if (!parsed.success) return new ApiError(fallback, response.status);
  const problem = parsed.data;
  return new ApiError(problem.detail ?? problem.title, response.status, problem, { body });
}

/** A sentence for the user about any failure: the server's own words, or a network hint. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Could not reach the server. Check your connection and try again.';
}
