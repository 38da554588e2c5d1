import { isContainmentKey } from '../../domain/containment.js';
import { normaliseError } from '../../domain/errors.js';
import type { Incident, Step } from '../../domain/types.js';
import { isAlertStepKey } from '../../domain/watch.js';
import type { Discovery } from '../../playbooks/types.js';
import type { UseCaseDeps } from '../deps.js';

export type Rediscovery =
  | { stepKey: string; ok: true; discovery: Discovery }
  | { stepKey: string; ok: false; code: string; message: string };

/** The incident's playbook steps the watch re-runs: the automated ones (not the alerts it raised). */
export const watchedStepKeys = (steps: readonly Step[]) =>
  steps
    .filter((s) => s.kind === 'automated' && !isAlertStepKey(s.stepKey) && !isContainmentKey(s.stepKey))
    .map((s) => s.stepKey);

/**
 * Re-runs the discovery of each watched step, read-only, one after the other (the caller runs it as
 * background work on the provider's limiter). A step whose discovery fails is reported, not thrown.
 */
export async function rediscover(
  deps: Pick<UseCaseDeps, 'playbooks'>,
  incident: Incident,
  stepKeys: readonly string[],
): Promise<Rediscovery[]> {
  const out: Rediscovery[] = [];
  for (const stepKey of stepKeys) {
    const definition = deps.playbooks.definition(stepKey);
    if (definition?.kind !== 'automated') continue;
    try {
      const ctx = await deps.playbooks.contextFor(incident, stepKey);
      out.push({ stepKey, ok: true, discovery: await definition.discover(ctx) });
    } catch (err) {
      const e = normaliseError(err);
      out.push({ stepKey, ok: false, code: e.code, message: e.message });
    }
  }
  return out;
}
