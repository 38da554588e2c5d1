/** `/compromise connections`: the provider access Reclaim holds, for approvers (never a credential). */
import type { Actor } from '../domain/actor.js';
import type { Connection } from '../domain/connection.js';
import { connectionGate } from './connection-gate.js';
import type { Refusal, UseCaseDeps } from './deps.js';

export async function listConnections(
  deps: UseCaseDeps,
  actor: Actor,
): Promise<{ ok: true; connections: Connection[] } | Refusal> {
  const gate = connectionGate(deps, actor);
  if (!gate.ok) return gate;
  return { ok: true, connections: await gate.store.list() };
}

/** The labels a start may name (anyone on the team may start; labels are not secret). */
export async function connectionChoices(deps: Pick<UseCaseDeps, 'connections'>): Promise<string[]> {
  if (!deps.connections) return [];
  const all = await deps.connections.list();
  return all.filter((c) => c.source !== 'incident' && c.state === 'active').map((c) => c.label);
}
