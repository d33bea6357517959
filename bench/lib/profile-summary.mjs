#!/usr/bin/env node
// Where a process spent its CPU: self time by package and by function, from a V8 CPU profile
// (`node --cpu-prof`, or `npm run bench:crm -- --profile`).
//   node bench/lib/profile-summary.mjs <file.cpuprofile> [--top 25]
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatTable, positiveInteger } from './report.mjs';

const { values: flags, positionals } = parseArgs({ options: { top: { type: 'string' } }, allowPositionals: true });
if (positionals.length !== 1) {
  process.stderr.write('usage: node bench/lib/profile-summary.mjs <file.cpuprofile> [--top 25]\n');
  process.exit(2);
}
const top = positiveInteger('top', flags.top ?? '25');
const profile = JSON.parse(await readFile(positionals[0], 'utf8'));

/** The package a script belongs to (`pg`, `@fastify/cors`), `node:` for Node's own, `app` for ours. */
function packageOf(url) {
  if (!url) return '(native / idle / gc)';
  if (url.startsWith('node:')) return 'node:';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return match ? match[1] : 'app';
}

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMs = new Map();
profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
const totalMs = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);

const byFunction = new Map();
const byPackage = new Map();
for (const [id, ms] of selfMs) {
  const { callFrame } = nodes.get(id);
  const where = callFrame.url ? `${callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/apps\//, 'apps/')}:${callFrame.lineNumber + 1}` : '';
  const name = `${callFrame.functionName || '(anonymous)'} ${where}`.trim();
  byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  byPackage.set(packageOf(callFrame.url), (byPackage.get(packageOf(callFrame.url)) ?? 0) + ms);
}

const rows = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => [name.slice(0, 110), ms.toFixed(0), `${((ms / totalMs) * 100).toFixed(1)}%`]);
process.stdout.write(`${(totalMs / 1000).toFixed(1)} s sampled\n\n${formatTable(['package', 'self ms', 'share'], rows(byPackage))}\n`);
process.stdout.write(formatTable(['function', 'self ms', 'share'], rows(byFunction)));
