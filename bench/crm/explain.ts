// EXPLAIN (ANALYZE, BUFFERS) of a recorded request, run the way the server runs it (as
// spanner_app inside the tenant transaction, so the RLS policy is part of the plan), then rolled
// back. The verdict: no sequential scan of a big table.
import type pg from 'pg';
import { isTenantSetup, isTransactionControl, type Statement } from './sql-capture.js';

/** Tables with a row per record or more: a sequential scan of one is a missing index. */
const BIG_TABLES = new Set(['contacts', 'companies', 'deals', 'notes', 'tasks', 'contact_companies', 'deal_contacts', 'deal_stage_history', 'audit_log']);

export interface ExplainedStatement {
  sql: string;
  /** The plan lines worth reading: scans, joins, sorts, limits, and the timing. */
  keyLines: string[];
  indexes: string[];
  bigSeqScans: string[];
  executionMs: number | null;
}

export interface Explained {
  statements: ExplainedStatement[];
  usesIndexes: boolean;
}

const KEY_LINE = /Scan|Join|Nested Loop|Sort|Limit|Aggregate|Recheck Cond|Index Cond|Filter|Update on|Execution Time|Buffers: shared/;

export async function explainStatements(client: pg.Client, statements: Statement[]): Promise<Explained> {
  const explained: ExplainedStatement[] = [];
  await client.query('begin');
  try {
    for (const statement of statements) {
      if (isTransactionControl(statement)) continue;
      if (isTenantSetup(statement)) {
        await client.query(statement.sql, statement.params);
        continue;
      }
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${statement.sql}`, statement.params);
      const plan = rows.map((row) => row['QUERY PLAN']);
      const indexes = plan.flatMap((text) => [...text.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map((match) => match[1]!));
      const bigSeqScans = plan.flatMap((text) => [...text.matchAll(/Seq Scan on (\w+)/g)].map((match) => match[1]!)).filter((table) => BIG_TABLES.has(table));
      // Buffers of the whole statement (the first one) are enough; those of every node are noise.
      let buffersShown = false;
      const keyLines = plan.filter((text) => {
        if (!KEY_LINE.test(text)) return false;
        if (!text.includes('Buffers: shared')) return true;
        if (buffersShown) return false;
        buffersShown = true;
        return true;
      });
      explained.push({ sql: statement.sql, keyLines, indexes, bigSeqScans, executionMs: Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? Number.NaN) || null });
    }
  } finally {
    // EXPLAIN ANALYZE runs writes for real: undo them.
    await client.query('rollback');
  }
  return { statements: explained, usesIndexes: explained.every((statement) => statement.bigSeqScans.length === 0) };
}
