// What the CRM benchmark measures: each scenario is an HTTP load for autocannon and, where the
// database comparison applies, the same work through the server's own services so its SQL can be
// recorded, replayed with pgbench and EXPLAINed.
import { contactListQuerySchema, searchQuerySchema, tagListQuerySchema } from '@spanner/contracts';
import type autocannon from 'autocannon';
import type pg from 'pg';
import type { Database } from '../../apps/server/src/infra/db/client.js';
import type { UserActor } from '../../apps/server/src/modules/auth/actor.js';
import { createContactsService } from '../../apps/server/src/modules/contacts/contacts.service.js';
import { createTagsService } from '../../apps/server/src/modules/tags/tags.service.js';

/** p99 targets of issue 4: lists, reads and edits under 50 ms; search under 150 ms. */
const LIST_P99_MS = 50;
const SEARCH_P99_MS = 150;

export interface Fixtures {
  orgId: string;
  userId: string;
  /** The login session (refresh token family) the access token belongs to. */
  sessionId: string;
  accessToken: string;
  /** The cursor of the page that starts 10,000 rows deep in the last-name order. */
  deepCursor: string;
  /** The company with the most linked contacts. */
  company: { id: string; contacts: number };
  /** Prefixes typed into the contacts search box, and how many contacts each matches. */
  searches: { common: { q: string; matches: number }; person: { q: string; matches: number } };
  globalSearch: { q: string };
  /** Spread over many rows so the cache holds what a real mix would, not one hot row. */
  getIds: string[];
  /**
   * Contacts only the PATCH scenario edits, one pool for the warm-up and one for the measured run
   * (the warm-up's last requests may still change theirs after it): each request takes one, so no
   * two edit the same contact at once.
   */
  patchPools: Pools<{ id: string; version: number }>;
  /** Disjoint sets of 1,000 contacts for bulk updates: concurrent requests never wait on each other's row locks. */
  bulkSets: Pools<string[]>;
  /** Connections of the bulk scenario: 1,000-row transactions, so far fewer than the others. */
  bulkConnections: number;
  /** A contact outside every pool, edited once to record the PATCH's SQL. */
  recordingContact: { id: string; version: number };
}

export interface Pools<Item> {
  warmup: Item[];
  measured: Item[];
}

/** Items a request holds while it runs and gives back with its answer. */
function checkoutPool<Item>(pools: Pools<Item>) {
  let available = [...pools.warmup];
  return {
    take(): Item {
      const item = available.shift();
      if (item === undefined) throw new Error('a scenario pool ran dry: it needs more items than connections (see loadFixtures)');
      return item;
    },
    give: (item: Item) => available.push(item),
    /** From now on, only the measured run's items (their current state read by the caller). */
    switchTo: (items: Item[]) => (available = [...items]),
  };
}

export type ScenarioGroup = 'list' | 'search' | 'read' | 'write' | 'bulk';

export interface Scenario {
  name: string;
  description: string;
  group: ScenarioGroup;
  p99TargetMs: number | null;
  /** Also run the recorded SQL through pgbench and compare rates (lists and searches). */
  pgbench: boolean;
  method: 'GET' | 'PATCH' | 'POST';
  /** A representative path, for the report. */
  path: string;
  requests: autocannon.Request[];
  /**
   * Puts shared state back before the measured run: requests cut off at the end of the warm-up
   * never returned what they held (and may have changed it on the server).
   */
  reset?: (client: pg.Client) => Promise<void>;
  /** Fewer connections than the run's, where a scenario needs it. */
  connections?: number;
  /** The same work through the server's services on `db`, to record its SQL; absent when the module is not there. */
  record?: (db: Database) => Promise<unknown>;
}

const json = { 'content-type': 'application/json' };

