/** SQL of the connections and their credential versions. */
import type { Connection } from '../../domain/connection.js';
import type { ProviderName } from '../../domain/providers.js';
import type { Queryable } from '../db.js';

interface ConnectionRow {
  label: string;
  provider: ProviderName;
  account_id: string | null;
  source: Connection['source'];
  incident_id: string | null;
  state: Connection['state'];
  version: number;
  added_by: string;
  created_at: Date;
  last_verified_at: Date | null;
  parent_label: string | null;
}

/** A sealed credential as stored. */
export interface CredentialRow {
  version: number;
  ciphertext: string | null;
  iv: string | null;
  auth_tag: string | null;
  hint: string;
}

const toConnection = (r: ConnectionRow): Connection => ({
  label: r.label,
  provider: r.provider,
  accountId: r.account_id,
  source: r.source,
  incidentId: r.incident_id,
  state: r.state,
  version: r.version,
  addedBy: r.added_by,
  createdAt: r.created_at,
  lastVerifiedAt: r.last_verified_at,
  parentLabel: r.parent_label ?? null,
});

export async function findConnection(
  q: Queryable,
  label: string,
  options: { forUpdate?: boolean } = {},
): Promise<Connection | null> {
  const { rows } = await q.query<ConnectionRow>(
    `SELECT * FROM connections WHERE label = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [label],
  );
  return rows[0] ? toConnection(rows[0]) : null;
}

export async function listConnections(q: Queryable): Promise<Connection[]> {
  const { rows } = await q.query<ConnectionRow>('SELECT * FROM connections ORDER BY label');
  return rows.map(toConnection);
}

export async function insertConnection(
  q: Queryable,
  c: Pick<Connection, 'label' | 'provider' | 'accountId' | 'source' | 'incidentId' | 'addedBy'> & {
    verifiedAt: Date | null;
    parentLabel?: string | null;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO connections (label, provider, account_id, source, incident_id, version, added_by, last_verified_at, parent_label)
     VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8)`,
    [
      c.label,
      c.provider,
      c.accountId,
      c.source,
      c.incidentId,
      c.addedBy,
      c.verifiedAt,
      c.parentLabel ?? null,
    ],
  );
}

/** Stores credential `version` and makes it the one in use. */
export async function insertCredential(
  q: Queryable,
  label: string,
  row: CredentialRow & { ciphertext: string; iv: string; auth_tag: string },
): Promise<void> {
  await q.query(
    `INSERT INTO connection_credentials (label, version, ciphertext, iv, auth_tag, hint) VALUES ($1, $2, $3, $4, $5, $6)`,
    [label, row.version, row.ciphertext, row.iv, row.auth_tag, row.hint],
  );
  await q.query(`UPDATE connections SET version = $2, state = 'active' WHERE label = $1`, [
    label,
    row.version,
  ]);
}

/** Every credential version of a connection, newest first (wiped ones have no ciphertext). */
export async function listCredentials(q: Queryable, label: string): Promise<CredentialRow[]> {
  const { rows } = await q.query<CredentialRow>(
    'SELECT version, ciphertext, iv, auth_tag, hint FROM connection_credentials WHERE label = $1 ORDER BY version DESC',
    [label],
  );
  return rows;
}

export async function markVerified(
  q: Queryable,
  label: string,
  at: Date,
  state: Connection['state'],
): Promise<void> {
  await q.query('UPDATE connections SET last_verified_at = $2, state = $3 WHERE label = $1', [
    label,
    at,
    state,
  ]);
}

/** Removes a connection and every credential version it held (the rows, not only the values). */
export async function deleteConnection(q: Queryable, label: string): Promise<boolean> {
  const { rowCount } = await q.query('DELETE FROM connections WHERE label = $1', [label]);
  return rowCount > 0;
}
