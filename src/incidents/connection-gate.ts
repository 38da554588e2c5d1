/** Who may give, list and remove Reclaim's provider access: the configured approvers, and only with a store. */
import type { ConnectionStore } from '../connections/connection-store.js';
import { type Actor, approverAuthority } from '../domain/actor.js';
import { type Refusal, refuse, type UseCaseDeps } from './deps.js';

export const NOT_AN_APPROVER_FOR_CONNECTIONS =
  'Only approvers (RECLAIM_APPROVERS or the RECLAIM_APPROVER_GROUP) may give, list or remove provider access.';

/** The store when `actor` is an approver; otherwise the refusal to render. */
export function connectionGate(
  deps: Pick<UseCaseDeps, 'connections' | 'approvers' | 'hasApproverGroup'>,
  actor: Actor,
): { ok: true; store: ConnectionStore } | Refusal {
  const { approvers } = approverAuthority(deps, actor);
  if (!approvers.has(actor.userId)) return refuse('not_an_approver', NOT_AN_APPROVER_FOR_CONNECTIONS);
  if (!deps.connections) return refuse('no_connection_store', 'This Reclaim keeps no provider connections.');
  return { ok: true, store: deps.connections };
}
