// Servers under test: each in its own process on a free port, started, watched and stopped the
// same way by every benchmark.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import net from 'node:net';

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/** A TCP port nobody listens on right now, on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Keeps the last lines a child printed, to explain a failed start. */
function captureTail(stream, lines) {
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    lines.push(...chunk.split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 20));
  });
}

/**
 * Runs `node <args>` and waits until `readyUrl` answers 2xx.
 * @returns {Promise<{ name: string, child: import('node:child_process').ChildProcess, exited: Promise<unknown>, output: string[] }>}
 */
export async function startServer(name, args, env, readyUrl) {
  const output = [];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  captureTail(child.stdout, output);
  captureTail(child.stderr, output);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(readyUrl, { signal: AbortSignal.timeout(1_000) })).ok) return { name, child, exited, output };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not answer ${readyUrl} within ${START_TIMEOUT_MS / 1000} s:\n${output.join('\n')}`);
}

/** SIGTERM, then SIGKILL if it has not exited within STOP_TIMEOUT_MS. */
export async function stopServer({ child, exited }) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** Resident memory in kB, from Linux's /proc; null elsewhere. */
export async function residentKilobytes(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) : null;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux we run on). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in ms, from Linux's /proc; null elsewhere. */
export async function cpuMilliseconds(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return null;
  // Fields after the command name (which may contain spaces) are space-separated; utime and stime are 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/**
 * Samples a process's resident memory every `intervalMs` until `stop()`, which returns the peak
 * in kB (null where /proc is not available).
 */
export function sampleResidentMemory(pid, intervalMs = 200) {
  let peak = null;
  const sample = async () => {
    const kilobytes = await residentKilobytes(pid);
    if (kilobytes !== null) peak = Math.max(peak ?? 0, kilobytes);
  };
  const timer = setInterval(sample, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await sample();
      return peak;
    },
  };
}
