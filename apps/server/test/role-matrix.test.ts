import { can, roles, type Role } from '@spanner/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRoute } from '../src/modules/auth/auth.guard.js';
import { createTestApp, type TestApp } from './app.js';
import { seedOrganization, signUpPeople, type People, type SeededOrganization } from './fixtures.js';
import { bearer } from './identity.js';

/** Which of the organization's rows a route parameter names, by the path segment before it. */
const targets: Record<string, (org: SeededOrganization) => string> = {
  'organizations/:id': (org) => org.orgId,
  // The person in the member role: someone an admin may manage, and not the caller's own seat.
  'members/:userId': (org) => org.people.member.user.id,
  'invitations/:id': (org) => org.invitation.id,
  'api-keys/:id': (org) => org.apiKeys.viewer.id,
  'tags/:id': (org) => org.records.tagId,
  'companies/:id': (org) => org.records.companyId,
  'companies/:companyId': (org) => org.records.companyId,
  'contacts/:id': (org) => org.records.contactId,
  'contacts/:contactId': (org) => org.records.contactId,
  'deals/:id': (org) => org.records.dealId,
  'tasks/:id': (org) => org.records.taskId,
  'notes/:id': (org) => org.records.noteId,
  'pipelines/:id': (org) => org.records.pipelineId,
};

function urlFor(route: ApiRoute, org: SeededOrganization): string {
  return route.url.replace(/([\w-]+)\/(:\w+)/g, (whole: string) => {
    const target = targets[whole];
    if (!target) throw new Error(`no fixture for "${whole}" in ${route.url}: add one to targets`);
    return `${whole.split('/')[0]}/${target(org)}`;
  });
}

type Caller = { kind: 'person' | 'API key'; role: Role };

/** Identity routes can sign people out, revoke keys, change roles or remove the organization itself. */
const changesAccess = (route: ApiRoute) => /^\/api\/v1\/(auth|me|organizations|api-keys)(\/|$)/.test(route.url);

/** Changing a note takes its authorship too; the seeded note is the owner's, so others need `notes.changeAny`. */
const changesSeededNote = (route: ApiRoute) => route.method !== 'GET' && /^\/api\/v1\/notes\/:id(\/restore)?$/.test(route.url);

/** What the route declares for a caller: may it pass the guard (and the note's authorship rule)? */
function allowed(route: ApiRoute, caller: Caller): boolean {
  if (route.access === 'public') return true;
  if (route.access === 'user') return caller.kind === 'person';
  if (changesSeededNote(route)) return can(caller.role, route.access) && can(caller.role, 'notes.changeAny');
  return can(caller.role, route.access);
}

// Built before the tests are collected: the routes it registers are the table.
const t: TestApp = await createTestApp();
afterAll(() => t.close());
const guarded = t.app.apiRoutes.filter((route) => route.access !== 'public');

/**
 * Table-driven over every registered /api/v1 route: each role, as a person and as an API key,
 * gets 403 exactly where the permissions table (contracts/permissions.ts) says so.
 */
describe('the role matrix on every route', () => {
  let people: People;
  let count = 0;

  beforeAll(async () => {
    people = await signUpPeople(t.app, 'Matrix');
  });

  it('declares the access of every route', () => {
    expect(t.app.apiRoutes.length).toBeGreaterThan(20);
    for (const route of t.app.apiRoutes) expect(route.access, `${route.method} ${route.url}`).toBeTruthy();
  });

  it.each(guarded.map((route) => [`${route.method} ${route.url} (${route.access})`, route] as const))(
    '%s: forbidden exactly to the roles without the permission',
    async (_name, route) => {
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
          const expected = allowed(route, { kind, role });
          const got = response.statusCode;
          if (got === 401 || got >= 500 || (got === 403) === expected) {
            mismatches.push(`${role} ${kind}: ${got} (${expected ? 'allowed' : 'forbidden'}) ${response.body.slice(0, 200)}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    },
    60_000,
  );
});
