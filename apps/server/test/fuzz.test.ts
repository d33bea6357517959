import { PROBLEM_CONTENT_TYPE } from '@spanner/contracts';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.js';
import { seedOrganization, seedRecords, signUpPeople, type People, type SeededOrganization } from './fixtures.js';
import { describeRequest, operationsOf, requestsFor, type FuzzContext, type OpenApiDocument, type Operation } from './fuzz-requests.js';
import { bearer } from './identity.js';

// Schema-driven fuzzing (issue 8): every operation of openapi.json gets malformed and boundary
// input with an owner's credentials; nothing may answer 5xx, and every error is problem+json.
// Seeds are fixed (one per operation) so a failure reproduces; fast-check prints the seed and
// the shrunk input.
const SEED = 20_261_202;
const RUNS_PER_OPERATION = 36;
// Password hashing makes these slow; their inputs are mostly refused before it anyway.
const RUNS_FOR_SLOW_OPERATIONS = 12;
const SLOW_OPERATIONS = new Set(['auth.signup', 'auth.login', 'auth.resetPassword', 'me.update', 'invitations.accept']);

const document = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')) as OpenApiDocument;
const operations = operationsOf(document);

/** The collection a path parameter names an id of: `/api/v1/deals/{id}/contacts/{contactId}` → deals, contacts. */
function collectionOf(path: string, parameter: string): string | undefined {
  const segments = path.split('/');
  const at = segments.indexOf(`{${parameter}}`);
  if (parameter === 'id') return segments[at - 1];
  return { userId: 'members', companyId: 'companies', contactId: 'contacts' }[parameter];
}

let t: TestApp;
let people: People;
let organization: SeededOrganization;
let seeded = 0;
let recordsUsedUp = false;

async function seed(): Promise<void> {
  organization = await seedOrganization(t.app, t.ctx, people, `Fuzz ${++seeded}`);
}

/** The organization and the owner's token survive an operation, or are made again. */
async function ensureOrganization(): Promise<void> {
  const response = await t.app.inject({ url: `/api/v1/organizations/${organization.orgId}`, headers: bearer(organization.tokens.owner) });
  if (response.statusCode !== 200) await seed();
}

/** Live records again; a new organization when fuzzing left this one without a usable pipeline. */
async function reseedRecords(): Promise<void> {
  try {
    organization.records = await seedRecords(t.app, organization.tokens.owner, `Fuzz ${++seeded}`);
  } catch {
    await seed();
  }
}

async function idsByCollection(): Promise<Record<string, string[]>> {
  const { records, orgId, apiKeys, invitation } = organization;
  const pipelines = (await t.app.inject({ url: '/api/v1/pipelines', headers: bearer(organization.tokens.owner) })).json().data as { id: string; stages: { id: string }[] }[];
  return {
    organizations: [orgId],
    members: Object.values(people).map((person) => person.user.id),
    invitations: [invitation.id],
    'api-keys': Object.values(apiKeys).map((key) => key.id),
    tags: [records.tagId],
    companies: [records.companyId],
    contacts: [records.contactId],
    pipelines: pipelines.map((pipeline) => pipeline.id),
    stages: pipelines.flatMap((pipeline) => pipeline.stages.map((stage) => stage.id)),
    deals: [records.dealId],
    tasks: [records.taskId],
    notes: [records.noteId],
  };
}

/** A real cursor of a list, when it has a second page with one row per page. */
async function cursorOf(operation: Operation, ids: Record<string, string[]>): Promise<string | undefined> {
  if (operation.method !== 'GET' || !operation.parameters.some((parameter) => parameter.name === 'cursor')) return undefined;
  const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => ids[collectionOf(operation.path, name) ?? '']?.[0] ?? '');
  const response = await t.app.inject({ url: `${url}?limit=1`, headers: bearer(organization.tokens.owner) });
  return (response.json() as { page?: { nextCursor?: string | null } }).page?.nextCursor ?? undefined;
}

async function fuzzContext(operation: Operation): Promise<FuzzContext> {
  const ids = await idsByCollection();
  return {
    document,
    headers: bearer(organization.tokens.owner),
    idsFor: (path, parameter) => ids[collectionOf(path, parameter) ?? ''] ?? [],
    knownIds: Object.values(ids).flat(),
    cursor: await cursorOf(operation, ids),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  people = await signUpPeople(t.app, 'Fuzz');
  await seed();
  // A second page on every list: a cursor to tamper with.
  await seedRecords(t.app, organization.tokens.owner, 'Fuzz extra');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('every API operation under malformed and boundary input', () => {
  it.each(operations.map((operation, index) => [operation.id, operation, index] as const))('%s never answers 5xx, and each error is problem+json', async (_id, operation, index) => {
    await ensureOrganization();
    if (recordsUsedUp) await reseedRecords();
    const context = await fuzzContext(operation);
    await fc.assert(
      fc.asyncProperty(requestsFor(operation, context), async (request) => {
        const response = await t.app.inject(request);
        expect(response.statusCode, `${response.statusCode} for ${describeRequest(request)}: ${response.body.slice(0, 500)}`).toBeLessThan(500);
        if (response.statusCode >= 400) expect(response.headers['content-type'], describeRequest(request)).toContain(PROBLEM_CONTENT_TYPE);
      }),
      { seed: SEED + index, numRuns: SLOW_OPERATIONS.has(operation.id) ? RUNS_FOR_SLOW_OPERATIONS : RUNS_PER_OPERATION },
    );
    // Deletes and bulk changes may have removed the real records: the next operation gets live ones.
    recordsUsedUp = operation.method === 'DELETE' || operation.path.endsWith('/bulk');
  });
});
