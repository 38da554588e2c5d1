import type { AuditEvent, PhoneNumber, TelnyxClient } from '../../providers/telnyx/index.js';
import { discoveryOf, type PlannedResource } from '../kit/action-kit.js';
import { judgeResource, reasonsOf } from '../kit/judge-resource.js';
import { formatNumber } from '../kit/phone-numbers.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { unreadableOf, withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { accountNumbers, auditSince, NO_AUDIT_EVENTS } from './account-listings.js';
import { PINS_ONE_BY_ONE_UP_TO, pinBatches, SET_PORT_OUT_PINS } from './plan-pin-batches.js';
import { dispatchByKind } from './playbook-error.js';
import { GONE_STATUSES, setPortOutPin } from './port-out-pin-actions.js';
import { setPortOutPinBatch } from './port-out-pin-batches.js';

export const ROTATE_PORT_OUT_PINS = 'telnyx.rotate-port-out-pins';

/** Numbers not (yet, or any more) the account's own in service: no PIN to set. */
const NOT_IN_SERVICE = new Set([
  ...GONE_STATUSES,
  'purchase-pending',
  'purchase-failed',
  'port-pending',
  'port-failed',
]);

function shown(n: PhoneNumber): string {
  return n.phone_number ? formatNumber(n.phone_number) : `number ${n.id}`;
}

/**
 * Every number in service gets a new PIN: the spec returns `external_pin` to any API caller, so
 * the attacker could read each one, and a number without one has no port-out protection at all.
 * A port-out under way, or a number ported out in the window, is flagged for a person.
 */
function plan(
  n: PhoneNumber,
  trust: Trust,
  pinChanged: ReadonlySet<string>,
  oneByOne: boolean,
): PlannedResource | undefined {
  const status = n.status ?? 'unknown';
  if (status === 'ported-out') {
    const when = trust.inWindow(n.updated_at, 'changed');
    if (!when) return undefined;
    return judgeResource({
      resource: n.id,
      summary: `${shown(n)} was ported out`,
      reasons: [`ported out (${when}): if you did not ask for it, ask Telnyx support to reclaim the number`],
    });
  }
  if (NOT_IN_SERVICE.has(status)) return undefined;
  const changed = pinChanged.has(n.id) && trust.inWindow(n.updated_at, 'changed');
  const reasons = reasonsOf(
    changed && `port-out PIN ${changed}: the attacker may hold it`,
    status === 'port-out-pending' &&
      'a port-out of this number is under way: if you did not ask for it, call Telnyx support now',
  );
  // In batches (`pinBatches`) a number is listed only when something about it is suspicious.
  if (!oneByOne)
    return reasons.length > 0 ? judgeResource({ resource: n.id, summary: shown(n), reasons }) : undefined;
  return judgeResource(
    {
      resource: n.id,
      summary: `${shown(n)}, ${n.external_pin_set ? 'port-out PIN set' : 'no port-out PIN'}`,
      reasons,
    },
    {
      kind: 'set_port_out_pin',
      target: n.id,
      params: { phoneNumber: n.phone_number ?? '' },
      description: `Set a new port-out PIN on ${shown(n)} (${n.external_pin_set ? 'replaces the one the API showed' : 'it has none'})`,
    },
  );
}

/** The numbers whose `external_pin` the audit log shows changed since the window began. */
function pinChanges(events: readonly AuditEvent[]): Set<string> {
  return new Set(
    events.flatMap((e) =>
      e.resource_id && e.changes.some((c) => c.field === 'external_pin') ? [e.resource_id] : [],
    ),
  );
}

async function discover(ctx: PlaybookContext<TelnyxClient>): Promise<Discovery> {
  const trust = trustOf(ctx);
  const audit = auditSince(ctx, trust);
  const listing = await accountNumbers(ctx);
  const numbers = listing.items;
  const log = numbers.some((n) => trust.inWindow(n.updated_at, 'changed')) ? await audit : NO_AUDIT_EVENTS;
  const changed = log && pinChanges(log.items);
  const inService = numbers.filter((n) => !NOT_IN_SERVICE.has(n.status ?? 'unknown'));
  const oneByOne = inService.length <= PINS_ONE_BY_ONE_UP_TO;
  const planned = numbers.flatMap((n) => plan(n, trust, changed ?? new Set(), oneByOne) ?? []);
  if (!oneByOne) planned.push(...pinBatches(inService));
  const noLog =
    changed === null
      ? ' The audit log could not be read, so PINs changed after the incident began are not named.'
      : '';
  const count = (word: string) =>
    planned.filter((p) => p.finding.reasons.some((r) => r.includes(word))).length;
  const [ported, repinned] = [count('ported out') + count('port-out of this number'), count('PIN changed')];
  const without = inService.filter((n) => !n.external_pin_set).length;
  const alarm = [
    repinned > 0 &&
      ` ${plural(repinned, 'number')} had ${repinned === 1 ? 'its' : 'their'} PIN changed after the incident began.`,
    ported > 0 &&
      ` ${plural(ported, 'number')} ${ported === 1 ? 'is' : 'are'} being, or ${ported === 1 ? 'was' : 'were'}, ported out: see below.`,
  ]
    .filter((p): p is string => typeof p === 'string')
    .join('');
  const discovery = discoveryOf(planned, (actions) => {
    if (actions.length === 0) {
      const none =
        numbers.length === 0
          ? 'the account has no phone numbers.'
          : `none of ${plural(numbers.length, 'number')} is in service.`;
      return `${nothingFound(none)}${alarm}${noLog}`;
    }
    const why = `Telnyx shows every PIN to any API caller, so the attacker could read them; ${without} had none`;
    const each = !oneByOne
      ? `One PIN per batch of up to 1,000 numbers in number order (${plural(actions.length, 'batch', 'batches')}, Telnyx's bulk job), each shown once through Reveal with the range it covers`
      : 'Each PIN is shown once, through Reveal';
    return `New port-out PINs for ${plural(inService.length, 'number')} in service (${why}). ${each}; give them to whoever answers a port request.${alarm}${noLog}`;
  });
  return withUnreadable(discovery, unreadableOf(listing, ...(log ? [log] : [])));
}

export const rotatePortOutPinsStep: AutomatedStepDefinition<TelnyxClient> = {
  id: ROTATE_PORT_OUT_PINS,
  kind: 'automated',
  title: 'Set new port-out PINs on every number',
  why: 'With the account in hand an attacker can read each number’s port-out PIN and move the number to another carrier, where Reclaim cannot reach it: that makes a takeover permanent. New PINs only you hold stop a port request the attacker files.',
  risk: 'normal',
  // One number (or one bulk job) per action, independent of the others; at most 10 at once keeps
  // the bulk jobs well under Telnyx's "at most 20 pending or in progress jobs".
  concurrency: 4,
  maxInFlight: 10,
  discover,
  execute: dispatchByKind(ROTATE_PORT_OUT_PINS, {
    set_port_out_pin: setPortOutPin,
    [SET_PORT_OUT_PINS]: setPortOutPinBatch,
  }),
};
