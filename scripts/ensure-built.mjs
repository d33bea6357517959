// Builds a workspace when its output is missing or older than any of its sources, so a fresh
// clone (or a git pull) needs no separate build step and an unchanged tree starts at once.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/**
 * @param {{ name: string, cwd: string, output: string, sources: string[], command: string[] }} build
 * @returns {boolean} whether it built
 */
export function ensureBuilt(build) {
  const outputTime = newestMtime(path.join(build.cwd, build.output));
  const stale = outputTime === 0 || build.sources.some((source) => newestMtime(path.join(build.cwd, source)) > outputTime);
  if (!stale) return false;
  process.stderr.write(`Building ${build.name}…\n`);
  execFileSync(build.command[0], build.command.slice(1), { cwd: build.cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  return true;
}
