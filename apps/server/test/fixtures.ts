import { roles, type CreatedApiKey, type Invitation, type Role } from '@spanner/contracts';
import { sql } from 'drizzle-orm';
import type { App } from '../src/app.js';
import type { ApiRoute } from '../src/modules/auth/auth.guard.js';
import type { AppContext } from '../src/context.js';
import { asOwner } from './app.js';
import { addMember, bearer, signUp, TEST_PASSWORD, type SignedUp } from './identity.js';

/** Four people, one per role they will take in each seeded organization. */
export type People = Record<Role, SignedUp>;

export interface SeededOrganization {
  orgId: string;
  name: string;
  people: People;
  /** Access tokens acting in this organization, by the role each person has in it. */
  tokens: Record<Role, string>;
  /** An API key of this organization for each role. */
  apiKeys: Record<Role, CreatedApiKey>;
  invitation: Invitation;
  /** One record of each CRM kind, linked to each other. */
  records: { tagId: string; companyId: string; contactId: string; dealId: string; taskId: string; noteId: string; pipelineId: string };
}

/** Signs up four people (once per test file: hashing passwords is the slow part). */
export async function signUpPeople(app: App, label: string): Promise<People> {
  const entries = [] as [Role, SignedUp][];
  for (const role of roles) entries.push([role, await signUp(app, { name: `${label} ${role}`, organizationName: `${label} home of ${role}` })]);
  return Object.fromEntries(entries) as People;
}

/** A live access token of `person`: signs in again if a test (logout-all, a reset) ended their sessions. */
async function liveToken(app: App, person: SignedUp): Promise<string> {
  if ((await app.inject({ url: '/api/v1/me', headers: bearer(person.accessToken) })).statusCode === 401) {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: person.email, password: TEST_PASSWORD } });
    person.accessToken = login.json().accessToken;
  }
  return person.accessToken;
}

/** A token of `person` acting in `orgId`. */
async function switchTo(app: App, person: SignedUp, orgId: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/switch-organization',
    headers: bearer(await liveToken(app, person)),
    payload: { organizationId: orgId },
  });
  if (response.statusCode !== 200) throw new Error(`switch failed: ${response.statusCode} ${response.body}`);
  return response.json().accessToken;
}

async function expectCreated<T>(app: App, url: string, token: string, payload: object): Promise<T> {
  const response = await app.inject({ method: 'POST', url, headers: bearer(token), payload });
  if (response.statusCode !== 201) throw new Error(`POST ${url} failed: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

/**
 * A new organization with one of everything an organization owns: members in every role, an
 * open invitation and an API key per role. Tables added later get their rows here.
 */
export async function seedOrganization(app: App, ctx: AppContext, people: People, name: string): Promise<SeededOrganization> {
  const created = await expectCreated<{ id: string }>(app, '/api/v1/organizations', await liveToken(app, people.owner), { name });
  const orgId = created.id;
  const tokens = {} as Record<Role, string>;
  for (const role of roles) {
    if (role !== 'owner') await addMember(ctx, orgId, people[role].user.id, role);
    tokens[role] = await switchTo(app, people[role], orgId);
  }
  const apiKeys = {} as Record<Role, CreatedApiKey>;
  for (const role of roles) apiKeys[role] = await expectCreated<CreatedApiKey>(app, '/api/v1/api-keys', tokens.owner, { name: `${name} ${role} key`, role });
  const invitation = await expectCreated<Invitation>(app, '/api/v1/invitations', tokens.owner, { email: `invitee-${orgId}@example.com`, role: 'member' });
  return { orgId, name, people, tokens, apiKeys, invitation, records: await seedRecords(app, tokens.owner, name) };
}

/** A tag, a company, a contact working there, a deal with that contact (moved once), a task and a note. */
export async function seedRecords(app: App, token: string, name: string): Promise<SeededOrganization['records']> {
  const create = (url: string, payload: object) => expectCreated<{ id: string }>(app, url, token, payload);
  const tag = await create('/api/v1/tags', { name: `${name} tag`, color: 'teal' });
  const company = await create('/api/v1/companies', { name: `${name} company`, domain: `${name.toLowerCase().replace(/\W+/g, '-')}.example`, tagIds: [tag.id] });
  const contact = await create('/api/v1/contacts', { firstName: name, lastName: 'Contact', email: `contact-${tag.id}@example.com` });
  await create(`/api/v1/contacts/${contact.id}/companies`, { companyId: company.id, role: 'Buyer', isPrimary: true });
  const [pipeline] = (await app.inject({ url: '/api/v1/pipelines', headers: bearer(token) })).json().data as { id: string; stages: { id: string }[] }[];
  const deal = await create('/api/v1/deals', { name: `${name} deal`, amount: 1000, companyId: company.id });
  await app.inject({ method: 'PATCH', url: `/api/v1/deals/${deal.id}`, headers: bearer(token), payload: { stageId: pipeline!.stages[1]!.id } });
  await create(`/api/v1/deals/${deal.id}/contacts`, { contactId: contact.id, role: 'Champion' });
  const task = await create('/api/v1/tasks', { title: `${name} task`, record: { type: 'deal', id: deal.id } });
  const note = await create('/api/v1/notes', { body: `${name} note`, record: { type: 'contact', id: contact.id } });
  return { tagId: tag.id, companyId: company.id, contactId: contact.id, dealId: deal.id, taskId: task.id, noteId: note.id, pipelineId: pipeline!.id };
}

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

/** The route's path with each parameter filled by the organization's row it names. */
export function urlFor(route: ApiRoute, org: SeededOrganization): string {
  return route.url.replace(/([\w-]+)\/(:\w+)/g, (whole: string) => {
    const target = targets[whole];
    if (!target) throw new Error(`no fixture for "${whole}" in ${route.url}: add one to targets`);
    return `${whole.split('/')[0]}/${target(org)}`;
  });
}


/** Names of the tables that carry org_id: every organization-owned table. */
export async function organizationTables(ctx: AppContext): Promise<string[]> {
  const rows = await asOwner<{ table_name: string }>(
    ctx,
    sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'org_id' order by table_name`,
  );
  return rows.map((row) => row.table_name);
}

/** Every row the organization owns, as JSON, read as the owner (no RLS): the ground truth. */
export async function rowsOfOrganization(ctx: AppContext, orgId: string): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  const own = await asOwner<{ row: unknown }>(ctx, sql`select to_jsonb(o) as row from organizations o where id = ${orgId}`);
  snapshot.organizations = own.map((row) => row.row);
  for (const table of await organizationTables(ctx)) {
    const rows = await asOwner<{ row: unknown }>(ctx, sql`select to_jsonb(t) as row from ${sql.identifier(table)} t where org_id = ${orgId} order by to_jsonb(t)::text`);
    snapshot[table] = rows.map((row) => row.row);
  }
  return snapshot;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Every id found in the organization's rows (its own id, its rows', its members'); request ids aside. */
export function idsIn(snapshot: Record<string, unknown[]>): string[] {
  const json = JSON.stringify(snapshot, (key, value: unknown) => (key === 'request_id' ? undefined : value));
  return [...new Set(json.match(UUID) ?? [])];
}
