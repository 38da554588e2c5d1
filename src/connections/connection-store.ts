/** Provider connections: Reclaim's own access per account, read fresh, rotated in the caller's transaction. */
import type { Db, Queryable } from '../db/db.js';
import {
  deleteConnection,
  findConnection,
  insertConnection,
  insertCredential,
  listConnections,
  listCredentials,
  markVerified,
} from '../db/repos/connections-repo.js';
import { type Connection, credentialHint, type ProviderCredential } from '../domain/connection.js';
import { NotFoundError } from '../domain/errors.js';
import { openCredential, sealCredential } from './seal-credential.js';

export interface NewConnection {
  label: string;
  credential: ProviderCredential;
  accountId: string | null;
  source: Connection['source'];
  incidentId?: string | null;
  addedBy: string;
  verifiedAt: Date | null;
  /** A Twilio subaccount's: the connection it was read through. */
  parentLabel?: string | null;
}

/** One credential a connection held, for proving that the old ones are refused. */
export interface HeldCredential {
  version: number;
  hint: string;
  credential: ProviderCredential;
}

export interface ConnectionStore {
  /** The connection and the credential in use now (every call reads the database: replicas agree). */
  current(label: string): Promise<{ connection: Connection; credential: ProviderCredential }>;
  /** Every credential it held and still has sealed, newest first. */
  held(label: string, q?: Queryable): Promise<HeldCredential[]>;
  find(label: string, q?: Queryable): Promise<Connection | null>;
  list(): Promise<Connection[]>;
  add(q: Queryable, input: NewConnection): Promise<Connection>;
  /** A new credential version, in the caller's transaction (the one that records the rotation). */
  rotate(q: Queryable, label: string, credential: ProviderCredential): Promise<number>;
  verified(label: string, at: Date, state: Connection['state']): Promise<void>;
  remove(q: Queryable, label: string): Promise<boolean>;
}

export function createConnectionStore(db: Db, key: Buffer): ConnectionStore {
  const mustFind = async (q: Queryable, label: string, forUpdate = false) => {
    const found = await findConnection(q, label, { forUpdate });
    if (!found) throw new NotFoundError('connection_not_found', `There is no connection named ${label}.`);
    return found;
  };
  const store: ConnectionStore = {
    async current(label) {
      const connection = await mustFind(db, label);
      const [row] = await listCredentials(db, label);
      if (!row || row.version !== connection.version) {
        throw new NotFoundError('connection_not_found', `The connection ${label} has no credential.`);
      }
      return { connection, credential: openCredential(key, label, row) };
    },
    async held(label, q = db) {
      const rows = await listCredentials(q, label);
      return rows
        .filter((r) => r.ciphertext)
        .map((r) => ({ version: r.version, hint: r.hint, credential: openCredential(key, label, r) }));
    },
    find: (label, q = db) => findConnection(q, label),
    list: () => listConnections(db),
    async add(q, input) {
      await insertConnection(q, {
        label: input.label,
        provider: input.credential.provider,
        accountId: input.accountId,
        source: input.source,
        incidentId: input.incidentId ?? null,
        addedBy: input.addedBy,
        verifiedAt: input.verifiedAt,
        parentLabel: input.parentLabel ?? null,
      });
      await store.rotate(q, input.label, input.credential);
      return mustFind(q, input.label);
    },
    async rotate(q, label, credential) {
      const connection = await mustFind(q, label, true);
      const version = connection.version + 1;
      const box = sealCredential(key, label, version, credential);
      await insertCredential(q, label, {
        version,
        ciphertext: box.ciphertext,
        iv: box.iv,
        auth_tag: box.authTag,
        hint: credentialHint(credential),
      });
      return version;
    },
    verified: (label, at, state) => markVerified(db, label, at, state),
    remove: (q, label) => deleteConnection(q, label),
  };
  return store;
}
