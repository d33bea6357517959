import type { SearchHit } from '@spanner/contracts';
import type { Database } from '../../infra/db/client.js';
import { prefixTsQuery } from '../../infra/db/record-list.js';
import { withTenant } from '../../infra/db/tenant.js';
import { tenantScopeOf, type Actor } from '../auth/actor.js';
import { searchRecords } from './search.repo.js';

export function createSearchService(db: Database) {
  return {
    /** Across companies, contacts and deals, best first: what the command palette shows. */
    async search(actor: Actor, text: string, limit: number): Promise<SearchHit[]> {
      return withTenant(db, tenantScopeOf(actor), (tx) => searchRecords(tx, text, prefixTsQuery(text), limit));
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
