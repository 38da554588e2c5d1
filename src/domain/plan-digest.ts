import { canonicalJson } from '../util/canonical-json.js';
import { sha256Hex } from '../util/hash.js';
import type { PlannedAction } from './types.js';

/**
 * The identity of a plan: hex SHA-256 over the canonical JSON of its ordered actions. Approvals and
 * the EXECUTE job are bound to it, so only the plan that was shown is ever run. The order of the
 * actions counts; the order of keys inside `params` does not.
 */
export function planDigest(actions: readonly PlannedAction[]): string {
  const ordered = actions.map(({ kind, target, params, description }) => ({
    kind,
    target,
    params,
    description,
  }));
  return sha256Hex(canonicalJson(ordered));
}

/** The digest of a plan with nothing to change. */
export const EMPTY_PLAN_DIGEST: string = planDigest([]);

/** The first 8 characters of a digest, for button values and log lines. */
export function shortDigest(digest: string): string {
  return digest.slice(0, 8);
}
