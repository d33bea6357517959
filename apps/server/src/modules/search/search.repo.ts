import type { RecordType } from '@spanner/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { companies, contacts, deals } from '../../infra/db/schema/index.js';
import type { TenantTransaction } from '../../infra/db/tenant.js';

export interface SearchRow {
  type: RecordType;
  id: string;
  title: string;
  subtitle: string | null;
  score: number;
}

interface Source {
  type: RecordType;
  title: SQL;
  subtitle: SQL;
  from: SQL;
  search: SQL;
  /** The name compared for typos: its trigrams are among the record's search terms (migration 0011). */
  fuzzy: SQL;
}

const sources: Source[] = [
  {
    type: 'company',
    title: sql`${companies.name}`,
    subtitle: sql`${companies.domain}`,
    from: sql`${companies}`,
    search: sql`${companies.search}`,
    fuzzy: sql`${companies.name}`,
  },
  {
    type: 'contact',
    title: sql`trim(${contacts.firstName} || ' ' || ${contacts.lastName})`,
    subtitle: sql`${contacts.email}`,
    from: sql`${contacts}`,
    search: sql`${contacts.search}`,
    // Emails match by prefix through the search vector; a trigram match on them mostly finds
    // everyone at a company whose domain looks like the word (30k candidates for "north").
    fuzzy: sql`${contacts.fullName}`,
  },
  {
    type: 'deal',
    title: sql`${deals.name}`,
    subtitle: sql`case when ${deals.amount} is null then null else ${deals.currency} || ' ' || to_char(${deals.amount}, 'FM999G999G999G990D00') end`,
    from: sql`${deals}`,
    search: sql`${deals.search}`,
    fuzzy: sql`${deals.name}`,
  },
];

/**
 * Live companies, contacts and deals matching `text`: by word prefixes (the search vector) or by
 * trigram similarity (typos). Prefix matches rank first, then by similarity to the title.
 * Candidates come from the organization's search terms (`search_ids`, migration 0011); the
 * conditions themselves are checked on the rows RLS shows.
 */
export async function searchRecords(tx: TenantTransaction, text: string, tsQuery: string | null, limit: number): Promise<SearchRow[]> {
  const hits: SearchRow[] = [];
  const fuzzyTerms = sql`search_fuzzy_query(${text})`;
  const terms = tsQuery ? sql`coalesce(search_words_query(to_tsquery('simple', ${tsQuery})) || ${fuzzyTerms}, search_words_query(to_tsquery('simple', ${tsQuery})))` : fuzzyTerms;
  for (const source of sources) {
    const prefix = tsQuery ? sql`${source.search} @@ to_tsquery('simple', ${tsQuery})` : sql`false`;
    const result = (await tx.execute(sql`
      select ${source.type} as type, id, ${source.title} as title, ${source.subtitle} as subtitle,
        (case when ${prefix} then 1 else 0 end) + similarity(${source.title}, ${text}) as score
      from ${source.from}
      where deleted_at is null and id = any(array(select search_ids(${source.type}, ${terms}))) and (${prefix} or ${source.fuzzy} % ${text})
      order by score desc, id
      limit ${limit}`)) as unknown as { rows: SearchRow[] };
    hits.push(...result.rows);
  }
  return hits
    .map((row) => ({ ...row, score: Number(row.score) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
