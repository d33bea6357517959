import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRoute } from '../src/modules/auth/auth.guard.js';
import { createTestApp, type TestApp } from './app.js';
import { bodyProbes, type IdsByKind, type JsonSchema } from './body-probes.js';
import { idsIn, rowsOfOrganization, seedOrganization, signUpPeople, urlFor, type SeededOrganization } from './fixtures.js';
import { bearer } from './identity.js';

const PARAM = /:(\w+)/g;
const PARALLEL_PROBES = 8;

/** Body probes the schema allows but the service refuses before looking at the id, and why. */
const refusedForAnotherReason: Record<string, string> = {
  'POST /api/v1/tasks/bulk body.tagIds.0': 'tasks have no tags: the addTags and removeTags actions are refused on body.action',
};

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** The fields a problem names (`body.companyId`); none when the answer is not a problem. */
function errorPaths(body: string): string[] {
  try {
    return ((JSON.parse(body) as { errors?: { path: string }[] }).errors ?? []).map((error) => error.path);
  } catch {
    return [];
  }
}

/** Ordered picks of `size` distinct ids from one row. */
function picks(ids: string[], size: number): string[][] {
  if (size === 0) return [[]];
  return ids.flatMap((id) => picks(ids.filter((other) => other !== id), size - 1).map((rest) => [id, ...rest]));
}

/**
 * The ways to fill a route's parameters with the first organization's ids: one parameter takes
 * every id; several take every id in each (the same one) and every ordered pick of ids that sit
 * together in one row, which is how a nested route (a contact's link to a company) names its pair.
 */
function urlsFor(route: ApiRoute, ids: string[], rowIds: string[][]): string[] {
  const params = [...route.url.matchAll(PARAM)].map((match) => match[0]);
  const fill = (values: string[]) => params.reduce((url, param, index) => url.replace(param, values[index]!), route.url);
  const sameId = ids.map((id) => params.map(() => id));
  const related = params.length > 1 ? rowIds.flatMap((row) => picks(row, params.length)) : [];
  return [...new Set([...sameId, ...related].map(fill))];
}

/** The answer's content, without `instance` (a problem echoes the path, which holds the probed id). */
function contentOf(body: string): string {
  try {
    const { instance: _path, ...rest } = JSON.parse(body) as Record<string, unknown>;
    return JSON.stringify(rest);
  } catch {
    return body;
  }
}

/**
 * Generic: every registered /api/v1 route, called by a second organization with the first
 * organization's ids and names. Routes and tables added later are covered without editing this.
 */
