import type { PlannedResource } from '../kit/action-kit.js';
import { judgeResource, unjudgedHosts, untrustedUrls, windowReason } from '../kit/judge-resource.js';
import { nothingFound } from '../kit/step-kit.js';
import type { Trust } from '../kit/trust.js';
import type { ActionOutcome } from '../types.js';

/** What the two application steps need to know of one app. */
export interface AppView {
  id: string;
  name: string | null;
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
  /** What the deactivating PATCH must resend (its required fields); null: Telnyx did not return it. */
  params: Record<string, string | null>;
}

/** The required PATCH fields Telnyx did not return: without them the app cannot be deactivated here. */
function missingRequired(params: Record<string, string | null>): string[] {
  return Object.entries(params)
    .filter(([, value]) => value === null || value.trim() === '')
    .map(([field]) => field);
}

/**
 * An active app is flagged when a URL it calls is on a host not in RECLAIM_TRUSTED_HOSTS; with no
 * hosts configured, when it was created or changed after the incident began. Flagged apps are
 * deactivated (not deleted): turning one back on is one click if it was yours. With no hosts
 * configured, every other active app that calls a host is flagged for a person, with no action:
 * nothing can tell its hosts from the attacker's.
 */
export function planApp(app: AppView, trust: Trust, options: AppPlanOptions): PlannedResource {
  const untrusted = untrustedUrls(app.urls, trust);
  const urls = app.urls.map(([, url]) => url);
  const window = windowReason(trust, app.createdAt, app.updatedAt);
  const flagged = app.active && (untrusted.length > 0 || (!trust.hostsConfigured && window !== undefined));
  const missing = flagged ? missingRequired(options.params) : [];
  const reasons = flagged
    ? [
        ...untrusted.map((u) => `${u.key} on ${u.host}, not a trusted host`),
        ...(window ? [window] : []),
        ...(missing.length > 0
          ? [
              `Telnyx did not return its ${missing.join(' and ')}, which every update must resend: deactivate it in the portal`,
            ]
          : []),
      ]
    : app.active
      ? unjudgedHosts(trust, 'calls', urls)
      : [];
  const label = `${options.noun} “${app.name ?? app.id}”`;
  const first = untrusted[0];
  const because = first ? `${first.key} on ${first.host}` : (window ?? 'changed after the incident began');
  return judgeResource(
    { resource: app.id, summary: `${label} (${app.id})${app.active ? '' : ', inactive'}`, reasons },
    flagged &&
      missing.length === 0 && {
        kind: options.kind,
        target: app.id,
        params: options.params,
        description: `Deactivate ${label} (${because})`,
      },
  );
}

/**
 * The one-line summary of an app review. Apps flagged with no action are the ones whose hosts
 * could not be judged: the summary sends the reader to them rather than saying nothing was found.
 */
export function summariseApps(noun: string, planned: readonly PlannedResource[], trust: Trust): string {
  const total = planned.length;
  const actions = planned.filter((p) => p.action).length;
  // Flagged with no action: hosts no one could judge, or (rarely) an app the API cannot deactivate.
  const unjudged = planned.filter((p) => p.finding.suspicious && !p.action).length;
  const basis = trust.hostsConfigured
    ? 'a host not in RECLAIM_TRUSTED_HOSTS'
    : 'changes after the incident began (RECLAIM_TRUSTED_HOSTS is not set, so hosts cannot be judged)';
  if (total === 0) return nothingFound(`the account has no ${noun}s.`);
  if (actions === 0 && unjudged === 0) {
    return nothingFound(
      trust.hostsConfigured
        ? `none of ${total} ${noun}s is active with ${basis}.`
        : `none of ${total} ${noun}s is active and calls a host (RECLAIM_TRUSTED_HOSTS is not set).`,
    );
  }
  // The sentence about unjudged apps already says the variable is not set.
  const why = trust.hostsConfigured || unjudged === 0 ? basis : 'changes after the incident began';
  const deactivate = actions > 0 ? `Deactivate ${actions} of ${total} ${noun}s, flagged for ${why}.` : '';
  if (unjudged === 0) return deactivate;
  const apps = `${unjudged}${actions > 0 ? ' other' : ''} active ${unjudged === 1 ? noun : `${noun}s`}`;
  const check = `${apps} ${unjudged === 1 ? 'calls a host' : 'call hosts'} Reclaim cannot judge (RECLAIM_TRUSTED_HOSTS is not set): check ${unjudged === 1 ? 'it' : 'them'} below, or set it and rediscover.`;
  return deactivate ? `${deactivate} ${check}` : check;
}

export const ALREADY_INACTIVE: ActionOutcome = { result: { active: false, note: 'already inactive' } };
