import type { Finding, PlannedAction } from '../../incidents/types.js';
import type { ActionOutcome } from '../types.js';
import { nothingFound } from './step-kit.js';
import type { Trust } from './trust.js';

/** What the two application steps need to know of one app. */
export interface AppView {
  id: string;
  name: string;
  active: boolean;
  createdAt: string | null;
  updatedAt: string | null;
  /** The URLs Telnyx calls, by field name, e.g. `voice_url`. */
  urls: [field: string, url: string | null][];
}

export interface AppPlanOptions {
  /** `Call Control app`, `TeXML app`. */
  noun: string;
  kind: string;
  /** What the deactivating PATCH must resend (its required fields). */
  params: Record<string, unknown>;
}

/**
 * An active app is flagged when a URL it calls is on a host not in RECLAIM_TRUSTED_HOSTS; with no
 * hosts configured, when it was created or changed after the incident began. Flagged apps are
 * deactivated (not deleted): turning one back on is one click if it was yours.
 */
export function planApp(
  app: AppView,
  trust: Trust,
  options: AppPlanOptions,
): { finding: Finding; action?: PlannedAction } {
  const untrusted = app.urls.flatMap(([field, url]) => {
    const host = trust.untrustedHost([url]);
    return host ? [{ field, host }] : [];
  });
  const window = trust.inWindow(app.createdAt, 'created') ?? trust.inWindow(app.updatedAt, 'changed');
  const flagged = app.active && (untrusted.length > 0 || (!trust.hostsConfigured && window !== undefined));
  const reasons = flagged
    ? [...untrusted.map((u) => `${u.field} on ${u.host}, not a trusted host`), ...(window ? [window] : [])]
    : [];
  const label = `${options.noun} “${app.name}”`;
  const finding: Finding = {
    resource: app.id,
    summary: `${label} (${app.id})${app.active ? '' : ', inactive'}`,
    suspicious: flagged,
    reasons,
  };
  if (!flagged) return { finding };
  const first = untrusted[0];
  const because = first ? `${first.field} on ${first.host}` : (window ?? 'changed after the incident began');
  return {
    finding,
    action: {
      kind: options.kind,
      target: app.id,
      params: options.params,
      description: `Deactivate ${label} (${because})`,
    },
  };
}

/** The one-line summary of an app review. */
export function summariseApps(noun: string, total: number, actions: number, trust: Trust): string {
  const basis = trust.hostsConfigured
    ? 'a host not in RECLAIM_TRUSTED_HOSTS'
    : 'changes after the incident began (RECLAIM_TRUSTED_HOSTS is not set, so hosts cannot be judged)';
  if (total === 0) return nothingFound(`the account has no ${noun}s.`);
  if (actions === 0) return nothingFound(`none of ${total} ${noun}s is active with ${basis}.`);
  return `Deactivate ${actions} of ${total} ${noun}s, flagged for ${basis}.`;
}

export const ALREADY_INACTIVE: ActionOutcome = { result: { active: false, note: 'already inactive' } };
