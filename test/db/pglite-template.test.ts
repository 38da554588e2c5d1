import { existsSync } from 'node:fs';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.js';
import { loadMigrations } from '../../src/db/migrate.js';
import { openDb } from '../../src/db/open-db.js';
import { pgliteTemplateFile, readPgliteTemplate, writePgliteTemplate } from '../../src/db/pglite-template.js';

let db: Db | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const appliedMigrations = async (d: Db) =>
  (await d.query<{ exists: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS exists"))
    .rows[0]?.exists;

describe('the embedded database template', () => {
  it('when built, then an empty DATA_DIR starts from it, migrated, without running migrate', async () => {
    const templates = await mkdtemp(join(tmpdir(), 'reclaim-tpl-'));
    const first = await writePgliteTemplate({ dir: templates });
    expect(first.made).toBe(true);
    await writeFile(join(templates, '0000000000000000.tar.gz'), 'an older dump');
    expect(await writePgliteTemplate({ dir: templates })).toEqual({ file: first.file, made: false });

    db = await openDb({ dataDir: await mkdtemp(join(tmpdir(), 'reclaim-data-')), templateDir: templates });
    expect(await appliedMigrations(db)).toBe(true);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]?.n).toBe((await loadMigrations()).length);
  });

  it('when a new dump is written, then older ones are removed', async () => {
    const templates = await mkdtemp(join(tmpdir(), 'reclaim-tpl-'));
    await writeFile(join(templates, '0000000000000000.tar.gz'), 'an older dump');
    const { file } = await writePgliteTemplate({ dir: templates });
    expect(await readdir(templates)).toEqual([file.split('/').at(-1)]);
  });

  it('when the migrations changed since the dump, then it is not used and initdb runs as before', async () => {
    const templates = await mkdtemp(join(tmpdir(), 'reclaim-tpl-'));
    const migrations = await loadMigrations();
    await writePgliteTemplate({ dir: templates, migrations: migrations.slice(0, 1) });
    expect(existsSync(pgliteTemplateFile([migrations[0]!.checksum], templates))).toBe(true);
    expect(await readPgliteTemplate({ dir: templates, migrations })).toBeUndefined();

    db = await openDb({ dataDir: await mkdtemp(join(tmpdir(), 'reclaim-data-')), templateDir: templates });
    expect(await appliedMigrations(db)).toBe(false);
  });
});
