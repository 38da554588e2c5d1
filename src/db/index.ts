/** db: one Db interface over pg.Pool or PGlite, the migration runner, the schema owner and the repositories. */
// The drivers (pg-db, pglite-db, pglite-template) are left out: open-db loads only the one in use.
export * from './db.js';
export * from './migrate.js';
export * from './open-db.js';
export * from './prepare-schema.js';
export * from './private-data-dir.js';
