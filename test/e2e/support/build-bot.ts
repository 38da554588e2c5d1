import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { cachedOnce, ROOT } from './cache-once.js';

const run = promisify(execFile);

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

/** A hash of everything the build reads: src/** and the two tsconfig files. */
async function sourceHash(): Promise<string> {
  const files = [
    ...(await filesUnder(join(ROOT, 'src'))),
    join(ROOT, 'tsconfig.json'),
    join(ROOT, 'tsconfig.build.json'),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(ROOT, file));
    hash.update('\0');
    hash.update(await readFile(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * tsc emits even when it finds type errors; those are the typecheck's business (`npm run
 * typecheck`), so they are reported here and only a build that emitted no entry point fails.
 */
async function compile(outDir: string): Promise<void> {
  const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
  try {
    await run(tsc, ['-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: ROOT });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    const detail = `${e.stdout ?? ''}${e.stderr ?? ''}${e.message}`;
    if (!existsSync(join(outDir, 'src', 'main.js'))) throw new Error(`the build failed:\n${detail}`);
    console.warn(`e2e build: tsc reported errors (the emitted code is tested anyway):\n${detail}`);
  }
}

let built: Promise<string> | undefined;

/**
 * The built entry point (`…/src/main.js`) of the current sources, compiled with
 * `tsc -p tsconfig.build.json` once per source state and shared by the test files running at the
 * same time. It goes to a folder of its own under node_modules/.cache, so an `npm run build` running
 * meanwhile never hands a test half-written files.
 */
export function builtEntry(): Promise<string> {
  built ??= sourceHash()
    .then((hash) => cachedOnce(`build-${hash}`, compile))
    .then((dir) => join(dir, 'src', 'main.js'));
  return built;
}
