import { can, roles, type Role } from '@spanner/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRoute } from '../src/modules/auth/auth.guard.js';
import { createTestApp, type TestApp } from './app.js';
import { seedOrganization, signUpPeople, urlFor, type People } from './fixtures.js';
import { bearer } from './identity.js';
import { expectedAccess } from './role-matrix.expected.js';

type Caller = { kind: 'person' | 'API key'; role: Role };

/** Identity routes can sign people out, revoke keys, change roles or remove the organization itself. */
const changesAccess = (route: ApiRoute) => /^\/api\/v1\/(auth|me|organizations|api-keys)(\/|$)/.test(route.url);

const TABLE = 'apps/server/test/role-matrix.expected.ts';
const keyOf = (route: Pick<ApiRoute, 'method' | 'url'>) => `${route.method} ${route.url}`;

/** Who the table lets through: 'public', 'people', or the roles it names. */
type Entry = { kind: 'public' } | { kind: 'people' } | { kind: 'roles'; roles: Role[] };

function entryOf(text: string): Entry {
  if (text === 'public' || text === 'people') return { kind: text };
  const words = text.split(/\s+/).filter(Boolean);
  const unknown = words.filter((word) => !(roles as readonly string[]).includes(word));
  if (words.length === 0 || unknown.length > 0) throw new Error(`${TABLE}: "${text}" is not 'public', 'people' or a list of roles (${roles.join(' ')})`);
  return { kind: 'roles', roles: words as Role[] };
}

function allowedBy(entry: Entry, caller: Caller): boolean {
  if (entry.kind === 'public') return true;
  if (entry.kind === 'people') return caller.kind === 'person';
  return entry.roles.includes(caller.role);
}

/** A first line for a route the table lacks, read from its declaration: a person checks it before committing. */
function suggestedLine(route: ApiRoute): string {
  const { access } = route;
  const who = access === 'public' ? 'public' : access === 'user' ? 'people' : roles.filter((role) => can(role, access)).join(' ');
  return `  '${keyOf(route)}': '${who}',`;
}

const table = new Map(Object.entries(expectedAccess).map(([key, text]) => [key, entryOf(text)]));

// Built before the tests are collected: the routes it registers are the ones checked.
const t: TestApp = await createTestApp();
afterAll(() => t.close());
const guardedInTable = t.app.apiRoutes.filter((route) => table.has(keyOf(route)) && table.get(keyOf(route))!.kind !== 'public');

/**
 * Table-driven over every registered /api/v1 route: each role, as a person and as an API key,
 * gets 403 exactly where the reviewed table (role-matrix.expected.ts) says so.
 */
describe('the role matrix on every route', () => {
  let people: People;
  let count = 0;

  beforeAll(async () => {
    people = await signUpPeople(t.app, 'Matrix');
  });

  it('has a line in the reviewed table for every registered route, and none for a route that is gone', () => {
    expect(t.app.apiRoutes.length).toBeGreaterThan(20);
    const registered = new Set(t.app.apiRoutes.map(keyOf));
    const missing = t.app.apiRoutes.filter((route) => !table.has(keyOf(route)));
    const extra = [...table.keys()].filter((key) => !registered.has(key));
    const advice = [
      ...(missing.length > 0 ? [`Routes missing from ${TABLE}: decide who may call each, then add its line (suggested from the declaration):`, ...missing.map(suggestedLine)] : []),
      ...(extra.length > 0 ? [`Lines in ${TABLE} for routes no longer registered: remove them (or restore the route):`, ...extra.map((key) => `  '${key}'`)] : []),
    ];
    expect(advice.join('\n'), 'the route table is out of date').toBe('');
  });

  it('registers as public exactly the routes the table calls public', () => {
    const differing = t.app.apiRoutes
      .filter((route) => table.has(keyOf(route)) && (route.access === 'public') !== (table.get(keyOf(route))!.kind === 'public'))
      .map((route) => `${keyOf(route)}: declared ${route.access}, the table says ${expectedAccess[keyOf(route)]}`);
    expect(differing, `change the route's config.access, or its line in ${TABLE} if the change is intended`).toEqual([]);
  });

  it.each(guardedInTable.map((route) => [`${keyOf(route)} (${expectedAccess[keyOf(route)]})`, route] as const))(
    '%s: forbidden exactly to the callers the table leaves out',
    async (_name, route) => {
      const entry = table.get(keyOf(route))!;
      const mismatches: string[] = [];
      // Callers share one organization per route, except on routes that can change who may act
      // (sign-out, roles, leaving, deleting the organization): there each call gets a fresh one.
      // A record another caller already deleted answers 404, which is not a 403 either way.
      // Seeding signs people in again if a route signed them out.
      const seed = () => seedOrganization(t.app, t.ctx, people, `Matrix ${++count}`);
      const shared = route.method === 'GET' || !changesAccess(route) ? await seed() : null;
      for (const kind of ['person', 'API key'] as const) {
        for (const role of roles) {
          const org = shared ?? (await seed());
          const token = kind === 'person' ? org.tokens[role] : org.apiKeys[role].secret;
          const response = await t.app.inject({
            method: route.method as 'GET',
            url: urlFor(route, org),
            headers: bearer(token),
            ...(route.exampleBody ? { payload: route.exampleBody } : {}),
          });
          const expected = allowedBy(entry, { kind, role });
          const got = response.statusCode;
          if (got === 401 || got >= 500 || (got === 403) === expected) {
            mismatches.push(`${role} ${kind}: answered ${got}, the table says ${expected ? 'allowed' : 'forbidden'} ${response.body.slice(0, 200)}`);
          }
        }
      }
      expect(mismatches, `${keyOf(route)}: fix the route's access, or change its line in ${TABLE} if the new access is intended (a person reviews that change)`).toEqual([]);
    },
    60_000,
  );
});
