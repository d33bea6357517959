import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseConfig } from '../../../test/app.js';
import { createDb } from './client.js';
import { dataDirLockPath, DataDirLockedError, lockDataDir, type DataDirHolder } from './data-dir-lock.js';

let parent: string;
let dataDir: string;
beforeEach(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'spanner-lock-'));
  dataDir = path.join(parent, 'pglite');
});
afterEach(() => rm(parent, { recursive: true, force: true }));

/** The pid of a process that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

async function writeLock(holder: Partial<DataDirHolder>): Promise<void> {
  const lock: DataDirHolder = { pid: 0, hostname: os.hostname(), command: 'spanner start', since: '2026-01-01T00:00:00.000Z', token: 'earlier', ...holder };
  await writeFile(dataDirLockPath(dataDir), JSON.stringify(lock));
}

describe('the PGlite data dir lock', () => {
  it('refuses a second opener with a message naming the pid, the command and since when it holds the dir', async () => {
    const first = await lockDataDir(dataDir, 'spanner start');
    try {
      const second = lockDataDir(dataDir, 'spanner seed --demo');
      await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(second).rejects.toThrow(`in use by \`spanner start\` (pid ${process.pid} on ${os.hostname()}, since ${first.holder.since})`);
    } finally {
      await first.release();
    }
  });

  it('lets exactly one of many simultaneous openers win', async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 8 }, (_, index) => lockDataDir(dataDir, `opener ${index}`)));
    const winners = attempts.filter((attempt) => attempt.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    for (const attempt of attempts) if (attempt.status === 'rejected') expect(attempt.reason).toBeInstanceOf(DataDirLockedError);
    await winners[0]!.value.release();
  });

  it('takes over a lock left by a process that is no longer alive', async () => {
    await writeLock({ pid: await deadPid() });
    const lock = await lockDataDir(dataDir, 'spanner start');
    expect(JSON.parse(await readFile(dataDirLockPath(dataDir), 'utf8'))).toMatchObject({ pid: process.pid, command: 'spanner start' });
    await lock.release();
  });

  it('takes over a lock left by an earlier process that had this same pid', async () => {
    await writeLock({ pid: process.pid });
    const lock = await lockDataDir(dataDir, 'spanner start');
    expect(lock.holder.token).not.toBe('earlier');
    await lock.release();
  });

  it('treats a recently touched lock from another hostname as held, since its pid cannot be checked there', async () => {
    await writeLock({ pid: await deadPid(), hostname: 'another-machine' });
    await expect(lockDataDir(dataDir, 'spanner start')).rejects.toThrow('on another-machine');
  });

  it('takes over a lock from another hostname that its holder stopped touching (a recreated container)', async () => {
    await writeLock({ pid: process.pid + 1, hostname: 'old-container' });
    const minutesAgo = new Date(Date.now() - 5 * 60_000);
    await utimes(dataDirLockPath(dataDir), minutesAgo, minutesAgo);
    const lock = await lockDataDir(dataDir, 'spanner start');
    expect(lock.holder.hostname).toBe(os.hostname());
    await lock.release();
  });

  it('records the published URL for other commands and removes the lock on release', async () => {
    const lock = await lockDataDir(dataDir, 'spanner start');
    await lock.publishUrl('http://127.0.0.1:4321');
    expect(JSON.parse(await readFile(dataDirLockPath(dataDir), 'utf8'))).toMatchObject({ pid: process.pid, url: 'http://127.0.0.1:4321' });
    await expect(lockDataDir(dataDir, 'spanner seed --demo')).rejects.toMatchObject({ holder: { url: 'http://127.0.0.1:4321' } });
    await lock.release();
    expect(existsSync(dataDirLockPath(dataDir))).toBe(false);
  });
});

describe('createDb on an embedded data dir', () => {
  const config = { ...baseConfig(), databaseUrl: undefined };

  it('holds the lock while open and releases it on close, so the dir opens again', async () => {
    const db = await createDb(config, { pgliteDataDir: dataDir, pgliteOwner: 'spanner start' });
    await expect(createDb(config, { pgliteDataDir: dataDir, pgliteOwner: 'spanner migrate' })).rejects.toThrow(`pid ${process.pid}`);
    await db.close();
    expect(existsSync(dataDirLockPath(dataDir))).toBe(false);
    const reopened = await createDb(config, { pgliteDataDir: dataDir });
    await reopened.ping();
    await reopened.close();
  }, 120_000);

  it('needs no lock for an in-memory database', async () => {
    const db = await createDb(config, { pgliteDataDir: 'memory://' });
    expect(db.dataDirLock).toBeUndefined();
    await db.close();
  }, 120_000);
});
