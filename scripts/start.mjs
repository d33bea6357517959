// `npm start`: build what is stale, then run `spanner start` (API + worker + web app, migrations
// first) in this process so Ctrl-C and SIGTERM reach the server directly.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';
import { precompress } from './precompress-web.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const webBuilt = ensureBuilt({
  name: 'the web app',
  cwd: path.join(root, 'apps/web'),
  output: 'dist/index.html',
  sources: ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', '../../packages/contracts/src'],
  command: [npm, 'run', 'build'],
});
if (webBuilt) await precompress(path.join(root, 'apps/web/dist/assets'));

process.argv.splice(2, process.argv.length - 2, 'start', ...process.argv.slice(2));
await import('../apps/server/bin/spanner.js');
