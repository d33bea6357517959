import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { signUp, type SignedUp } from '../../../test/identity.js';
import { withTenant } from './tenant.js';

type Rows<T> = { rows: T[] };

/**
 * Under Row Level Security a condition can use an index only if its function is LEAKPROOF, and
 * none of the search operators is (migration 0011): searches find candidate ids through
 * `search_ids` and its index on organization-keyed terms instead. With sequential scans off, a
 * plan shows whether an index is allowed at all.
 */
describe('indexes under Row Level Security', () => {
  let t: TestApp;
  let owner: SignedUp;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app);
  });
  afterAll(() => t.close());

  const explain = async (tx: { execute: (query: SQL) => Promise<unknown> }, query: SQL) => {
    await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
    const result = (await tx.execute(sql`explain ${query}`)) as Rows<Record<string, string>>;
    return result.rows.map((row) => Object.values(row)[0]).join('\n');
  };

  const plan = (query: SQL) => withTenant(t.ctx.db.db, { orgId: owner.organization!.id, userId: owner.user.id }, (tx) => explain(tx, query));

  const tagId = '0190a0c8-2b7a-7000-8000-000000000001';
  it.each([
    ['a word-prefix search', sql`select id from contacts where id = any(array(select search_ids('contact', search_words_query(to_tsquery('simple', 'ada:*'))))) and search @@ to_tsquery('simple', 'ada:*')`],
    ['a tag filter', sql`select id from contacts where id = any(array(select search_ids('contact', search_tags_query(array[${tagId}]::uuid[], true)))) and tag_ids @> array[${tagId}]::uuid[]`],
    ['a contains filter on email', sql`select id from contacts where id = any(array(select search_ids('contact', search_contains_query('lovelace')))) and email ilike '%lovelace%'`],
    ['a typo-tolerant name match', sql`select id from companies where id = any(array(select search_ids('company', search_fuzzy_query('Acme')))) and name % 'Acme'`],
  ])('reads the rows of %s by primary key, from candidates', async (_name, query) => {
    const text = await plan(query);
    expect(text).toMatch(/Index Scan (using|on) (contacts|companies)_pkey .*\n\s+Index Cond: \(id = ANY \(.+\)\)/);
    expect(text).not.toMatch(/Seq Scan on (contacts|companies|deals)/);
  });

  let prepared = 0;
  it.each([
    ['word prefixes', sql`search_words_query(to_tsquery('simple', 'ada:* & lov:*'))`],
    ['a typo-tolerant phrase', sql`search_fuzzy_query('Ada Lovelace')`],
    ['a contains value', sql`search_contains_query('lovelace')`],
    ['tags', sql`search_tags_query(array[${tagId}]::uuid[], false)`],
  ])('finds candidates for %s in the terms index', async (_name, terms) => {
    // search_ids runs as its owner: its body is planned here as the owner, in the organization.
    const text = await t.ctx.db.withOwnerSession((db) => db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.org_id', ${owner.organization!.id}, true)`);
      const [body] = ((await tx.execute(sql`select prosrc from pg_proc where proname = 'search_ids'`)) as Rows<{ prosrc: string }>).rows;
      const [query] = ((await tx.execute(sql`select ${terms}::text as query`)) as Rows<{ query: string }>).rows;
      const statement = `search_ids_body_${(prepared += 1)}`;
      await tx.execute(sql.raw(`prepare ${statement}(text, tsquery) as ${body!.prosrc}`));
      const text = await explain(tx, sql.raw(`execute ${statement}('contact', '${query!.query.replaceAll("'", "''")}')`));
      await tx.execute(sql.raw(`deallocate ${statement}`));
      return text;
    }));
    expect(text).toContain('search_terms_idx');
  });

  it.each([
    ['an amount range', sql`select id from deals where deleted_at is null and amount >= 1000 order by amount, id limit 50`, 'deals_live_amount_idx'],
    ['a keyset page by last name', sql`select id from contacts where deleted_at is null and (last_name, id) > ('M', '0190a0c8-2b7a-7000-8000-000000000001') order by last_name, id limit 50`, 'contacts_live_last_name_idx'],
  ])('serves %s from its index', async (_name, query, index) => {
    const text = await plan(query);
    expect(text).toContain(index);
    expect(text).not.toMatch(/Seq Scan on (contacts|companies|deals)/);
  });

  it('marks none of the search and numeric operators LEAKPROOF', async () => {
    const result = (await t.ctx.db.db.execute(sql`
      select proname from pg_proc
      where proleakproof and proname in ('ts_match_vq', 'arraycontains', 'arrayoverlap', 'texticlike', 'similarity_op',
        'numeric_eq', 'numeric_ne', 'numeric_lt', 'numeric_le', 'numeric_gt', 'numeric_ge')`)) as Rows<{ proname: string }>;
    expect(result.rows).toEqual([]);
  });

  it("keeps the organization-keyed terms away from the runtime role, which reads them only through search_ids", async () => {
    const read = withTenant(t.ctx.db.db, { orgId: owner.organization!.id }, (tx) => tx.execute(sql`select count(*) from search_terms`));
    await expect(read).rejects.toSatisfy((error: { cause?: { code?: string } }) => error.cause?.code === '42501');
  });
});
