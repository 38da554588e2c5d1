/** DATA_DIR holds the embedded database, sealed secrets and keys: only Reclaim's own user may enter it. */
import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { StorageError } from '../domain/errors.js';

/** Permission bits that let another user in: group and other, read, write or search. */
const OTHERS = 0o077;

/**
 * Makes DATA_DIR (0700) when it is missing and refuses one that others can read or write, with the
 * command that fixes it. From then on every file this process creates is 0600 and every folder 0700
 * (umask 077, set before PGlite opens its files), and files left open to others by an older release
 * are closed to them.
 */
export async function ensurePrivateDataDir(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const { mode } = await stat(dataDir);
  if ((mode & OTHERS) !== 0) {
    throw new StorageError(
      'data_dir_not_private',
      `DATA_DIR: ${dataDir} is open to other users (mode ${(mode & 0o777).toString(8)}); it holds the audit log, approvals and sealed secrets. Run \`chmod 700 ${dataDir}\` (and check who else could have changed it), then start Reclaim again.`,
      { details: { dataDir, mode: mode & 0o777 } },
    );
  }
  process.umask(OTHERS);
  await closeToOthers(dataDir);
}

/**
 * Takes group and other bits off everything below `dir`. PGlite's file layer creates its files 0666
 * whatever the umask, so openDb runs this again once PGlite has opened; files it makes later are
 * still out of others' reach, because DATA_DIR itself is 0700.
 */
export async function closeToOthers(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    const { mode } = await stat(path);
    if ((mode & OTHERS) !== 0) await chmod(path, mode & 0o700);
    if (entry.isDirectory()) await closeToOthers(path);
  }
}
