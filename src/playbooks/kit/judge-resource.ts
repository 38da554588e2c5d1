// How a step judges one resource: the reasons it looks like the attacker's, its finding and its planned action.
import type { Finding, PlannedAction } from '../../domain/types.js';
import type { Listing } from '../../providers/http/index.js';
import type { Discovery, PlaybookContext } from '../types.js';
import { discoveryOf, type PlannedResource } from './action-kit.js';
import { hostsOf, type Trust, trustOf, unjudgedReason } from './trust.js';
import { withUnreadable } from './unreadable.js';

/** What a step says of one resource: its id, how the card names it, and why it looks suspicious. */
export interface Judged {
  resource: string;
  summary: string;
  /** Empty: nothing about it looks like the attacker's. */
  reasons: string[];
}

/** The finding of one resource: suspicious exactly when there is a reason. */
export function findingOf({ resource, summary, reasons }: Judged): Finding {
  return { resource, summary, suspicious: reasons.length > 0, reasons };
}

/** One resource as discovery judged it: its finding, and `action` when a change is planned for it. */
export function judgeResource(judged: Judged, action?: PlannedAction | false): PlannedResource {
  const finding = findingOf(judged);
  return action ? { finding, action } : { finding };
}

/**
 * The discovery of a step that judges each resource of one list on its own: `judge` plans one
 * against what the operator trusts, `summarise` writes the card's sentence of the plans. Records
 * the listing could not read become findings for a person (`withUnreadable`).
 */
export async function judgeEach<Client, R>(
  ctx: PlaybookContext<Client>,
  list: (client: Client) => Promise<Listing<R>>,
  judge: (resource: R, trust: Trust) => PlannedResource,
  summarise: (plans: { planned: PlannedResource[]; actions: PlannedAction[]; trust: Trust }) => string,
): Promise<Discovery> {
  const trust = trustOf(ctx);
  const listing = await list(ctx.client);
  const planned = listing.items.map((r) => judge(r, trust));
  return withUnreadable(
    discoveryOf(planned, (actions) => summarise({ planned, actions, trust })),
    listing.unreadable,
  );
}

/** The reasons that apply, in order; `undefined`, `false` and blank ones are left out. */
export function reasonsOf(...candidates: (string | false | null | undefined)[]): string[] {
  return candidates.filter((r): r is string => typeof r === 'string' && r !== '');
}

/** `created …` when `createdAt` is inside the incident window, else `changed …` when `updatedAt` is. */
export function windowReason(
  trust: Trust,
  createdAt: string | null | undefined,
  updatedAt: string | null | undefined,
): string | undefined {
  return trust.inWindow(createdAt, 'created') ?? trust.inWindow(updatedAt, 'changed');
}

/** Why a resource looks like the attacker's: made or changed in the window, or webhooks on a host not trusted. */
export function changeReasons(
  trust: Trust,
  resource: {
    createdAt?: string | null;
    updatedAt?: string | null;
    webhookUrls: readonly (string | null | undefined)[];
  },
): string[] {
  const host = trust.untrustedHost(resource.webhookUrls);
  return reasonsOf(
    windowReason(trust, resource.createdAt, resource.updatedAt),
    host && `sends its webhooks to ${host}, not a trusted host`,
  );
}

/** The URLs, each under its key (a field name, …), that are on a host the operator does not trust. */
export function untrustedUrls<K>(
  urls: readonly (readonly [key: K, url: string | null | undefined])[],
  trust: Trust,
): { key: K; host: string }[] {
  return urls.flatMap(([key, url]) => {
    const host = trust.untrustedHost([url]);
    return host ? [{ key, host }] : [];
  });
}

/**
 * With no trusted hosts nothing can tell the hosts a resource calls from the attacker's: the reason
 * a person should look (`calls evil.example.net; RECLAIM_TRUSTED_HOSTS is not set, …`). Empty when
 * hosts are configured or none of `urls` is set.
 */
export function unjudgedHosts(
  trust: Trust,
  what: string,
  urls: readonly (string | null | undefined)[],
): string[] {
  const hosts = trust.hostsConfigured ? [] : hostsOf(urls);
  return hosts.length > 0 ? [unjudgedReason(what, hosts, 'RECLAIM_TRUSTED_HOSTS is not set', 'host')] : [];
}

/**
 * An allowed address judged against the operator's list: removed when it is not on a configured
 * list; with no list, when it was added after the incident began (nothing else can tell ours from
 * theirs). Any other address under no list is flagged for a person, with nothing planned: `act` says which.
 */
export function judgeAddress(
  address: string,
  judged: { trusted: boolean; configured: boolean; added: string | undefined },
  /** What a trusted address is, e.g. `in RECLAIM_TRUSTED_IPS`. */
  what: string,
  /** Why there is no list, e.g. `RECLAIM_TRUSTED_IPS is not set`. */
  unset: string,
): { reasons: string[]; act: boolean } {
  const { trusted, configured, added } = judged;
  if (configured) {
    return trusted
      ? { reasons: [], act: false }
      : { reasons: [`not ${what}`, ...reasonsOf(added)], act: true };
  }
  if (added) return { reasons: [added], act: true };
  return { reasons: [unjudgedReason('allows', [address], unset, 'address')], act: false };
}
