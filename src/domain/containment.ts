/**
 * Contain now: the first card of every incident stops what the provider lets Reclaim stop at once and
 * undo later (outbound calling, messaging, new subaccounts, keys), ahead of the checklist; its
 * Restore card puts back each stopped resource once the clean-up is done. Plain names and rules.
 */

/** The id of each provider's Contain now step: `<provider>.contain-now`. */
const CONTAIN_SUFFIX = '.contain-now';
/** The id of the step that puts back what it stopped: `<provider>.restore-contained`. */
const RESTORE_SUFFIX = '.restore-contained';

export const containStepKey = (provider: string) => `${provider}${CONTAIN_SUFFIX}`;

export const isContainStepKey = (stepKey: string) => stepKey.endsWith(CONTAIN_SUFFIX);
export const isRestoreStepKey = (stepKey: string) => stepKey.endsWith(RESTORE_SUFFIX);

/** Contain now or its Restore: neither is part of the account's posture (the watch, the check). */
export const isContainmentKey = (stepKey: string) => isContainStepKey(stepKey) || isRestoreStepKey(stepKey);

/** The Restore step of a Contain now step (`telnyx.contain-now` → `telnyx.restore-contained`). */
export function restoreKeyOf(containKey: string): string {
  if (!isContainStepKey(containKey)) throw new TypeError(`"${containKey}" is not a Contain now step`);
  return `${containKey.slice(0, -CONTAIN_SUFFIX.length)}${RESTORE_SUFFIX}`;
}

/** The Contain now step a Restore step undoes. */
export function containKeyOf(restoreKey: string): string {
  if (!isRestoreStepKey(restoreKey)) throw new TypeError(`"${restoreKey}" is not a Restore step`);
  return `${restoreKey.slice(0, -RESTORE_SUFFIX.length)}${CONTAIN_SUFFIX}`;
}

/** Contain now steps first (in their providers' order), then the rest as they were. */
export function containmentFirst<T extends { id: string }>(steps: readonly T[]): T[] {
  return [...steps.filter((s) => isContainStepKey(s.id)), ...steps.filter((s) => !isContainStepKey(s.id))];
}

/** Time to containment: from the incident's start to the last stop written, in whole seconds. */
export function secondsToContain(openedAt: Date, containedAt: Date): number {
  return Math.max(0, Math.round((containedAt.getTime() - openedAt.getTime()) / 1000));
}
