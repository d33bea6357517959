// Child process of pglite-crash.test.ts: writes to the embedded database in DATA_DIR (argv[2])
// until killed, printing each transaction's number once its COMMIT has returned.
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/infra/db/client.js';

const handle = await createDb(loadConfig({ ENVIRONMENT: 'test', DATA_DIR: process.argv[2] }), { pgliteOwner: 'pglite-writer' });
await handle.db.execute(sql`create table crash_probe (batch int not null, part int not null, body text not null, primary key (batch, part))`);
// Rows larger than a WAL page boundary now and then, so a kill can land mid-record.
const body = 'x'.repeat(3_000);
for (let batch = 1; ; batch++) {
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`insert into crash_probe values (${batch}, 1, ${body})`);
    await tx.execute(sql`insert into crash_probe values (${batch}, 2, ${body})`);
  });
  process.stdout.write(`committed ${batch}\n`);
}
