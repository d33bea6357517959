import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.js';

/** A record's ETag is its version, quoted: `"3"`. */
export const etagOf = (version: number) => `"${version}"`;

/**
 * The version an `If-Match` header asks for: null when absent or `*` (any version will do).
 * Weak tags (`W/"3"`) are accepted: browsers and proxies may weaken them.
 */
export function expectedVersion(request: FastifyRequest): number | null {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return null;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!match) {
    throw new HttpProblem({ status: 400, detail: 'If-Match must be an ETag this API gave out, such as "3".', errors: [{ path: 'headers.if-match', message: 'is not an ETag of this API' }] });
  }
  return Number(match[1]);
}
