import { sha256Hex } from '../../../util/hash.js';
import type { PlantedChange, TelnyxAccountState } from '../account.js';
import type { AuditChange, JsonObject, SimAuditEvent } from '../account-state.js';
import type { SeededRandom } from '../random.js';
import { appendAuditEvent } from '../record-audit.js';
import { newRecord } from '../record-defaults.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface Stamps {
  created: string;
  updated: string;
}

/**
 * The seeding toolkit: deterministic ids and secrets, timestamps on either side of `since`
 * (legitimate resources were made and last changed before it; the attacker acted after it), and the
 * bookkeeping of what was planted, with an audit entry by the attacker's user for each change.
 */
export class SeedBuilder {
  readonly attackerUserId: string;

  constructor(
    readonly state: TelnyxAccountState,
    readonly random: SeededRandom,
    private readonly now: number,
    private readonly since: number,
  ) {
    this.attackerUserId = random.uuid();
  }

  private between(from: number, to: number): number {
    return from + Math.floor(this.random.next() * Math.max(1, to - from));
  }

  /** Created 30-400 days ago, last changed before `since` less an hour. */
  legit(): Stamps {
    const lastSafe = this.since - HOUR;
    const created = this.between(Math.min(this.now - 400 * DAY, lastSafe - 30 * DAY), lastSafe - 30 * DAY);
    return { created: iso(created), updated: iso(this.between(created, lastSafe)) };
  }

  /** A moment after `since` and before now. */
  attack(): string {
    return iso(this.between(this.since + 1, this.now));
  }

  /** A record the seed made at `stamps.created` and last changed at `stamps.updated`. */
  make<T extends JsonObject>(
    recordType: string,
    kind: 'int64' | 'uuid',
    stamps: Stamps,
    fields: JsonObject,
  ): T {
    const id = kind === 'uuid' ? this.random.uuid() : this.random.int64Id();
    const record = newRecord<T>(
      recordType,
      {
        id,
        at: stamps.created,
        organizationId: this.state.organizationId,
        ownerUserId: this.state.ownerUserId,
        secret: () => this.random.token(32),
      },
      fields,
    );
    (record as JsonObject).updated_at = stamps.updated;
    return record;
  }

  /** Records an attacker change and its audit entry. */
  plant(change: PlantedChange, audit: PlantAudit): void {
    this.state.planted.push(change);
    appendAuditEvent(this.state, {
      id: this.random.uuid(),
      at: audit.at,
      changeType: audit.changeType,
      resourceId: change.id,
      alternateResourceId: audit.alternateResourceId ?? null,
      changes: audit.changes,
      madeBy: 'organization_member',
      userId: this.attackerUserId,
    });
  }

  /** An audit entry for a legitimate change by the owner, before `since`. */
  ownerAudit(resourceId: string, at: string, changes: AuditChange[]): void {
    appendAuditEvent(this.state, { id: this.random.uuid(), at, changeType: 'update', resourceId, changes });
  }
}

export interface PlantAudit {
  at: string;
  changeType: SimAuditEvent['change_type'];
  changes: AuditChange[] | null;
  alternateResourceId?: string;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function digestOf(secret: string): string {
  return sha256Hex(secret);
}
