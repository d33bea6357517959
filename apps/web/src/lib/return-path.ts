/**
 * Where to go after signing in. Only a path on this site: `next` comes from the address bar, and
 * `//evil.example` or `https://…` there would make the login page an open redirect.
 */
export function safeReturnPath(next: string | null, fallback = '/'): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** `path` remembering the page to come back to after signing in (`?next=`). */
export function withReturnPath(path: string, next: string | null): string {
  return next === null || next === '/' ? path : `${path}?${new URLSearchParams({ next }).toString()}`;
}
