import { problemSchema, type Problem } from '@spanner/contracts';

/** Unset means the API shares the app's origin (the server serves both). */
const baseUrl = (import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/+$/, '');

/** Anything with a zod-style `parse`; the contracts' schemas fit. */
interface ResponseSchema<T> {
  parse(input: unknown): T;
}

/** A non-2xx answer. `message` is the problem's `detail` (or `title`), ready to show to a user. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    message: string,
    readonly status: number,
    readonly problem: Problem | null = null,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Fetches `path` from the API, throws `ApiError` on a non-2xx status, and validates the body. */
export async function apiRequest<T>(path: string, schema: ResponseSchema<T>, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');

  // `include` so a session cookie also reaches an API on another origin (the server's CORS allows credentials).
  const response = await fetch(`${baseUrl}${path}`, { credentials: 'include', ...init, headers });
  if (!response.ok) throw await errorFrom(response);

  try {
    const body: unknown = response.status === 204 ? undefined : await response.json();
    return schema.parse(body);
  } catch (error) {
    // Not JSON, or not what the contract promises: the same failure for whoever called.
    throw new ApiError(`Unexpected response from ${path}`, response.status, null, { cause: error });
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  const fallback = `Request failed with status ${response.status}`;
  // A proxy in front of the server may answer with HTML; only a problem+json body has a message for us.
  const body: unknown = await response.json().catch(() => null);
  const parsed = problemSchema.safeParse(body);
  if (!parsed.success) return new ApiError(fallback, response.status);
  const problem = parsed.data;
  return new ApiError(problem.detail ?? problem.title, response.status, problem);
}
