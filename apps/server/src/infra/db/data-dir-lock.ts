import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * One process at a time may open a PGlite data dir: two PGlite instances writing the same files
 * corrupt them beyond repair. The lock is a file beside the data dir (`<dataDir>.lock`) naming its
 * holder; a holder that died without removing it (crash, kill -9) no longer blocks anyone.
 */

/**
 * A holder's pid can only be checked on its own host. For a lock written under another hostname
 * (a recreated container on the same volume) the holder's heartbeat decides: it touches the lock
 * this often, and a lock untouched for much longer is stale.
 */
const HEARTBEAT_MS = 10_000;
const HEARTBEAT_STALE_MS = 60_000;

export interface DataDirHolder {
  pid: number;
  hostname: string;
  /** What the holder runs, e.g. `spanner start`. */
  command: string;
  /** ISO time the lock was taken. */
  since: string;
  /** Where the holder serves HTTP, once it listens (a seed can then go through it). */
  url?: string;
  /** Tells two holders with the same pid apart (a pid reused after a restart). */
  token: string;
}

export interface DataDirLock {
  readonly holder: DataDirHolder;
  /** Records the server's URL in the lock for other commands to find. */
  publishUrl(url: string): Promise<void>;
  release(): Promise<void>;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: DataDirHolder,
  ) {
    super(
      `The embedded database ${dataDir} is in use by \`${holder.command}\` (pid ${holder.pid} on ${holder.hostname}, since ${holder.since}). ` +
        'Only one process at a time may open it: stop that process first, or set DATABASE_URL to share a PostgreSQL database.',
    );
    this.name = 'DataDirLockedError';
  }
}

export function dataDirLockPath(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** Tokens of the locks this process holds or is taking, so a second open in it is refused too. */
const tokensOfThisProcess = new Set<string>();

/** Takes the lock on `dataDir` for this process, or throws DataDirLockedError naming the live holder. */
export async function lockDataDir(dataDir: string, command: string): Promise<DataDirLock> {
  const lockPath = dataDirLockPath(dataDir);
  const holder: DataDirHolder = { pid: process.pid, hostname: os.hostname(), command, since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  tokensOfThisProcess.add(holder.token);
  try {
    for (;;) {
      if (await createExclusively(lockPath, holder)) break;
      const current = await readHolder(lockPath);
      // Removed between our attempt and the read: try again.
      if (!current) continue;
      if (await isAlive(current, lockPath)) throw new DataDirLockedError(path.resolve(dataDir), current);
      await removeStaleLock(lockPath, current);
    }
  } catch (error) {
    tokensOfThisProcess.delete(holder.token);
    throw error;
  }
  // A path out of the process that skips close() (process.exit in a signal handler) still frees it.
  const releaseOnExit = () => removeIfOurs(lockPath, holder);
  process.once('exit', releaseOnExit);
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(lockPath, now, now).catch(() => {});
  }, HEARTBEAT_MS).unref();
  let released = false;
  return {
    holder,
    async publishUrl(url) {
      holder.url = url;
      // Written beside and renamed over, so a reader never sees half a file.
      const next = `${lockPath}.${holder.token}`;
      await writeFile(next, JSON.stringify(holder), { mode: 0o600 });
      await rename(next, lockPath);
    },
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      process.off('exit', releaseOnExit);
      removeIfOurs(lockPath, holder);
      tokensOfThisProcess.delete(holder.token);
    },
  };
}

async function createExclusively(lockPath: string, holder: DataDirHolder): Promise<boolean> {
  // Written aside, then linked into place: link() fails with EEXIST exactly like open's `wx`, so
  // of two processes only one wins, and no reader ever finds a lock without its holder in it.
  const draft = `${lockPath}.${holder.token}`;
  await writeFile(draft, JSON.stringify(holder), { flag: 'wx', mode: 0o600 });
  try {
    await link(draft, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(draft);
  }
}

async function readHolder(lockPath: string): Promise<DataDirHolder | null> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return JSON.parse(text) as DataDirHolder;
  } catch {
    // Locks appear complete (see createExclusively), so an unreadable one names no live holder.
    return { pid: 0, hostname: os.hostname(), command: 'unknown', since: 'unknown', token: text };
  }
}

async function isAlive(holder: DataDirHolder, lockPath: string): Promise<boolean> {
  if (holder.hostname !== os.hostname()) return touchedWithin(lockPath, HEARTBEAT_STALE_MS);
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return false;
  // Our own pid on a lock we did not take: left by an earlier process that had the same pid.
  if (holder.pid === process.pid) return tokensOfThisProcess.has(holder.token);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function touchedWithin(lockPath: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(lockPath)).mtimeMs < ms;
  } catch {
    return false;
  }
}

/**
 * Moves the stale lock aside and checks that what moved is the stale one: another process may
 * have taken it over in between, and then its fresh lock goes back (link refuses to overwrite).
 */
async function removeStaleLock(lockPath: string, stale: DataDirHolder): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readHolder(aside);
  if (moved && moved.token !== stale.token) await link(aside, lockPath).catch(() => {});
  await unlink(aside);
}

function removeIfOurs(lockPath: string, holder: DataDirHolder): void {
  try {
    const current = JSON.parse(readFileSync(lockPath, 'utf8')) as DataDirHolder;
    if (current.token === holder.token) unlinkSync(lockPath);
  } catch {
    // Already gone, or replaced by a holder that took over: nothing of ours to remove.
  }
}
