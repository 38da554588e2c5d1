// The bookkeeping of one execution's actions, in batches: claims in one statement, results in one transaction, always under the fencing token.
import { appendAuditEntries, type NewAuditEntry } from '../audit/append-audit.js';
import type { Queryable } from '../db/db.js';
import { type ActionClaim, type ActionEnd, claimActions, finishActions } from '../db/repos/plans-repo.js';
import type { Incident, PlanAction, Step } from '../domain/types.js';
import { type Fence, FenceLostError, holdFence } from '../jobs/fence.js';
import type { ActionOutcome } from '../playbooks/types.js';
import { sealSecret } from '../secrets/seal.js';
import { batchCalls } from '../util/batch-calls.js';
import type { UseCaseDeps } from './deps.js';
import { recordRotation } from './record-rotation.js';

/** Whose actions a book keeps: one step's execution under one job claim. */
export interface BookScope {
  deps: UseCaseDeps;
  incident: Incident;
  step: Step;
  fence: Fence;
}

/** How an action ended, as the executor hands it over to be recorded. */
export type ActionResult =
  | { action: PlanAction; outcome: ActionOutcome }
  | { action: PlanAction; error: { code: string; message: string } };

/**
 * Claims and records the actions of one run. Calls made while a batch is in the database wait and
 * go together in the next (`batchCalls`): one action at a time is claimed and recorded at once, as
 * before; many in flight share a statement. Each action still has its own row, claimed by
 * compare-and-set under the token before its write and recorded only under it; a batch that finds
 * the token gone records nothing (FenceLostError for each of its calls), and an action whose write
 * was made but not yet recorded stays `running`, so whoever resumes re-checks it before writing.
 */
export interface ActionBook {
  claim(action: PlanAction): Promise<ActionClaim>;
  record(result: ActionResult): Promise<void>;
}

/** `lingerMs`: how long a batch waits for more before it is written (`batchLingerMs`). */
export function openActionBook(run: BookScope, lingerMs: () => number = () => 0): ActionBook {
  const { deps, fence } = run;
  const claim = batchCalls<PlanAction, ActionClaim>(
    async (actions) => {
      const ids = actions.map((a) => a.id);
      const claims = await deps.db.transaction((tx) => claimActions(tx, ids, fence.token));
      return ids.map((id) => claims.get(id) ?? { claimed: false, reason: 'missing' });
    },
    { lingerMs },
  );
  const record = batchCalls<ActionResult, void>(
    async (results) => {
      await deps.db.transaction((tx) => recordResults(tx, run, results));
      return results.map(() => undefined);
    },
    { lingerMs },
  );
  return { claim, record };
}

/** Seals new secrets, marks each action done or failed and audits each: all or nothing, under the token. */
async function recordResults(tx: Queryable, run: BookScope, results: readonly ActionResult[]): Promise<void> {
  const { deps, fence, incident, step } = run;
  const what = `recording ${results.length === 1 ? 'action' : 'actions'} ${results.map((r) => r.action.position).join(', ')}`;
  // Locks the job row: it cannot be claimed again before this commits.
  await holdFence(tx, fence, what);
  const ends: { id: number; end: ActionEnd }[] = [];
  const audit: NewAuditEntry[] = [];
  for (const r of results) {
    const { action } = r;
    const at = { stepId: step.id, position: action.position, kind: action.kind, target: action.target };
    if ('error' in r) {
      const error = { code: r.error.code, message: r.error.message };
      ends.push({ id: action.id, end: { state: 'failed', error } });
      audit.push({
        incidentId: incident.id,
        actor: 'reclaim',
        action: 'action.failed',
        payload: { ...at, ...error },
      });
      continue;
    }
    const result = await sealed(tx, run, r.outcome);
    ends.push({ id: action.id, end: { state: 'done', result } });
    audit.push({
      incidentId: incident.id,
      actor: 'reclaim',
      action: 'action.done',
      payload: { ...at, result },
    });
    // Reclaim's own credential rotated: sealed into the connection with the action, or neither.
    const rotated = r.outcome.rotatedCredential;
    const rotation = rotated ? await recordRotation(tx, deps, run, rotated) : null;
    if (rotation) audit.push(rotation);
  }
  const finished = await finishActions(tx, fence.token, ends);
  if (finished.size !== ends.length) throw new FenceLostError(fence.token, what); // rolls the secrets back
  await appendAuditEntries(tx, audit);
  deps.logger.debug({ stepId: step.id, actions: results.length }, 'actions recorded');
}

/** The outcome's result, with the ids of its new secrets once sealed (never the secrets). */
async function sealed(
  tx: Queryable,
  run: BookScope,
  outcome: ActionOutcome,
): Promise<Record<string, unknown>> {
  const secrets: { id: string; label: string }[] = [];
  for (const secret of outcome.secrets ?? []) {
    const { id } = await sealSecret(tx, run.deps.secretKey, {
      incidentId: run.incident.id,
      stepId: run.step.id,
      label: secret.label,
      plaintext: secret.value,
    });
    secrets.push({ id, label: secret.label });
  }
  return secrets.length > 0 ? { ...outcome.result, sealedSecrets: secrets } : outcome.result;
}
