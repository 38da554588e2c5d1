import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.js';
import { loadMigrations, type Migration } from '../../src/db/migrate.js';
import { openDb } from '../../src/db/open-db.js';
import { pgliteTemplateFile, readPgliteTemplate, writePgliteTemplate } from '../../src/db/pglite-template.js';

const folders: string[] = [];
const folder = async (prefix: string) => {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
};

let migrations: Migration[];
let templates: string; // one template made for the whole file: each is an initdb
let db: Db | undefined;

beforeAll(async () => {
  migrations = await loadMigrations();
  templates = await folder('reclaim-tpl-');
  await writeFile(join(templates, '0000000000000000.tar'), 'an older dump');
  expect((await writePgliteTemplate({ dir: templates, migrations })).made).toBe(true);
}, 60_000);
afterEach(async () => {
  await db?.close();
  db = undefined;
});
afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

const hasSchemaMigrations = async (d: Db) =>
  (await d.query<{ yes: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS yes")).rows[0]
    ?.yes;

describe('the embedded database template', () => {
  it('when made, then older dumps are removed and making it again does nothing', async () => {
    const file = pgliteTemplateFile(migrations, templates);
    expect(await readdir(templates)).toEqual([file.split('/').at(-1)]);
    expect(await writePgliteTemplate({ dir: templates, migrations })).toEqual({ file, made: false });
  });

  it('when DATA_DIR is empty, then it starts from the template, migrated, and keeps what it writes', async () => {
    const dataDir = await folder('reclaim-data-');
    db = await openDb({ dataDir, templateDir: templates });
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]?.n).toBe(migrations.length);
    await db.exec('CREATE TABLE kept (x int); INSERT INTO kept VALUES (7);');
    await db.close();
    db = await openDb({ dataDir, templateDir: templates });
    expect((await db.query<{ x: number }>('SELECT x FROM kept')).rows).toEqual([{ x: 7 }]);
  });

  it('when DATA_DIR already holds a database, then the template is not loaded over it', async () => {
    const dataDir = await folder('reclaim-data-');
    db = await openDb({ dataDir, templateDir: await folder('reclaim-no-tpl-') });
    expect(await hasSchemaMigrations(db)).toBe(false);
    await db.exec('CREATE TABLE mine (x int);');
    await db.close();
    db = await openDb({ dataDir, templateDir: templates });
    expect(await hasSchemaMigrations(db)).toBe(false);
    expect((await db.query('SELECT * FROM mine')).rows).toEqual([]);
  });

  it('when the migrations changed since the dump (even only renumbered), then it is not used', async () => {
    expect(await readPgliteTemplate({ dir: templates, migrations })).toBeInstanceOf(Blob);
    expect(await readPgliteTemplate({ dir: templates, migrations: migrations.slice(1) })).toBeUndefined();
    const renumbered = migrations.map((m, i) => (i === 0 ? { ...m, version: m.version + 100 } : m));
    expect(await readPgliteTemplate({ dir: templates, migrations: renumbered })).toBeUndefined();
  });

  it('when the dump is damaged, then start-up drops it and runs initdb instead', async () => {
    const damaged = await folder('reclaim-bad-tpl-');
    await writeFile(pgliteTemplateFile(migrations, damaged), 'not a tarball');
    const dataDir = await folder('reclaim-data-');
    db = await openDb({ dataDir, templateDir: damaged });
    expect(await hasSchemaMigrations(db)).toBe(false);
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
  });
});
