import { NotFoundError } from '../../domain/errors.js';
import type { Incident, IncidentProvider } from '../../domain/types.js';
import type { Queryable } from '../db.js';

interface IncidentRow {
  id: string;
  provider: string;
  label: string;
  rehearsal: boolean;
  status: 'open' | 'closed';
  requested_by: string;
  since: Date | null;
  channel_id: string | null;
  progress_ts: string | null;
  created_at: Date;
  closed_at: Date | null;
  closed_by: string | null;
  close_reason: string | null;
  connections: string[] | null;
}

function toIncident(r: IncidentRow): Incident {
  return {
    id: r.id,
    provider: r.provider as IncidentProvider,
    label: r.label,
    rehearsal: r.rehearsal,
    status: r.status,
    requestedBy: r.requested_by,
    since: r.since,
    channelId: r.channel_id,
    progressTs: r.progress_ts,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    closeReason: r.close_reason,
    ...(r.connections && r.connections.length > 0 ? { connections: r.connections } : {}),
  };
}

export async function insertIncident(
  q: Queryable,
  i: Pick<Incident, 'id' | 'provider' | 'label' | 'rehearsal' | 'requestedBy' | 'since' | 'connections'>,
): Promise<Incident> {
  const { rows } = await q.query<IncidentRow>(
    `INSERT INTO incidents (id, provider, label, rehearsal, requested_by, since, connections)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [
      i.id,
      i.provider,
      i.label,
      i.rehearsal,
      i.requestedBy,
      i.since,
      i.connections ? [...i.connections] : null,
    ],
  );
  return toIncident(rows[0]!);
}

export async function findIncident(
  q: Queryable,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Incident | null> {
  const { rows } = await q.query<IncidentRow>(
    `SELECT * FROM incidents WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toIncident(rows[0]) : null;
}

export async function getIncident(
  q: Queryable,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Incident> {
  const found = await findIncident(q, id, opts);
  if (!found) throw new NotFoundError('incident_not_found', 'That incident does not exist.');
  return found;
}

export async function findIncidentByChannel(q: Queryable, channelId: string): Promise<Incident | null> {
  const { rows } = await q.query<IncidentRow>('SELECT * FROM incidents WHERE channel_id = $1', [channelId]);
  return rows[0] ? toIncident(rows[0]) : null;
}

export async function listOpenIncidents(q: Queryable): Promise<Incident[]> {
  const { rows } = await q.query<IncidentRow>(
    `SELECT * FROM incidents WHERE status = 'open' ORDER BY created_at, id`,
  );
  return rows.map(toIncident);
}

/** Open incidents one person requested, oldest first (`list` when no team is configured). */
export async function listOpenIncidentsRequestedBy(q: Queryable, userId: string): Promise<Incident[]> {
  const { rows } = await q.query<IncidentRow>(
    `SELECT * FROM incidents WHERE status = 'open' AND requested_by = $1 ORDER BY created_at, id`,
    [userId],
  );
  return rows.map(toIncident);
}

/** How many rehearsals this person has open (the per-user limit). */
export async function countOpenRehearsals(q: Queryable, userId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM incidents WHERE status = 'open' AND rehearsal AND requested_by = $1`,
    [userId],
  );
  return rows[0]?.n ?? 0;
}

export async function setIncidentChannel(q: Queryable, id: string, channelId: string): Promise<void> {
  await q.query('UPDATE incidents SET channel_id = $2 WHERE id = $1', [id, channelId]);
}

export async function setProgressTs(q: Queryable, id: string, ts: string): Promise<void> {
  await q.query('UPDATE incidents SET progress_ts = $2 WHERE id = $1', [id, ts]);
}

export async function markIncidentClosed(
  q: Queryable,
  id: string,
  closedBy: string,
  reason: string | null,
  at: Date,
): Promise<Incident> {
  const { rows } = await q.query<IncidentRow>(
    `UPDATE incidents SET status = 'closed', closed_at = $4, closed_by = $2, close_reason = $3
     WHERE id = $1 RETURNING *`,
    [id, closedBy, reason, at],
  );
  return toIncident(rows[0]!);
}

/** A closed incident opened again (the watch found the attacker back); its close stays in the audit log. */
export async function markIncidentReopened(q: Queryable, id: string): Promise<Incident> {
  const { rows } = await q.query<IncidentRow>(
    `UPDATE incidents SET status = 'open', closed_at = NULL, closed_by = NULL, close_reason = NULL
     WHERE id = $1 RETURNING *`,
    [id],
  );
  return toIncident(rows[0]!);
}