describe('tenant isolation through every API route', () => {
  let t: TestApp;
  let a: SeededOrganization;
  let b: SeededOrganization;
  let secretsOfA: string[];
  let before: Record<string, unknown[]>;

  beforeAll(async () => {
    t = await createTestApp();
    a = await seedOrganization(t.app, t.ctx, await signUpPeople(t.app, 'Alpha'), 'Alpha Org');
    b = await seedOrganization(t.app, t.ctx, await signUpPeople(t.app, 'Bravo'), 'Bravo Org');
    before = await rowsOfOrganization(t.ctx, a.orgId);
    secretsOfA = [...idsIn(before), a.name, ...Object.values(a.people).map((person) => person.email), a.invitation.email];
  });
  afterAll(() => t.close());

  /** One id of each kind the first or second organization owns, for request bodies. */
  async function idsByKind(org: SeededOrganization): Promise<IdsByKind> {
    const pipeline = await t.app.inject({ url: `/api/v1/pipelines/${org.records.pipelineId}`, headers: bearer(org.tokens.owner) });
    const { records } = org;
    return {
      company: records.companyId,
      contact: records.contactId,
      deal: records.dealId,
      task: records.taskId,
      note: records.noteId,
      tag: records.tagId,
      pipeline: records.pipelineId,
      stage: (pipeline.json() as { stages: { id: string }[] }).stages[0]!.id,
      member: org.people.member.user.id,
      organization: org.orgId,
    };
  }

  const callersOfB = () => ({ 'owner token': b.tokens.owner, 'owner API key': b.apiKeys.owner.secret });

  it("seeds a row in every organization-owned table, so every table's ids are probed", () => {
    const empty = Object.entries(before).filter(([, rows]) => rows.length === 0).map(([table]) => table);
    expect(empty, 'tables without a seeded row: add them to seedOrganization').toEqual([]);
  });

  it("answers 404 or 403 to the second organization for each of the first organization's ids, revealing nothing", async () => {
    const routes = t.app.apiRoutes.filter((route) => route.url.includes(':'));
    expect(routes.length).toBeGreaterThan(5);
    const ids = idsIn(before);
    // The audit log repeats every row's ids; the rows themselves hold the relationships.
    const rowIds = Object.entries(before)
      .filter(([table]) => table !== 'audit_log')
      .flatMap(([, rows]) => rows.map((row) => idsIn({ row: [row] })));
    const probes = routes.flatMap((route) => urlsFor(route, ids, rowIds).flatMap((url) => Object.entries(callersOfB()).map(([caller, token]) => ({ route, url, caller, token }))));
    const leaks: string[] = [];
    // Thousands of probes (every id in every parameter): a few at a time keeps a pool busy.
    for (let start = 0; start < probes.length; start += PARALLEL_PROBES) {
      await Promise.all(
        probes.slice(start, start + PARALLEL_PROBES).map(async ({ route, url, caller, token }) => {
          const response = await t.app.inject({ method: route.method as 'GET', url, headers: bearer(token), ...(route.exampleBody ? { payload: route.exampleBody } : {}) });
          const content = contentOf(response.body);
          const leaked = secretsOfA.filter((secret) => content.includes(secret));
          if (![403, 404].includes(response.statusCode) || leaked.length > 0) {
            leaks.push(`${route.method} ${url} as ${caller}: ${response.statusCode} ${leaked.join(', ')}`);
          }
        }),
      );
    }
    expect(leaks).toEqual([]);
  }, 120_000);

  it("shows the second organization none of the first organization's data on any route without ids", async () => {
    // Public routes act for no organization (the development mailbox shows everyone's mail).
    const routes = t.app.apiRoutes.filter((route) => !route.url.includes(':') && route.method === 'GET' && route.access !== 'public');
    const leaks: string[] = [];
    for (const route of routes) {
      for (const [caller, token] of Object.entries(callersOfB())) {
        const response = await t.app.inject({ method: 'GET', url: route.url, headers: bearer(token) });
        const leaked = secretsOfA.filter((secret) => response.body.includes(secret));
        if (leaked.length > 0) leaks.push(`GET ${route.url} as ${caller}: ${leaked.join(', ')}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("refuses the first organization's ids in the second organization's request bodies, with 404 or a 422 naming the field", async () => {
    const document = t.app.swagger() as unknown as OpenApiDocument;
    const [ours, theirs] = await Promise.all([idsByKind(b), idsByKind(a)]);
    const probes = t.app.apiRoutes.flatMap((route) => {
      const operation = document.paths[route.url.replace(PARAM, '{$1}')]?.[route.method.toLowerCase()];
      const schema = operation?.requestBody?.content['application/json']?.schema;
      if (!schema) return [];
      return bodyProbes(schema, { components: document.components.schemas, url: route.url, example: route.exampleBody, ours, theirs }).map((probe) => ({
        route,
        ...probe,
        name: `${route.method} ${route.url} body.${probe.at.join('.')}`,
      }));
    });
    expect(probes.map((probe) => probe.name)).toEqual(
      expect.arrayContaining(['POST /api/v1/tasks body.record.id', 'POST /api/v1/contacts/:id/companies body.companyId', 'POST /api/v1/deals/bulk body.ids.0', 'POST /api/v1/notes body.record.id']),
    );
    const accepted: string[] = [];
    for (const { route, at, body, name } of probes) {
      const response = await t.app.inject({ method: route.method as 'POST', url: urlFor(route, b), headers: bearer(b.tokens.owner), payload: body as object });
      const field = at.filter((segment) => !/^\d+$/.test(segment)).at(-1)!;
      const namesField = errorPaths(response.body).some((path) => path.split('.').includes(field));
      const refused = response.statusCode === 404 || (response.statusCode === 422 && (namesField || name in refusedForAnotherReason));
      const leaked = secretsOfA.filter((secret) => contentOf(response.body).includes(secret));
      if (!refused || leaked.length > 0) accepted.push(`${name} of the first organization: ${response.statusCode} ${leaked.join(', ')} ${response.body.slice(0, 200)}`);
    }
    expect(accepted).toEqual([]);
    const idsOfA = new Set(idsIn(before));
    expect(idsIn(await rowsOfOrganization(t.ctx, b.orgId)).filter((id) => idsOfA.has(id)), "the first organization's ids stored in the second's rows").toEqual([]);
  }, 120_000);

  it("leaves every row of the first organization as it was", async () => {
    expect(await rowsOfOrganization(t.ctx, a.orgId)).toEqual(before);
  });
});
