import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../../../src/util/project-root.js';

export const ROOT = projectRoot();
/** Under node_modules, so built code there resolves the project's packages as dist/ would. */
export const CACHE = join(ROOT, 'node_modules', '.cache', 'reclaim-e2e');
const LOCK_STALE_MS = 180_000;
const WAIT_MS = 240_000;
const PRUNE_AFTER_MS = 15 * 60_000;

/** `mkdir` is atomic: whoever creates the lock folder makes the entry; a lock left by a killed run goes stale. */
async function takeLock(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
    return true;
  } catch {
    const age =
      Date.now() -
      (await stat(lock).then(
        (s) => s.mtimeMs,
        () => Date.now(),
      ));
    if (age > LOCK_STALE_MS) await rm(lock, { recursive: true, force: true });
    return false;
  }
}

/**
 * The cache entry `name` (a folder under the e2e cache), made by `make(dir)` exactly once however
 * many test files ask at the same time: the first takes a lock and makes it, the others wait for its
 * completion mark. An entry of the same kind (`name` up to its last `-`) made over 15 minutes ago goes.
 */
export async function cachedOnce(name: string, make: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(CACHE, name);
  const done = `${dir}.complete`;
  const lock = `${dir}.lock`;
  await mkdir(CACHE, { recursive: true });
  const deadline = Date.now() + WAIT_MS;
  while (!(existsSync(done) && existsSync(dir))) {
    if (Date.now() > deadline) throw new Error(`the e2e cache entry ${dir} was not made in time`);
    if (!(await takeLock(lock))) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      if (existsSync(done) && existsSync(dir)) break;
      await rm(done, { force: true });
      await rm(dir, { recursive: true, force: true });
      await make(dir);
      await writeFile(done, new Date().toISOString());
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
  await pruneSiblings(name);
  return dir;
}

async function pruneSiblings(name: string): Promise<void> {
  const kind = name.slice(0, name.lastIndexOf('-') + 1);
  const entries = await readdir(CACHE).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(kind) || entry.startsWith(name) || entry.endsWith('.lock')) continue;
    const path = join(CACHE, entry);
    const mtime = await stat(path).then(
      (s) => s.mtimeMs,
      () => Date.now(),
    );
    if (Date.now() - mtime > PRUNE_AFTER_MS) await rm(path, { recursive: true, force: true });
  }
}
