import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appendAudit } from '../src/audit/append-audit.js';
import { verifyAuditChain } from '../src/audit/verify-chain.js';
import type { Db } from '../src/db/db.js';
import { migrate } from '../src/db/migrate.js';
import { createPgDb } from '../src/db/pg-db.js';
import { createPgliteDb } from '../src/db/pglite-db.js';

/**
 * Appends per second to the audit chain: one writer appending one entry per transaction, then 20
 * writers doing the same at once (they queue on the chain's advisory lock), on in-memory PGlite and
 * on PostgreSQL when it answers. Run: `npx tsx bench/audit-append.ts`.
 */
export interface AuditAppendResult {
  database: 'pglite' | 'postgres';
  writers: number;
  appends: number;
  seconds: number;
  appendsPerSecond: number;
}

export interface AuditAppendBench {
  results: AuditAppendResult[];
  /** Why PostgreSQL was not measured, when it was not. */
  skipped?: string;
}

export interface AuditAppendOptions {
  appends?: number;
  concurrentWriters?: number;
  postgresUrl?: string;
  log?: (line: string) => void;
}

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export async function runAuditAppendBench(options: AuditAppendOptions = {}): Promise<AuditAppendBench> {
  const appends = options.appends ?? 500;
  const writers = options.concurrentWriters ?? 20;
  const log = options.log ?? (() => undefined);
  const results: AuditAppendResult[] = [];

  const pglite = await createPgliteDb();
  try {
    await migrate(pglite);
    results.push(...(await measure(pglite, 'pglite', appends, writers, log)));
  } finally {
    await pglite.close();
  }

  const url = options.postgresUrl ?? process.env.DATABASE_URL ?? DEFAULT_PG_URL;
  const admin = createPgDb({ connectionString: url, max: 1 });
  try {
    if (!(await admin.ping())) {
      const skipped = `PostgreSQL does not answer on ${redactUrl(url)}; skipped`;
      log(skipped);
      return { results, skipped };
    }
    const schema = `bench_${randomBytes(6).toString('hex')}`;
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const db = createPgDb({ connectionString: url, schema, max: writers });
    try {
      await migrate(db);
      results.push(...(await measure(db, 'postgres', appends, writers, log)));
    } finally {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    }
  } finally {
    await admin.close();
  }
  return { results };
}

async function measure(
  db: Db,
  database: AuditAppendResult['database'],
  appends: number,
  writers: number,
  log: (line: string) => void,
): Promise<AuditAppendResult[]> {
  const incidentId = randomUUID();
  const appendOne = (writer: number, i: number) =>
    db.transaction((tx) =>
      appendAudit(tx, { incidentId, actor: `U${writer}`, action: 'bench.append', payload: { writer, i } }),
    );
  const out: AuditAppendResult[] = [];
  for (const count of [1, writers]) {
    const perWriter = Math.ceil(appends / count);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: count }, async (_, writer) => {
        for (let i = 0; i < perWriter; i++) await appendOne(writer, i);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const total = perWriter * count;
    const result = { database, writers: count, appends: total, seconds, appendsPerSecond: total / seconds };
    out.push(result);
    log(
      `${database.padEnd(8)} ${String(count).padStart(2)} writer${count === 1 ? ' ' : 's'}  ${String(total).padStart(5)} appends  ${seconds.toFixed(2)} s  ${result.appendsPerSecond.toFixed(0)} appends/s`,
    );
  }
  const verdict = await verifyAuditChain(db);
  if (!verdict.ok)
    throw new Error(`the ${database} chain does not verify after the bench: ${verdict.reason}`);
  return out;
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log('audit append throughput (one entry per transaction; chain verified afterwards)');
  runAuditAppendBench({ log: (line) => console.log(line) }).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
