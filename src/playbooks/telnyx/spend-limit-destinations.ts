// Destination allow-lists (`whitelisted_destinations`) the attacker widened, and what to narrow them to.
import type { AuditEvent } from '../../providers/telnyx/index.js';
import type { Trust } from '../kit/trust.js';

/** Every destination: the spec's `["*"]` for messaging profiles, read the same on outbound ones. */
export const ALL_DESTINATIONS = '*';

/** The spec's default of an outbound voice profile's list, when nothing better is known. */
export const SPEC_DEFAULT_DESTINATIONS: readonly string[] = ['US', 'CA'];

/** What the audit log says a profile's list was before its first change in the window. */
export interface DestinationHistory {
  before: string[];
}

function codes(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null;
}

/**
 * The list each resource in `events` (newest first, as the log lists them) had before its oldest
 * `whitelisted_destinations` change among them.
 */
export function destinationHistories(events: readonly AuditEvent[]): Map<string, DestinationHistory> {
  const out = new Map<string, DestinationHistory>();
  for (const e of [...events].reverse()) {
    if (!e.resource_id || out.has(e.resource_id)) continue;
    const change = e.changes.find((c) => c.field === 'whitelisted_destinations');
    const from = change ? codes(change.from) : null;
    if (from) out.set(e.resource_id, { before: from });
  }
  return out;
}

export interface DestinationGap {
  /** Set the list to this; absent when it stays as it is. */
  narrowTo?: string[];
  reasons: string[];
}

/**
 * How a profile's list is judged. Changed in the window: the codes not in the list the audit log
 * shows before the window are dropped (down to that list, or `fallback`, if nothing would be left);
 * with no log entry, a `*` is narrowed to `fallback` (the countries of the account's numbers). Not changed in the window:
 * a `*` is flagged for a person, nothing planned (it may be how the business works).
 */
export function destinationGap(
  profile: { id: string; whitelisted_destinations: string[]; updated_at: string | null },
  trust: Trust,
  histories: ReadonlyMap<string, DestinationHistory>,
  fallback: readonly string[],
): DestinationGap {
  const now = profile.whitelisted_destinations;
  const wide = now.includes(ALL_DESTINATIONS);
  const changed = trust.inWindow(profile.updated_at, 'changed');
  if (!changed) {
    return wide
      ? { reasons: ['allows every destination ("*"); narrow it in the portal unless you need them all'] }
      : { reasons: [] };
  }
  const before = histories.get(profile.id)?.before;
  const added = before ? now.filter((c) => !before.includes(c)) : [];
  if (before && added.length > 0) {
    const kept = now.filter((c) => before.includes(c));
    const narrowTo = kept.length > 0 ? kept : before.length > 0 ? before : [...fallback];
    const what = added.map((c) => (c === ALL_DESTINATIONS ? 'every destination ("*")' : c)).join(', ');
    return { narrowTo, reasons: [`opened to ${what}, ${changed}`] };
  }
  if (before) return { reasons: [] };
  if (wide) {
    return { narrowTo: [...fallback], reasons: [`allows every destination ("*"), ${changed}`] };
  }
  return { reasons: [] };
}

/** The countries of the account's numbers, sorted; the spec's default when it has none. */
export function homeCountries(countries: readonly (string | null)[]): string[] {
  const found = [
    ...new Set(countries.filter((c): c is string => typeof c === 'string' && /^[A-Z]{2}$/.test(c))),
  ];
  return found.length > 0 ? found.sort() : [...SPEC_DEFAULT_DESTINATIONS];
}

/** Whether every code of `now` is in `allowed` (a recheck: the list is already narrowed). */
export function withinDestinations(now: readonly string[], allowed: readonly string[]): boolean {
  return now.every((c) => allowed.includes(c));
}
