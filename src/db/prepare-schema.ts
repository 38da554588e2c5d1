/** Brings the schema up to date, as its owner when DATABASE_OWNER_URL is given, and checks the bot's own role. */
import { StorageError } from '../domain/errors.js';
import type { Logger } from '../util/logger.js';
import type { Db, Queryable } from './db.js';
import { loadMigrations, type Migration, migrate } from './migrate.js';

export interface PrepareSchemaOptions {
  /** PostgreSQL URL of the role that owns the schema; migrations and grants run through it. */
  ownerUrl?: string | undefined;
  logger: Logger;
  migrations?: Migration[];
  /** Opens the owner's connection (tests pass one with their schema's search_path). */
  openOwner?: (url: string) => Promise<Db>;
}

/**
 * Without an owner URL the bot's own connection applies pending migrations, as before. With one, the
 * owner applies them and grants the bot's role (DATABASE_URL's user) what it needs and no more:
 * rows of every table, but on audit_log only SELECT and INSERT, and no DDL, so the bot cannot alter,
 * delete or re-chain audit entries nor disable the trigger that refuses it. The bot's connection then
 * checks that every migration of this release is applied.
 */
export async function prepareSchema(db: Db, options: PrepareSchemaOptions): Promise<string[]> {
  const migrations = options.migrations ?? (await loadMigrations());
  if (!options.ownerUrl || db.kind !== 'postgres') return migrate(db, migrations);
  const runtime = await db.query<{ role: string }>('SELECT current_user AS role');
  const { role } = runtime.rows[0]!;
  const owner = await (options.openOwner ?? openOwnerDb)(options.ownerUrl);
  try {
    const ownerSide = await owner.query<{ role: string; schema: string }>(
      'SELECT current_user AS role, current_schema() AS schema',
    );
    const { schema } = ownerSide.rows[0]!;
    const applied = await migrate(owner, migrations);
    if (ownerSide.rows[0]?.role !== role) await grantRuntimeRole(owner, quoteIdent(role), quoteIdent(schema));
    // Only now may the bot's role see the schema; both URLs must lead to the same one.
    const seen = await db.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    if (seen.rows[0]?.schema !== schema) {
      throw new StorageError(
        'storage_owner_schema_mismatch',
        `DATABASE_OWNER_URL works in schema "${schema}" but DATABASE_URL in "${seen.rows[0]?.schema ?? 'none'}"; give both the same database and search_path.`,
      );
    }
    options.logger.info({ role }, 'schema owned by DATABASE_OWNER_URL; Reclaim runs with least privilege');
    await checkApplied(db, migrations);
    return applied;
  } finally {
    await owner.close();
  }
}

async function openOwnerDb(url: string): Promise<Db> {
  const { createPgDb } = await import('./pg-db.js');
  return createPgDb({ connectionString: url, max: 1 });
}

async function grantRuntimeRole(owner: Queryable, role: string, schema: string): Promise<void> {
  await owner.exec(`
    GRANT USAGE ON SCHEMA ${schema} TO ${role};
    REVOKE CREATE ON SCHEMA ${schema} FROM ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role};
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${schema}.audit_log FROM ${role};
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${schema}.schema_migrations FROM ${role};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role};`);
}

/** The bot's role may not migrate; it refuses to run on a schema older or newer than its code. */
async function checkApplied(db: Queryable, migrations: readonly Migration[]): Promise<void> {
  const { rows } = await db.query<{ version: number; checksum: string }>(
    'SELECT version, checksum FROM schema_migrations ORDER BY version',
  );
  const applied = new Map(rows.map((r) => [r.version, r.checksum]));
  const missing = migrations.filter((m) => applied.get(m.version) !== m.checksum).map((m) => m.name);
  if (missing.length > 0) {
    throw new StorageError(
      'storage_schema_behind',
      `The database lacks migrations ${missing.join(', ')} although DATABASE_OWNER_URL applied them; check that both URLs reach the same database.`,
    );
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
