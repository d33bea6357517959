// Where a contacts-list request spends its time, one step at a time, run in this process with the
// server's own code on the bench database: CPU (this process only) and wall time per step. The
// HTTP numbers say how fast; this says why. See README.md.
//   npm run bench:crm:breakdown [-- --iterations 1000]
import { contactListQuerySchema, contactListSchema } from '@spanner/contracts';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { safeEncode } from 'zod/v4/core';
import { loadConfig } from '../../apps/server/src/config.js';
import { createDb } from '../../apps/server/src/infra/db/client.js';
import { planList } from '../../apps/server/src/infra/db/record-list.js';
import { withTenant } from '../../apps/server/src/infra/db/tenant.js';
import type { UserActor } from '../../apps/server/src/modules/auth/actor.js';
import { isFamilyActive } from '../../apps/server/src/modules/auth/auth.repo.js';
import { accessTokenKey, signAccessToken, verifyAccessToken } from '../../apps/server/src/modules/auth/tokens.js';
import { contactList, contactQueries } from '../../apps/server/src/modules/contacts/contacts.repo.js';
import { createContactsService, toContact } from '../../apps/server/src/modules/contacts/contacts.service.js';
import { findMemberRole } from '../../apps/server/src/modules/organizations/organizations.service.js';
import type { Row } from '../../apps/server/src/modules/records/records.repo.js';
import { formatTable, positiveInteger } from '../lib/report.mjs';
import { benchDatabaseUrl, bigOrganizationOwnerEmail } from './dataset.js';

const { values: flags } = parseArgs({ options: { iterations: { type: 'string' } } });
const iterations = positiveInteger('iterations', flags.iterations ?? '1000');

/** The same mapping as toContact with the fields written out instead of spreading recordMeta first (a proposal, measured next to it). */
function toContactWithoutSpread(row: Row) {
  const iso = (value: unknown) => (value as Date).toISOString();
  return {
    id: row.id,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    deletedAt: row.deletedAt ? iso(row.deletedAt) : null,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email ?? null,
    otherEmails: row.otherEmails,
    phones: row.phones,
    jobTitle: row.jobTitle ?? null,
    ownerId: row.ownerId ?? null,
    lifecycleStage: row.lifecycleStage ?? null,
    source: row.source ?? null,
    tagIds: row.tagIds,
  };
}

/** Runs `step` serially: a warm-up, then `iterations` times; CPU of this process and wall time per call, in µs. */
async function time(step: () => unknown) {
  for (let index = 0; index < Math.min(200, iterations); index++) await step();
  const cpu = process.cpuUsage();
  const startedAt = performance.now();
  for (let index = 0; index < iterations; index++) await step();
  const used = process.cpuUsage(cpu);
  return { cpuMicroseconds: (used.user + used.system) / iterations, wallMicroseconds: ((performance.now() - startedAt) * 1000) / iterations };
}

const admin = new pg.Client({ connectionString: benchDatabaseUrl });
await admin.connect();
const owner = await admin.query<{ user_id: string; org_id: string }>(
  `select m.user_id, m.org_id from users u join memberships m on m.user_id = u.id where lower(u.email) = $1 and m.role = 'owner'`,
  [bigOrganizationOwnerEmail],
);
const session = await admin.query<{ family_id: string }>(`select family_id from sessions where user_id = $1 order by created_at desc limit 1`, [owner.rows[0]?.user_id]);
await admin.end();
if (!owner.rows[0]) throw new Error(`${bigOrganizationOwnerEmail} is not in ${benchDatabaseUrl}: run \`npm run bench:generate\` first`);
const { user_id: userId, org_id: orgId } = owner.rows[0];
// A session from an earlier `bench:crm` run, if any: the check costs the same whether or not it finds one.
const sessionId = session.rows[0]?.family_id ?? '00000000-0000-7000-8000-000000000000';

const handle = await createDb(loadConfig({ DATABASE_URL: benchDatabaseUrl }));
const db = handle.db;
const key = accessTokenKey('a'.repeat(64));
const token = await signAccessToken(key, { userId, orgId, sessionId }, 60);
const actor: UserActor = { kind: 'user', userId, orgId, role: 'owner', sessionId, requestId: 'bench-breakdown' };
const rawQuery = { sort: 'lastName', limit: '50' };
const query = contactListQuerySchema.parse(rawQuery);
const plan = planList(contactList, query);
const service = createContactsService(db);
const rows = await withTenant(db, actor, (tx) => contactQueries.page(tx, plan, query.limit + 1));
const page = { data: rows.slice(0, 50).map(toContact), page: { nextCursor: plan.cursorAfter(rows[49]!) } };

const steps: [string, () => unknown][] = [
  ['auth: verify the access token (jose, HS256)', () => verifyAccessToken(key, token)],
  ['auth: session still active (1 query)', () => isFamilyActive(db, sessionId)],
  ['auth: member role (tenant transaction: 4 round trips)', () => findMemberRole(db, orgId, userId)],
  ['list: parse the query string (zod)', () => contactListQuerySchema.parse(rawQuery)],
  ['list: plan (where, order, cursor)', () => planList(contactList, query)],
  ['list: tenant transaction + 51 rows (drizzle, pg)', () => withTenant(db, actor, (tx) => contactQueries.page(tx, plan, query.limit + 1))],
  ['list: toContact × 50', () => rows.slice(0, 50).map(toContact)],
  ['list: the same mapping without the spread (proposal)', () => rows.slice(0, 50).map(toContactWithoutSpread)],
  ['list: response encode (zod) + JSON.stringify', () => JSON.stringify(safeEncode(contactListSchema, page).data)],
  ['list: response JSON.stringify alone', () => JSON.stringify(page)],
  ['list: service.list (parse to page, no HTTP, no auth)', () => service.list(actor, query)],
];

const lines: string[][] = [];
for (const [name, step] of steps) {
  process.stderr.write(`${name}…\n`);
  const { cpuMicroseconds, wallMicroseconds } = await time(step);
  lines.push([name, cpuMicroseconds.toFixed(0), wallMicroseconds.toFixed(0)]);
}
await handle.close();
process.stdout.write(`\nOne contacts-list request, step by step (${iterations} serial calls each, µs per call):\n${formatTable(['step', 'CPU µs', 'wall µs'], lines)}`);
