import type { NumberVoiceSettings, TelnyxClient } from '../../providers/telnyx/index.js';
import { discoveryOf, type KindExecutor, type PlannedResource } from '../kit/action-kit.js';
import { judgeResource } from '../kit/judge-resource.js';
import { formatNumber, normaliseNumber } from '../kit/phone-numbers.js';
import { premiumPrefixOf } from '../kit/premium-prefixes.js';
import { nothingFound, plural, writeUnlessDone } from '../kit/step-kit.js';
import { type Trust, trustOf } from '../kit/trust.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { dispatchByKind, TelnyxPlaybookError, textParam } from './playbook-error.js';

export const DISABLE_FORWARDING = 'telnyx.disable-forwarding';

/** Per the spec, a number forwards when forwarding is enabled and `forwards_to` is not blank. */
function forwardingTarget(n: NumberVoiceSettings): string | undefined {
  const to = n.call_forwarding.forwards_to?.trim() ?? '';
  return n.call_forwarding.call_forwarding_enabled && to !== '' ? to : undefined;
}

/** Why forwarding to `target` looks like the attacker's; empty when it goes to one of ours. */
export function forwardingReasons(target: string, own: ReadonlySet<string>, trust: Trust): string[] {
  const e164 = normaliseNumber(target);
  const premium = premiumPrefixOf(e164);
  if (premium) return [`forwards to a premium-rate prefix (${premium.prefix}, ${premium.label})`];
  if (own.has(e164) || trust.numberTrusted(e164)) return [];
  return ['forwards to a number that is neither one of the account’s nor in RECLAIM_TRUSTED_NUMBERS'];
}

function plan(n: NumberVoiceSettings, own: ReadonlySet<string>, trust: Trust): PlannedResource | undefined {
  const target = forwardingTarget(n);
  if (!target) return undefined;
  const reasons = forwardingReasons(target, own, trust);
  const type = n.call_forwarding.forwarding_type ? ` (${n.call_forwarding.forwarding_type})` : '';
  return judgeResource(
    {
      resource: n.id,
      summary: `${formatNumber(n.phone_number)} forwards to ${formatNumber(target)}${type}`,
      reasons,
    },
    reasons.length > 0 && {
      kind: 'disable_forwarding',
      target: n.id,
      params: { phoneNumber: n.phone_number, forwardsTo: target },
      description: `Disable forwarding on ${formatNumber(n.phone_number)} (forwards to ${formatNumber(target)})`,
    },
  );
}

async function discover(ctx: PlaybookContext<TelnyxClient>): Promise<Discovery> {
  const trust = trustOf(ctx);
  const numbers = await ctx.client.numberVoiceSettings.list();
  const own = new Set(numbers.map((n) => normaliseNumber(n.phone_number)));
  const planned = numbers.flatMap((n) => plan(n, own, trust) ?? []);
  const forwarding = planned.length;
  return discoveryOf(planned, (actions) =>
    actions.length === 0
      ? nothingFound(
          forwarding === 0
            ? `none of ${plural(numbers.length, 'number')} forwards calls.`
            : `of ${plural(numbers.length, 'number')}, ${forwarding} forward${forwarding === 1 ? 's' : ''}, all to your own or trusted numbers.`,
        )
      : `${actions.length} of ${plural(numbers.length, 'number')} forward to numbers that are not yours or to premium-rate destinations; ${forwarding - actions.length} forward to yours.`,
  );
}

/**
 * Turns forwarding off with both forms the spec describes, `call_forwarding_enabled: false` and a
 * blank `forwards_to`, since which one the live API honours is not documented. The old target
 * stays in the plan, the result and the audit log.
 */
const disableForwarding: KindExecutor<TelnyxClient> = (ctx, action, recheck) => {
  const api = ctx.client.numberVoiceSettings;
  const was = textParam(action, 'forwardsTo');
  return writeUnlessDone(
    recheck,
    async () =>
      forwardingTarget(await api.get(action.target)) ? undefined : { result: { forwarding: 'off', was } },
    async () => {
      const after = await api.update(action.target, {
        call_forwarding: { call_forwarding_enabled: false, forwards_to: '' },
      });
      const still = forwardingTarget(after);
      if (still) {
        throw new TelnyxPlaybookError(
          'telnyx_change_not_applied',
          `Telnyx accepted the change, but ${formatNumber(after.phone_number)} still forwards to ${formatNumber(still)}; turn it off in the portal.`,
          { details: { target: action.target } },
        );
      }
      return { result: { forwarding: 'off', was } };
    },
  );
};

export const disableForwardingStep: AutomatedStepDefinition<TelnyxClient> = {
  id: DISABLE_FORWARDING,
  kind: 'automated',
  title: 'Turn off call forwarding to numbers that are not yours',
  why: 'Attackers forward hijacked numbers to expensive international and premium-rate destinations and collect a share of what every forwarded call costs you. Forwarding to your own or trusted numbers is left alone.',
  risk: 'high',
  // One number per action, independent of the others: four in flight keep the rate limiter busy
  // on accounts with hundreds of forwarding numbers (the limiter still paces the requests).
  concurrency: 4,
  discover,
  execute: dispatchByKind(DISABLE_FORWARDING, { disable_forwarding: disableForwarding }),
};
