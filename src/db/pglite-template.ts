import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sha256Hex } from '../util/hash.js';
import { projectRoot } from '../util/project-root.js';
import { loadMigrations, type Migration, migrate } from './migrate.js';
import { createPgliteDb } from './pglite-db.js';

/**
 * A new embedded database is a PostgreSQL initdb inside WASM: ~4 s and a second WASM instance
 * (~450 MB that stays in RSS until V8 collects it). `npm run build` makes that database once,
 * migrated, and keeps its dump under dist/; the first start on an empty DATA_DIR loads the dump
 * instead (under 1 s). The file is named by this format, PGlite's version and every migration's
 * number, name and checksum, so a dump that no longer matches the code is never loaded: without
 * one, start-up runs initdb as before.
 */
const TEMPLATE_FORMAT = 'reclaim-pglite-template-1';

export interface TemplateOptions {
  /** Where the dumps live (default dist/pglite-template under the project). */
  dir?: string;
  /** The migrations the dump must hold (default migrations/). */
  migrations?: readonly Migration[];
}

function pgliteVersion(): string {
  let pkg = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(join(pkg, 'package.json'))) {
    if (dirname(pkg) === pkg) return 'unknown';
    pkg = dirname(pkg);
  }
  return (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

export function pgliteTemplateFile(
  migrations: readonly Pick<Migration, 'version' | 'name' | 'checksum'>[],
  dir = join(projectRoot(), 'dist', 'pglite-template'),
): string {
  const parts = [
    TEMPLATE_FORMAT,
    pgliteVersion(),
    ...migrations.map((m) => `${m.version}:${m.name}:${m.checksum}`),
  ];
  return join(dir, `${sha256Hex(parts.join('\n')).slice(0, 16)}.tar`);
}

/** The dump for this code, if `npm run build` made one and it can be read. */
export async function readPgliteTemplate(options: TemplateOptions = {}): Promise<Blob | undefined> {
  const file = pgliteTemplateFile(options.migrations ?? (await loadMigrations()), options.dir);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    return undefined; // none made, unreadable or damaged: start-up runs initdb
  }
}

/** Makes the dump for this code unless it is there already (and drops older ones); says where and whether. */
export async function writePgliteTemplate(
  options: TemplateOptions = {},
): Promise<{ file: string; made: boolean }> {
  const migrations = options.migrations ?? (await loadMigrations());
  const file = pgliteTemplateFile(migrations, options.dir);
  if (existsSync(file)) return { file, made: false };
  const dir = dirname(file);
  // Each build writes its own temporary file, so two builds at once cannot trip over each other.
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const db = await createPgliteDb();
  try {
    await migrate(db, [...migrations]);
    const dump = await db.dumpDataDir();
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
    await rename(tmp, file);
    for (const old of await readdir(dir)) {
      if (old.endsWith('.tar') && join(dir, old) !== file) await rm(join(dir, old), { force: true });
    }
  } finally {
    await rm(tmp, { force: true });
    await db.close();
  }
  return { file, made: true };
}
