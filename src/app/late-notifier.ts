/** A notifier the engine can be given before the front door that draws the cards exists. */
import type { IncidentNotifier } from '../incidents/deps.js';

/**
 * The engine needs a notifier before the Slack side that implements it exists; this one forwards
 * once bound (changes before that are redrawn by the resume that follows start-up).
 */
export function lateNotifier(): IncidentNotifier & { bind(target: IncidentNotifier): void } {
  let target: IncidentNotifier | null = null;
  return {
    bind(t) {
      target = t;
    },
    stepChanged: (stepId, incidentId) => target?.stepChanged(stepId, incidentId),
    incidentChanged: (incidentId) => target?.incidentChanged(incidentId),
    watchAlerted: (incidentId, stepId) => target?.watchAlerted?.(incidentId, stepId),
    auditAnchored: (incidentId, anchor) => target?.auditAnchored?.(incidentId, anchor),
    // Not dropped like a redraw: the job that asks fails and is tried again once the front door is bound.
    postureChecked: (channel, reports) =>
      target?.postureChecked
        ? target.postureChecked(channel, reports)
        : Promise.reject(new Error('no front door to post the posture check in yet')),
  };
}
