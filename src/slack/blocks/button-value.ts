import { LIMITS } from './slack-limits.js';

/** The action ids of step-card buttons; listeners register on exactly these. */
export const STEP_ACTION = {
  approve: 'step.approve',
  reject: 'step.reject',
  skip: 'step.skip',
  done: 'step.done',
  retry: 'step.retry',
  reveal: 'step.reveal',
  rediscover: 'step.rediscover',
  /** "Give Reclaim the new key" on a manual step that replaces a credential: opens its modal. */
  giveKey: 'step.give_key',
  /** Restore… on a done Contain now card: raises the step that puts back what it stopped. */
  restore: 'step.restore',
  /** The link button of a manual step: it opens a page, the click needs only an ack. */
  link: 'step.link',
} as const;

export interface ButtonValue {
  stepId: string;
  /** The plan digest the card was drawn with; '' when the step has no plan. */
  digest: string;
  secretId?: string;
  /** A modal's server-side nonce (private_metadata only). */
  nonce?: string;
}

/**
 * `{"s":"<stepId>","d":"<digest>"}`, plus `"x":"<secretId>"` on a Reveal button and `"n":"<nonce>"`
 * in a modal's private_metadata.
 */
export function encodeButtonValue(value: ButtonValue): string {
  const encoded = JSON.stringify({
    s: value.stepId,
    d: value.digest,
    ...(value.secretId === undefined ? {} : { x: value.secretId }),
    ...(value.nonce === undefined ? {} : { n: value.nonce }),
  });
  if (encoded.length > LIMITS.buttonValue) {
    throw new RangeError(`A button value must stay within ${LIMITS.buttonValue} characters.`);
  }
  return encoded;
}

/** Reads a button value (or a skip modal's private_metadata) back; null for anything malformed. */
export function parseButtonValue(value: unknown): ButtonValue | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > LIMITS.privateMetadata) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { s, d, x, n } = parsed as Record<string, unknown>;
  if (typeof s !== 'string' || s.length === 0 || s.length > 255) return null;
  if (typeof d !== 'string' || d.length > 255) return null;
  const out: ButtonValue = { stepId: s, digest: d };
  if (x !== undefined) {
    if (typeof x !== 'string' || x.length === 0 || x.length > 255) return null;
    out.secretId = x;
  }
  if (n !== undefined) {
    if (typeof n !== 'string' || n.length === 0 || n.length > 255) return null;
    out.nonce = n;
  }
  return out;
}
