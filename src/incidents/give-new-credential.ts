/** "Give Reclaim the new key": an approver replaces the credential of the incident's own connection from a step card. */
import { getIncident } from '../db/repos/incidents-repo.js';
import { findStep } from '../db/repos/steps-repo.js';
import type { Actor } from '../domain/actor.js';
import { connectionOf, type ProviderCredential, sameCredential } from '../domain/connection.js';
import type { ProviderName } from '../domain/providers.js';
import { noteOnStep } from './confirm-manual-step.js';
import { connectProvider } from './connect-provider.js';
import { connectionGate } from './connection-gate.js';
import { type Refusal, refuse, type UseCaseDeps } from './deps.js';

export interface CredentialTarget {
  ok: true;
  stepId: string;
  provider: ProviderName;
  /** The incident's connection for `provider`, from Reclaim's own records. */
  label: string;
}

/**
 * Where a new credential given on `stepId`'s card goes, looked up from the database (never from a
 * payload): approvers only (fail closed), a pending manual step whose definition takes one, of an
 * open, real incident.
 */
export async function newCredentialTarget(
  deps: UseCaseDeps,
  actor: Actor,
  stepId: string,
): Promise<CredentialTarget | Refusal> {
  const gate = connectionGate(deps, actor);
  if (!gate.ok) return gate;
  const step = await findStep(deps.db, stepId);
  if (!step) return refuse('step_not_found', 'That step does not exist.');
  const incident = await getIncident(deps.db, step.incidentId);
  if (incident.status !== 'open') return refuse('incident_closed', 'This incident is closed.');
  const definition = deps.playbooks.definition(step.stepKey);
  const provider = definition?.kind === 'manual' ? definition.takesNewCredential : undefined;
  if (!provider || incident.rehearsal || step.kind !== 'manual' || step.state !== 'pending') {
    return refuse(
      'step_takes_no_credential',
      incident.rehearsal
        ? 'A rehearsal runs against the simulated account: there is no key to give Reclaim.'
        : 'This step takes no new key now (it is not a pending step that replaces one).',
    );
  }
  return { ok: true, stepId, provider, label: connectionOf(incident.connections, provider) };
}

/**
 * Checks the target again, refuses a credential the connection held before (the old key is what is
 * being replaced), then `connectProvider` checks it with the provider's cheap read and seals it as
 * the connection's new version, audited without it. The card is redrawn with the new key's last 4
 * characters (the step's version is bumped for it); the last Mark done check, now out of date, is
 * cleared.
 */
export async function giveNewCredential(
  deps: UseCaseDeps,
  input: Actor & { stepId: string; credential: ProviderCredential },
): Promise<{ ok: true; label: string; version: number; hint: string } | Refusal> {
  const target = await newCredentialTarget(deps, input, input.stepId);
  if (!target.ok) return target;
  if (input.credential.provider !== target.provider) {
    return refuse('connection_label_invalid', `This step takes a ${target.provider} credential.`);
  }
  const held = (await deps.connections?.held(target.label).catch(() => [])) ?? [];
  if (held.some((h) => sameCredential(h.credential, input.credential))) {
    return refuse(
      'credential_refused',
      `Reclaim held that key before for \`${target.label}\`: paste the new one you created.`,
    );
  }
  const step = await findStep(deps.db, input.stepId);
  const out = await connectProvider(deps, {
    userId: input.userId,
    ...(input.inApproverGroup === undefined ? {} : { inApproverGroup: input.inApproverGroup }),
    label: target.label,
    credential: input.credential,
    ...(step ? { incidentId: step.incidentId } : {}),
  });
  if (!out.ok) return out;
  await noteOnStep(deps, input.stepId, null, true);
  const [current] = (await deps.connections?.held(target.label)) ?? [];
  return { ok: true, label: target.label, version: out.version, hint: current?.hint ?? '····' };
}
