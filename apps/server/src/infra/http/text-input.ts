import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem } from './problem.js';

const NUL = '\u0000';

/**
 * The path of the first string (or key) in `value` that holds a NUL character, under `root`.
 * Iterative: a body nested a hundred thousand levels deep must not overflow the stack.
 */
function findNulCharacter(value: unknown, root: string): string | null {
  const pending: [unknown, string][] = [[value, root]];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes(NUL)) return path;
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const itemPath = `${path}.${key}`;
        if (key.includes(NUL)) return itemPath;
        pending.push([item, itemPath]);
      }
    }
  }
  return null;
}

/**
 * PostgreSQL cannot store NUL in text (and JSON text cannot reach it either), so any string of
 * the request that holds one is refused here with the field named, for every route at once.
 */
export const textInputPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const parts = [
      [request.params, 'params'],
      [request.query, 'query'],
      [request.body, 'body'],
    ] as const;
    for (const [value, root] of parts) {
      const path = findNulCharacter(value, root);
      if (path !== null) {
        throw new HttpProblem({ status: 422, detail: 'The request has invalid fields.', errors: [{ path, message: 'must not contain NUL characters' }] });
      }
    }
  });
});
