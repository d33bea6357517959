import { sql } from 'drizzle-orm';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/infra/db/client.js';
import { baseConfig } from './app.js';
import { runScript } from './cli.js';

const config = { ...baseConfig(), databaseUrl: undefined };

describe('the embedded database after kill -9', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'spanner-crash-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('reopens with every transaction committed before the kill, and none half applied', async () => {
    const writer = runScript('test/pglite-writer.ts', [dataDir]);
    await writer.waitForLine(/^committed 40$/);
    writer.child.kill('SIGKILL');
    await writer.exited;
    const reported = Math.max(...[...writer.stdout().matchAll(/^committed (\d+)$/gm)].map((match) => Number(match[1])));

    // The killed writer's lock is stale: reopening must not wait for anyone.
    const db = await createDb(config, { pgliteDataDir: path.join(dataDir, 'pglite') });
    try {
      const { rows } = (await db.db.execute(
        sql`select count(distinct batch)::int as batches, max(batch)::int as last, count(*) filter (where part = 2)::int as complete from crash_probe where batch <= ${reported}`,
      )) as unknown as { rows: { batches: number; last: number; complete: number }[] };
      expect(rows[0]).toEqual({ batches: reported, last: reported, complete: reported });
      const { rows: halves } = (await db.db.execute(sql`select batch from crash_probe group by batch having count(*) <> 2`)) as unknown as { rows: unknown[] };
      expect(halves).toEqual([]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
