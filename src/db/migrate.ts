import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StorageError } from '../domain/errors.js';
import { sha256Hex } from '../util/hash.js';
import { projectRoot } from '../util/project-root.js';
import type { Db } from './db.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function defaultMigrationsDir(): string {
  return join(projectRoot(), 'migrations');
}

export async function loadMigrations(dir = defaultMigrationsDir()): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const out: Migration[] = [];
  for (const file of files) {
    const match = FILE_PATTERN.exec(file);
    if (!match)
      throw new StorageError('migration_bad_name', `migrations/${file} must be named NNNN_name.sql`);
    const sql = await readFile(join(dir, file), 'utf8');
    out.push({ version: Number(match[1]), name: file, sql, checksum: sha256Hex(sql) });
  }
  return out;
}

/**
 * Applies pending migrations in order, each in its own transaction, while holding an advisory lock
 * keyed by the current schema, so two processes starting at once never apply one twice. An applied
 * migration whose file changed afterwards stops start-up: the database no longer matches the code.
 */
export async function migrate(db: Db, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  return db.session(async (session) => {
    await session.query('SELECT pg_advisory_lock(hashtext(current_schema()))');
    try {
      await session.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now())`);
      const { rows } = await session.query<{ version: number; name: string; checksum: string }>(
        'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
      );
      const applied = new Map(rows.map((r) => [r.version, r]));
      const done: string[] = [];
      for (const m of all) {
        const previous = applied.get(m.version);
        if (previous) {
          if (previous.checksum !== m.checksum) {
            throw new StorageError(
              'migration_edited',
              `Migration ${m.name} was edited after it was applied (applied checksum ${previous.checksum.slice(0, 12)}, file ${m.checksum.slice(0, 12)}). Restore the file and put the change in a new migration.`,
            );
          }
          continue;
        }
        await session.transaction(async (tx) => {
          await tx.exec(m.sql);
          await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
            m.version,
            m.name,
            m.checksum,
          ]);
        });
        done.push(m.name);
      }
      return done;
    } finally {
      await session.query('SELECT pg_advisory_unlock(hashtext(current_schema()))');
    }
  });
}
