/** Mark done on a manual step an API can confirm: asked first, and what it said kept on the card. */
import { getIncident } from '../db/repos/incidents-repo.js';
import { getStep, updateStep } from '../db/repos/steps-repo.js';
import { normaliseError } from '../domain/errors.js';
import type { Incident, StepError } from '../domain/types.js';
import type { UseCaseDeps } from './deps.js';

/** The code a check that was answered "not yet" is kept under (others are the provider's error's). */
export const NOT_CONFIRMED = 'step_not_confirmed';

export type ManualConfirmation = { ok: true } | { ok: false; error: StepError };

/**
 * Asks the API (outside any transaction: it calls the provider) when the step is a pending manual
 * one on an open incident and the clicker is someone the settle transaction would let through. A
 * "not yet" or a provider error is written on the step (`error`, state unchanged) so its card says
 * so, with the button to check again; nothing is marked done.
 */
export async function confirmManualStep(
  deps: UseCaseDeps,
  stepId: string,
  onTeam: (incident: Incident) => boolean,
): Promise<ManualConfirmation> {
  const verify = deps.playbooks.verifyManualStep;
  if (!verify) return { ok: true };
  const step = await getStep(deps.db, stepId).catch(() => null);
  if (step?.kind !== 'manual' || step.state !== 'pending') return { ok: true };
  const incident = await getIncident(deps.db, step.incidentId);
  if (incident.status !== 'open' || !onTeam(incident)) return { ok: true };
  let error: StepError;
  try {
    const check = await verify(incident, step.stepKey);
    if (check.ok) return { ok: true };
    error = { code: NOT_CONFIRMED, message: check.message };
  } catch (err) {
    const e = normaliseError(err);
    deps.logger.warn({ stepId, stepKey: step.stepKey, code: e.code }, 'a manual step could not be checked');
    error = { code: e.code, message: `Reclaim could not check this with the provider: ${e.message}` };
  }
  await noteOnStep(deps, stepId, error);
  return { ok: false, error };
}

/**
 * Writes (or clears) the last check's answer on a still-pending manual step and redraws its card;
 * `redraw` bumps the step's version even when the answer is unchanged (the card shows something
 * else that changed, such as the key in use: a card is redrawn only for a new version).
 */
export async function noteOnStep(
  deps: Pick<UseCaseDeps, 'db' | 'notifier'>,
  stepId: string,
  error: StepError | null,
  redraw = false,
): Promise<void> {
  const noted = await deps.db.transaction(async (tx) => {
    const step = await getStep(tx, stepId, { forUpdate: true });
    if (step.kind !== 'manual' || step.state !== 'pending') return null;
    if (error === null && step.error === null && !redraw) return null;
    return updateStep(tx, stepId, { error });
  });
  if (noted) deps.notifier.stepChanged(noted.id, noted.incidentId);
}
