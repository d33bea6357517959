// pgbench with a recorded statement sequence: the database's rate for exactly the SQL the server
// sends, with the same number of connections and the same protocol (unnamed extended queries, as
// node-postgres sends them).
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parameterText, type Statement } from './sql-capture.js';

export interface PgbenchResult {
  transactionsPerSecond: number;
  transactions: number;
  failed: number;
  /** Clients pgbench stopped after an error (a statement timeout): their transactions are missing. */
  abortedClients: number;
  latencyP50Ms: number | null;
  latencyP99Ms: number | null;
}

/**
 * A pgbench script and its -D variables: `$1` of statement 3 becomes `:s3p1`. pgbench cannot
 * define an empty variable, so empty strings are written inline as `''`.
 */
export function pgbenchScript(statements: Statement[]): { script: string; variables: string[] } {
  const variables: string[] = [];
  const lines = statements.map((statement, index) => {
    const values = statement.params.map(parameterText);
    values.forEach((value, at) => {
      if (value !== '') variables.push(`s${index}p${at + 1}=${value}`);
    });
    const sql = statement.sql.replace(/\$(\d+)/g, (_, number: string) => (values[Number(number) - 1] === '' ? "''" : `:s${index}p${number}`));
    return `${sql.replace(/\s*\n\s*/g, ' ')};`;
  });
  return { script: `${lines.join('\n')}\n`, variables };
}

function percentile(sorted: Float64Array, fraction: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

/** Per-transaction latencies from pgbench's logs (`-l`): the third field, in microseconds. */
async function loggedLatencies(dir: string): Promise<Float64Array> {
  const values: number[] = [];
  for (const file of await readdir(dir)) {
    if (!file.startsWith('pgbench_log')) continue;
    for (const line of (await readFile(path.join(dir, file), 'utf8')).split('\n')) {
      const fields = line.split(' ');
      if (fields.length >= 3) values.push(Number(fields[2]) / 1000);
    }
  }
  return Float64Array.from(values).sort();
}

/**
 * Runs `statements` as one pgbench transaction script. `sessionSettings` are set once per
 * connection (PGOPTIONS), which is how the bare SQL runs as spanner_app in an organization
 * without a transaction of its own.
 */
export async function runPgbench(options: {
  url: string;
  statements: Statement[];
  connections: number;
  durationSeconds: number;
  sessionSettings?: Record<string, string>;
}): Promise<PgbenchResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'spanner-pgbench-'));
  try {
    const { script, variables } = pgbenchScript(options.statements);
    const scriptFile = path.join(dir, 'script.sql');
    await writeFile(scriptFile, script);
    const args = [
      '--no-vacuum',
      '--protocol=extended',
      `--client=${options.connections}`,
      `--jobs=${Math.min(2, options.connections)}`,
      `--time=${options.durationSeconds}`,
      `--file=${scriptFile}`,
      '--log',
      `--log-prefix=${path.join(dir, 'pgbench_log')}`,
      ...variables.map((variable) => `--define=${variable}`),
      options.url,
    ];
    const output = await new Promise<string>((resolve, reject) => {
      const settings = Object.entries(options.sessionSettings ?? {}).map(([name, value]) => `-c ${name}=${value}`);
      const env = settings.length > 0 ? { ...process.env, PGOPTIONS: settings.join(' ') } : process.env;
      const child = spawn('pgbench', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', reject);
      // 2: some clients were aborted by an error (a statement timeout); what the others did still counts.
      child.on('exit', (code) => (code === 0 || code === 2 ? resolve(text) : reject(new Error(`pgbench exited with ${code}:\n${text.slice(-2_000)}`))));
    });
    const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? Number.NaN);
    const latencies = await loggedLatencies(dir);
    return {
      transactionsPerSecond: number(/tps = ([\d.]+)/),
      transactions: number(/number of transactions actually processed: (\d+)/),
      failed: number(/number of failed transactions: (\d+)/) || 0,
      abortedClients: (output.match(/client \d+ (?:script \d+ )?aborted/g) ?? []).length,
      latencyP50Ms: percentile(latencies, 0.5),
      latencyP99Ms: percentile(latencies, 0.99),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
