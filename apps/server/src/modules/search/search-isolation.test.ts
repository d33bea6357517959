import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { bearer, signUp, type SignedUp } from '../../../test/identity.js';
import { prefixTsQuery } from '../../infra/db/record-list.js';
import { withTenant, type TenantTransaction } from '../../infra/db/tenant.js';
import { searchRecords } from './search.repo.js';

/**
 * What a search tells one organization about another's data: nothing, neither by the time it
 * takes (decision 014) nor by an error.
 */
let t: TestApp;
let searcher: SignedUp;
let other: SignedUp;
/** Only in the other organization, on many records: enough that walking its postings would show. */
let theirs: string;
/** In no organization; the same shape as `theirs`, so both searches do the same work. */
let nowhere: string;

const letters = 'bcdfghjklmnpqrstvwxz';
/** A made-up word of nine letters, none repeated: the same number of trigrams every time. */
function word(): string {
  const pool = [...letters];
  return Array.from({ length: 9 }, () => pool.splice(randomInt(pool.length), 1)[0]).join('');
}

/** Enough of the searcher's own that the planner weighs an index against walking them, as it would at scale. */
const ownContacts = 5000;
const otherContacts = 10_000;
const otherCompanies = 500;

beforeAll(async () => {
  t = await createTestApp();
  searcher = await signUp(t.app, { organizationName: 'Searcher' });
  other = await signUp(t.app, { organizationName: 'Other' });
  [theirs, nowhere] = [word(), word()];
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: bearer(searcher.accessToken), payload });
  await post('/api/v1/contacts', { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@lovelace.example' });
  await post('/api/v1/companies', { name: 'Lovelace Analytics' });
  // Loaded as the bench loads: triggers off (no audit rows), then the search terms rebuilt at once.
  await t.ctx.db.withOwnerSession((db) => db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`
      insert into contacts (id, org_id, first_name, last_name, email)
      select gen_random_uuid(), ${searcher.organization!.id}, 'Own ' || n, 'Contact ' || n, 'own' || n || '@example.com'
      from generate_series(1, ${ownContacts}) as n`);
    await tx.execute(sql`
      insert into contacts (id, org_id, first_name, last_name, email)
      select gen_random_uuid(), ${other.organization!.id}, 'Person ' || n, ${theirs}, ${theirs} || n || '@example.com'
      from generate_series(1, ${otherContacts}) as n`);
    await tx.execute(sql`
      insert into companies (id, org_id, name)
      select gen_random_uuid(), ${other.organization!.id}, ${theirs} || ' ' || n from generate_series(1, ${otherCompanies}) as n`);
    await tx.execute(sql`select search_terms_rebuild()`);
  }));
  // Statistics as autovacuum keeps them in production.
  await t.ctx.db.withOwnerSession((db) => db.execute(sql`analyze`));
}, 120_000);
afterAll(() => t.close());

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * Times `pairs` runs of `search` for `theirs` against as many for `nowhere`, each pair back to
 * back in alternating order (so a change of load on the machine hits both alike), and compares
 * the median of the pairs' differences with its own noise: 4 robust standard errors, or 10% of a
 * typical run, whichever is larger.
 */
async function timingGap(search: (text: string) => Promise<unknown[]>, pairs: number) {
  const time = async (text: string) => {
    const startedAt = performance.now();
    const rows = await search(text);
    const elapsed = performance.now() - startedAt;
    expect(rows).toEqual([]);
    return elapsed;
  };
  for (let warmUp = 0; warmUp < 10; warmUp++) {
    await time(theirs);
    await time(nowhere);
  }
  const present: number[] = [];
  const absent: number[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    if (pair % 2) {
      absent.push(await time(nowhere));
      present.push(await time(theirs));
    } else {
      present.push(await time(theirs));
      absent.push(await time(nowhere));
    }
  }
  const differences = present.map((value, index) => value - absent[index]!);
  const gap = median(differences);
  const spread = 1.4826 * median(differences.map((difference) => Math.abs(difference - gap)));
  const standardError = (1.2533 * spread) / Math.sqrt(pairs);
  const tolerance = Math.max(4 * standardError, 0.1 * median(absent));
  return { gap, tolerance, present: median(present), absent: median(absent) };
}

/**
 * The database work of a request, as the searcher: the repository call in its tenant transaction.
 * Operators costed high, the planner picks on a few thousand rows the plans it picks at a million:
 * an index rather than filtering the organization's own rows.
 */
const asSearcher = <T>(fn: (tx: TenantTransaction) => Promise<T>) =>
  withTenant(t.ctx.db.db, { orgId: searcher.organization!.id, userId: searcher.user.id }, async (tx) => {
    await tx.execute(sql`select set_config('cpu_operator_cost', '2', true)`);
    return fn(tx);
  });

const round = (value: number) => Math.round(value * 100) / 100;

describe('search across organizations', () => {
  it('takes as long for a word only another organization has as for a word nobody has', async () => {
    const result = await timingGap((text) => asSearcher((tx) => searchRecords(tx, text, prefixTsQuery(text), 10)), 60);
    const summary = `median ms: theirs ${round(result.present)}, nowhere ${round(result.absent)}, paired gap ${round(result.gap)} ± ${round(result.tolerance)}`;
    expect(Math.abs(result.gap), summary).toBeLessThanOrEqual(result.tolerance);
  }, 60_000);

  it("answers a contains filter the same whether or not another organization's rows match it", async () => {
    for (const tail of ['\\', '%', '_', '\\\\', "'", '%\\']) {
      const answer = async (text: string) => {
        const response = await t.app.inject({ url: `/api/v1/contacts?email[contains]=${encodeURIComponent(text + tail)}`, headers: bearer(searcher.accessToken) });
        return { status: response.statusCode, data: response.json().data };
      };
      expect(await answer(theirs)).toEqual(await answer(nowhere));
      expect(await answer(theirs)).toEqual({ status: 200, data: [] });
    }
  });

  it('raises no error from another organization\'s rows, even for an ILIKE pattern that ends in a backslash', async () => {
    const count = (pattern: string) =>
      withTenant(t.ctx.db.db, { orgId: searcher.organization!.id, userId: searcher.user.id }, async (tx) => {
        const result = (await tx.execute(sql`select count(*)::int as count from contacts where email ilike ${pattern}`)) as unknown as { rows: { count: number }[] };
        return result.rows[0]!.count;
      });
    // "LIKE pattern must not end with escape character" is raised only on a row that matches up to
    // the backslash: evaluated on the other organization's rows, it would say they exist.
    await expect(count(`${theirs}\\`)).resolves.toBe(0);
    await expect(count(`${nowhere}\\`)).resolves.toBe(0);
  });
});
