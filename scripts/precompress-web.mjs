// Writes brotli (.br) and gzip (.gz) twins of the built web app's hashed assets, at the strongest
// levels, so the embedded server sends them as they are (@fastify/static `preCompressed`) instead
// of compressing each request at a lower level. Vite empties dist/ on every build, so no twin
// outlives its file.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|map|wasm)$/;
// Below this, compression saves less than its headers cost (the server's threshold too).
const MIN_BYTES = 1024;

/** @returns {Promise<number>} how many files got twins */
export async function precompress(directory) {
  const names = (await readdir(directory)).filter((name) => COMPRESSIBLE.test(name));
  const written = await Promise.all(
    names.map(async (name) => {
      const file = path.join(directory, name);
      const content = await readFile(file);
      if (content.length < MIN_BYTES) return false;
      const [br, gz] = await Promise.all([
        brotli(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
        gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
      return true;
    }),
  );
  return written.filter(Boolean).length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/web/dist/assets');
  const count = await precompress(assets);
  process.stdout.write(`Precompressed ${count} web assets (br, gz).\n`);
}
