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
 * (~450 MB that stays in RSS until V8 collects it). `npm run build` makes that database once, migrated,
 * and keeps its dump under dist/; the first start on an empty DATA_DIR loads the dump instead
 * (~0.6 s). The file is named by PGlite's version and the migrations, so a dump that no longer
 * matches the code is never loaded: without one, start-up runs initdb as before.
 */
export interface TemplateOptions {
  /** Where the dumps live (default dist/pglite-template under the project). */
  dir?: string;
  /** The migrations the dump must hold (default migrations/). */
  migrations?: Migration[];
}

export function pgliteTemplateFile(
  migrationChecksums: readonly string[],
  dir = join(projectRoot(), 'dist', 'pglite-template'),
): string {
  let pkg = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(join(pkg, 'package.json'))) pkg = dirname(pkg);
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const key = sha256Hex([version, ...migrationChecksums].join('\n')).slice(0, 16);
  return join(dir, `${key}.tar.gz`);
}

/** The dump for this code, if `npm run build` made one. */
export async function readPgliteTemplate(options: TemplateOptions = {}): Promise<Blob | undefined> {
  const migrations = options.migrations ?? (await loadMigrations());
  const file = pgliteTemplateFile(
    migrations.map((m) => m.checksum),
    options.dir,
  );
  if (!existsSync(file)) return undefined;
  return new Blob([await readFile(file)], { type: 'application/x-gzip' });
}

/** Makes the dump for this code unless it is there already (and drops older ones); says where and whether. */
export async function writePgliteTemplate(
  options: TemplateOptions = {},
): Promise<{ file: string; made: boolean }> {
  const migrations = options.migrations ?? (await loadMigrations());
  const file = pgliteTemplateFile(
    migrations.map((m) => m.checksum),
    options.dir,
  );
  if (existsSync(file)) return { file, made: false };
  const db = await createPgliteDb();
  try {
    await migrate(db, migrations);
    const dump = await db.dumpDataDir('gzip');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
    await rename(`${file}.tmp`, file);
    for (const old of await readdir(dirname(file))) {
      if (join(dirname(file), old) !== file) await rm(join(dirname(file), old), { force: true });
    }
  } finally {
    await db.close();
  }
  return { file, made: true };
}
