import type { NumberVoiceSettings, TelnyxClient } from '../../providers/telnyx/index.js';
import { discoveryOf, type PlannedResource } from '../kit/action-kit.js';
import { judgeResource } from '../kit/judge-resource.js';
import { formatNumber, normaliseNumber } from '../kit/phone-numbers.js';
import { premiumPrefixOf } from '../kit/premium-prefixes.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { disableForwarding, forwardingTarget } from './forwarding-actions.js';
import { dispatchByKind } from './playbook-error.js';

export const DISABLE_FORWARDING = 'telnyx.disable-forwarding';

/** Why forwarding to `target` looks like the attacker's; empty when it goes to one of ours. */
export function forwardingReasons(target: string, own: ReadonlySet<string>, trust: Trust): string[] {
  const e164 = normaliseNumber(target);
  const premium = premiumPrefixOf(e164);
  if (premium) return [`forwards to a premium-rate prefix (${premium.prefix}, ${premium.label})`];
  if (own.has(e164) || trust.numberTrusted(e164)) return [];
  return ['forwards to a number that is neither one of the account’s nor in RECLAIM_TRUSTED_NUMBERS'];
}

/** How a card names a number: its number, or its id when Telnyx left the number out. */
function shown(n: NumberVoiceSettings): string {
  return n.phone_number ? formatNumber(n.phone_number) : `number ${n.id}`;
}

/**
 * A number whose forwarding is on with a target set. Per the spec forwarding takes effect only
 * when `forwarding_type` is filled in too; a number without one is "armed" (setting the type turns
 * it on), so a target that is not yours is turned off all the same, and the card says which it is.
 */
function plan(n: NumberVoiceSettings, own: ReadonlySet<string>, trust: Trust): PlannedResource | undefined {
  const target = forwardingTarget(n);
  if (!target) return undefined;
  const type = n.call_forwarding.forwarding_type?.trim() ?? '';
  const reasons = forwardingReasons(target, own, trust);
  const armed = type === '' ? ' (no forwarding_type: not in effect until one is set)' : ` (${type})`;
  const armedReason =
    type === '' ? ['forwarding_type is not set, so per the spec it forwards only once one is'] : [];
  return judgeResource(
    {
      resource: n.id,
      summary: `${shown(n)} forwards to ${formatNumber(target)}${armed}`,
      reasons: reasons.length > 0 ? [...reasons, ...armedReason] : [],
    },
    reasons.length > 0 && {
      kind: 'disable_forwarding',
      target: n.id,
      params: { phoneNumber: n.phone_number ?? '', forwardsTo: target },
      description: `Disable forwarding on ${shown(n)} (forwards to ${formatNumber(target)})`,
    },
  );
}

async function discover(ctx: PlaybookContext<TelnyxClient>): Promise<Discovery> {
  const trust = trustOf(ctx);
  // Of 100,000 numbers only those that forward are held; the others leave their number in `own`.
  const own = new Set<string>();
  let count = 0;
  const listing = await ctx.client.numberVoiceSettings.list((n) => {
    count += 1;
    if (n.phone_number) own.add(normaliseNumber(n.phone_number));
    return forwardingTarget(n) !== undefined;
  });
  const planned = listing.items.flatMap((n) => plan(n, own, trust) ?? []);
  const forwarding = planned.length;
  const total = plural(count, 'number');
  const discovery = discoveryOf(planned, (actions) =>
    actions.length === 0
      ? nothingFound(
          forwarding === 0
            ? `none of ${total} forwards calls.`
            : `of ${total}, ${forwarding} forward${forwarding === 1 ? 's' : ''}, all to your own or trusted numbers.`,
        )
      : `${actions.length} of ${total} forward to numbers that are not yours or to premium-rate destinations; ${forwarding - actions.length} forward to yours.`,
  );
  return withUnreadable(discovery, listing.unreadable);
}

export const disableForwardingStep: AutomatedStepDefinition<TelnyxClient> = {
  id: DISABLE_FORWARDING,
  kind: 'automated',
  title: 'Turn off call forwarding to numbers that are not yours',
  why: 'Attackers forward hijacked numbers to expensive international and premium-rate destinations and collect a share of what every forwarded call costs you. Forwarding to your own or trusted numbers is left alone.',
  risk: 'high',
  // One number per action, independent of the others: as many in flight as the provider's pace
  // allows (four when it is unknown); the limiter still paces the requests.
  concurrency: 4,
  discover,
  execute: dispatchByKind(DISABLE_FORWARDING, { disable_forwarding: disableForwarding }),
};
