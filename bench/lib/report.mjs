// How benchmarks report: a plain-text table on stdout, and a JSON file that records where it ran.
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A positive whole number from a flag or an environment variable; exits with a message otherwise. */
export function positiveInteger(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`--${name} must be a positive integer, got "${text}"\n`);
    process.exit(2);
  }
  return value;
}

/** Columns padded to their widest cell: the first left-aligned, the others right-aligned. */
export function formatTable(header, lines) {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return `${format(header)}\n${lines.map(format).join('\n')}\n`;
}

export function gitCommit(repoRoot) {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  return git.status === 0 ? git.stdout.trim() : null;
}

/** Where a run happened: numbers depend on it. */
export function machine(repoRoot) {
  return {
    commit: gitCommit(repoRoot),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    loadAverage: os.loadavg(),
  };
}

/** Writes `report` as `<dir>/<prefix><timestamp>.json` and returns the file's path. */
export async function writeResults(dir, prefix, startedAt, report) {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${prefix}${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
