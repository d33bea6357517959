import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { signUp, type SignedUp } from '../../../test/identity.js';
import { withTenant } from './tenant.js';

/**
 * Under Row Level Security a condition can use an index only if its function is LEAKPROOF
 * (migration 0008). With sequential scans off, a plan shows whether the index is allowed at all.
 */
describe('indexes under Row Level Security', () => {
  let t: TestApp;
  let owner: SignedUp;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app);
  });
  afterAll(() => t.close());

  async function plan(query: SQL): Promise<string> {
    return withTenant(t.ctx.db.db, { orgId: owner.organization!.id, userId: owner.user.id }, async (tx) => {
      await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
      const result = (await tx.execute(sql`explain ${query}`)) as unknown as { rows: Record<string, string>[] };
      return result.rows.map((row) => Object.values(row)[0]).join('\n');
    });
  }

  it.each([
    ['a word-prefix search', sql`select id from contacts where search @@ to_tsquery('simple', 'ada:*')`, 'contacts_search_idx'],
    ['a tag filter', sql`select id from contacts where tag_ids @> array['0190a0c8-2b7a-7000-8000-000000000001']::uuid[]`, 'contacts_tags_idx'],
    ['a contains filter on email', sql`select id from contacts where email ilike '%lovelace%'`, 'contacts_email_trgm_idx'],
    ['a typo-tolerant name match', sql`select id from companies where name % 'Acme'`, 'companies_name_trgm_idx'],
    ['a typo-tolerant person match', sql`select id from contacts where full_name % 'Ada Lovelace' or email % 'Ada Lovelace'`, 'contacts_full_name_trgm_idx'],
    ['an amount range', sql`select id from deals where deleted_at is null and amount >= 1000 order by amount, id limit 50`, 'deals_live_amount_idx'],
    ['a keyset page by last name', sql`select id from contacts where deleted_at is null and (last_name, id) > ('M', '0190a0c8-2b7a-7000-8000-000000000001') order by last_name, id limit 50`, 'contacts_live_last_name_idx'],
  ])('serves %s from its index', async (_name, query, index) => {
    const text = await plan(query);
    expect(text).toContain(index);
    expect(text).not.toMatch(/Seq Scan on (contacts|companies|deals)/);
  });
});
