import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/db.js';

/** Runs `sql` with the immutability trigger off, as an attacker with table rights could. */
export async function tamperWithAuditLog(db: Db, sql: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable');
    await tx.query(sql, params);
    await tx.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_immutable');
  });
}

export const newIncidentId = (): string => randomUUID();