export function buildScenarios(fixtures: Fixtures): Scenario[] {
  const actor: UserActor = { kind: 'user', userId: fixtures.userId, orgId: fixtures.orgId, role: 'owner', sessionId: fixtures.sessionId, requestId: 'bench-recording' };
  const auth = { authorization: `Bearer ${fixtures.accessToken}` };

  /** A contacts list: one fixed URL, and the same query through the contacts service. */
  const contactList = (name: string, description: string, group: ScenarioGroup, query: Record<string, string>): Scenario => {
    const path = `/api/v1/contacts?${new URLSearchParams(query)}`;
    return {
      name,
      description,
      group,
      p99TargetMs: group === 'search' ? SEARCH_P99_MS : LIST_P99_MS,
      pgbench: true,
      method: 'GET',
      path,
      requests: [{ method: 'GET', path, headers: auth }],
      record: (db) => createContactsService(db).list(actor, contactListQuerySchema.parse(query)),
    };
  };

  let nextGet = 0;
  const patchPool = checkoutPool(fixtures.patchPools);
  const bulkSets = checkoutPool(fixtures.bulkSets);
  let edits = 0;
  const { common, person } = fixtures.searches;

  return [
    {
      name: 'floor-tags',
      description: 'GET /api/v1/tags?limit=1: authentication, one tenant transaction, one tiny row; the floor under every scenario',
      group: 'read',
      p99TargetMs: null,
      pgbench: true,
      method: 'GET',
      path: '/api/v1/tags?limit=1',
      requests: [{ method: 'GET', path: '/api/v1/tags?limit=1', headers: auth }],
      record: (db) => createTagsService(db).list(actor, tagListQuerySchema.parse({ limit: '1' })),
    },
    contactList('list-first-page', 'Contacts by last name, first page of 50', 'list', { sort: 'lastName', limit: '50' }),
    contactList('list-deep-page', 'Contacts by last name, the page 10,000 rows deep (by cursor)', 'list', { sort: 'lastName', limit: '50', cursor: fixtures.deepCursor }),
    contactList('list-by-company', `Contacts of the biggest company (${fixtures.company.contacts.toLocaleString('en-US')} linked), by last name`, 'list', {
      companyId: fixtures.company.id,
      limit: '50',
    }),
    contactList('list-q-common', `Contacts search q="${common.q}" (${common.matches.toLocaleString('en-US')} matches), by last name`, 'search', { q: common.q, limit: '50' }),
    contactList('list-q-person', `Contacts search q="${person.q}" (${person.matches.toLocaleString('en-US')} matches), by last name`, 'search', { q: person.q, limit: '50' }),
    {
      name: 'global-search',
      description: `GET /api/v1/search?q=${fixtures.globalSearch.q} across companies, contacts and deals`,
      group: 'search',
      p99TargetMs: SEARCH_P99_MS,
      pgbench: true,
      method: 'GET',
      path: `/api/v1/search?q=${encodeURIComponent(fixtures.globalSearch.q)}`,
      requests: [{ method: 'GET', path: `/api/v1/search?q=${encodeURIComponent(fixtures.globalSearch.q)}`, headers: auth }],
      record: async (db) => {
        const { createSearchService } = await import('../../apps/server/src/modules/search/search.service.js');
        const query = searchQuerySchema.parse({ q: fixtures.globalSearch.q });
        return createSearchService(db).search(actor, query.q, query.limit);
      },
    },
    {
      name: 'get-by-id',
      description: `GET one contact, cycling over ${fixtures.getIds.length.toLocaleString('en-US')} ids`,
      group: 'read',
      p99TargetMs: LIST_P99_MS,
      pgbench: true,
      method: 'GET',
      path: '/api/v1/contacts/:id',
      requests: [
        {
          method: 'GET',
          headers: auth,
          setupRequest: (request) => ({ ...request, path: `/api/v1/contacts/${fixtures.getIds[nextGet++ % fixtures.getIds.length]}` }),
        },
      ],
      record: (db) => createContactsService(db).get(actor, fixtures.getIds[0]!),
    },
    {
      name: 'patch-if-match',
      description: `PATCH a contact's job title with If-Match; each request holds one of ${fixtures.patchPools.measured.length} contacts, so a 412 is a real failure`,
      group: 'write',
      p99TargetMs: LIST_P99_MS,
      pgbench: false,
      method: 'PATCH',
      path: '/api/v1/contacts/:id',
      requests: [
        {
          method: 'PATCH',
          setupRequest: (request, context) => {
            const contact = patchPool.take();
            Object.assign(context, { contact });
            return {
              ...request,
              path: `/api/v1/contacts/${contact.id}`,
              headers: { ...auth, ...json, 'if-match': `"${contact.version}"` },
              body: JSON.stringify({ jobTitle: `Bench title ${++edits}` }),
            };
          },
          onResponse: (status, body, context) => {
            const { contact } = context as { contact: { id: string; version: number } };
            // The next edit of this contact needs the version this one produced (or the current one a 412 names).
            const answer = JSON.parse(body) as { version?: number; current?: { version: number } };
            contact.version = (status === 200 ? answer.version : answer.current?.version) ?? contact.version;
            patchPool.give(contact);
          },
        },
      ],
      reset: async (client) => {
        const ids = fixtures.patchPools.measured.map((contact) => contact.id);
        patchPool.switchTo((await client.query<{ id: string; version: number }>('select id, version from contacts where id = any($1)', [ids])).rows);
      },
      record: (db) => createContactsService(db).update(actor, fixtures.recordingContact.id, { jobTitle: 'Recorded title' }, fixtures.recordingContact.version),
    },
    {
      name: 'bulk-update-1000',
      description: `POST /api/v1/contacts/bulk: set the job title of 1,000 contacts in one transaction, ${fixtures.bulkConnections} at a time`,
      group: 'bulk',
      p99TargetMs: null,
      pgbench: false,
      method: 'POST',
      path: '/api/v1/contacts/bulk',
      connections: fixtures.bulkConnections,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/contacts/bulk',
          setupRequest: (request, context) => {
            const ids = bulkSets.take();
            Object.assign(context, { ids });
            return { ...request, headers: { ...auth, ...json }, body: JSON.stringify({ action: 'update', ids, fields: { jobTitle: `Bulk title ${++edits}` } }) };
          },
          onResponse: (_status, _body, context) => {
            bulkSets.give((context as { ids: string[] }).ids);
          },
        },
      ],
      reset: async () => {
        bulkSets.switchTo(fixtures.bulkSets.measured);
      },
      record: (db) => createContactsService(db).bulk(actor, { action: 'update', ids: fixtures.bulkSets.warmup[0]!, fields: { jobTitle: 'Recorded bulk title' } }),
    },
  ];
}
