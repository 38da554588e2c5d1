import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.js';
import { openDb } from '../../src/db/open-db.js';
import { ensurePrivateDataDir } from '../../src/db/private-data-dir.js';

let root: string;
let db: Db | undefined;
let umask: number;
beforeEach(async () => {
  umask = process.umask(0o022); // what a default shell gives: files 0644, folders 0755
  root = await mkdtemp(join(tmpdir(), 'reclaim-private-'));
});
afterEach(async () => {
  await db?.close().catch(() => undefined);
  db = undefined;
  process.umask(umask);
  await rm(root, { recursive: true, force: true });
});

async function modes(dir: string): Promise<{ path: string; mode: number }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries.map(async (e) => {
      const path = join(e.parentPath, e.name);
      return { path, mode: (await stat(path)).mode & 0o777 };
    }),
  );
}

describe('the embedded database folder (DATA_DIR)', () => {
  it('when Reclaim makes DATA_DIR, then it is 0700 and no file of the database is open to others', async () => {
    const dataDir = join(root, 'data');
    db = await openDb({ databaseUrl: undefined, dataDir, templateDir: join(root, 'no-template') });
    await db.query('CREATE TABLE probe (x int)');
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    const open = (await modes(dataDir)).filter((m) => (m.mode & 0o077) !== 0);
    expect(open).toEqual([]);
    expect((await modes(dataDir)).length).toBeGreaterThan(100);
  });

  it.each([0o755, 0o750, 0o707, 0o777])(
    'when DATA_DIR is mode %o, then start-up refuses and names DATA_DIR and the fix',
    async (mode) => {
      const dataDir = join(root, 'shared');
      await mkdir(dataDir);
      await chmod(dataDir, mode);
      const opening = openDb({ databaseUrl: undefined, dataDir });
      await expect(opening).rejects.toMatchObject({ code: 'data_dir_not_private' });
      await expect(opening).rejects.toThrow(/DATA_DIR: .*chmod 700/);
      expect(await readdir(dataDir)).toEqual([]);
    },
  );

  it('when an older release left files open to others in a private DATA_DIR, then they are closed to them', async () => {
    const dataDir = join(root, 'old');
    await mkdir(join(dataDir, 'pglite', 'base'), { recursive: true, mode: 0o700 });
    await chmod(dataDir, 0o700);
    await chmod(join(dataDir, 'pglite'), 0o755);
    await writeFile(join(dataDir, 'pglite', 'base', 'audit-page'), 'x', { mode: 0o666 });
    await chmod(join(dataDir, 'pglite', 'base', 'audit-page'), 0o666);
    await ensurePrivateDataDir(dataDir);
    expect((await modes(dataDir)).filter((m) => (m.mode & 0o077) !== 0)).toEqual([]);
  });
});
