import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadMigrations, migrate } from '../../src/db/migrate.js';
import { createPgliteDb } from '../../src/db/pglite-db.js';
import { sha256Hex } from '../../src/util/hash.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Builds one migrated PGlite data directory per run and hands its dump to every test file: loading
 * a dump takes a fraction of a fresh initdb, which keeps the suite fast on two cores.
 */
export async function setup(project: TestProject): Promise<void> {
  const migrations = await loadMigrations();
  const key = sha256Hex(migrations.map((m) => m.checksum).join()).slice(0, 16);
  const file = join(tmpdir(), `reclaim-pglite-template-${key}-${process.pid}.tar`);
  const db = await createPgliteDb();
  await migrate(db, migrations);
  const dump = await db.dumpDataDir();
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplate', file);
}
