#!/usr/bin/env node
// The `spanner` CLI. In a source checkout it rebuilds dist/ first when the sources changed; in
// the container image (no tsup config) it runs the shipped bundle as is.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (existsSync(path.join(serverRoot, 'tsup.config.ts'))) {
  const { ensureBuilt } = await import('../../../scripts/ensure-built.mjs');
  ensureBuilt({
    name: 'the server',
    cwd: serverRoot,
    output: 'dist/main.js',
    sources: ['src', 'package.json', 'tsup.config.ts', '../../packages/contracts/src'],
    command: [process.platform === 'win32' ? 'npx.cmd' : 'npx', 'tsup', '--silent'],
  });
}

await import('../dist/main.js');
