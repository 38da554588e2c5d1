import type { MessagingProfile, OutboundVoiceProfile, TelnyxClient } from '../../providers/telnyx/index.js';
import { discoveryOf, namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { judgeResource } from '../kit/judge-resource.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { unreadableOf, withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { dispatchByKind } from './playbook-error.js';
import { setMessagingSpendLimit, setOutboundSpendLimits } from './spend-limit-actions.js';
import {
  dailyLimitGap,
  dollars,
  type LimitGap,
  perMinute,
  rateGap,
  type SafeSpendLimits,
  TELNYX_SAFE_LIMITS,
  withWindow,
} from './spend-limits.js';

export const SET_SPEND_LIMITS = 'telnyx.set-spend-limits';

/** "Set the daily spend limit of outbound profile “Default” to $50.00 (now off) and its …". */
function describeOutbound(subject: string, daily: LimitGap, rate: LimitGap): string {
  const dailyPart = daily.dailySpendLimit && `to ${dollars(daily.dailySpendLimit)} (now ${daily.nowDaily})`;
  const ratePart =
    rate.maxDestinationRate !== undefined && `to ${perMinute(rate.maxDestinationRate)} (now ${rate.nowRate})`;
  if (dailyPart && ratePart) {
    return `Set the daily spend limit of ${subject} ${dailyPart} and its maximum destination rate ${ratePart}`;
  }
  if (dailyPart) return `Set the daily spend limit of ${subject} ${dailyPart}`;
  return `Set the maximum destination rate of ${subject} ${ratePart || ''}`;
}

/** A disabled profile sends nothing, so its limits do not matter. */
function disabled(noun: string, p: { id: string; name: string | null }): PlannedResource {
  return judgeResource({
    resource: p.id,
    summary: `${noun} ${namedWithId(p.name, p.id)}, disabled`,
    reasons: [],
  });
}

function planOutbound(p: OutboundVoiceProfile, safe: SafeSpendLimits, trust: Trust): PlannedResource {
  if (!p.enabled) return disabled('Outbound profile', p);
  const daily = dailyLimitGap(p.daily_spend_limit_enabled, p.daily_spend_limit, safe.dailySpendLimit);
  const rate = rateGap(p.max_destination_rate, safe.maxDestinationRate);
  const reasons = withWindow([...daily.reasons, ...rate.reasons], p.updated_at, trust);
  return judgeResource(
    { resource: p.id, summary: `Outbound profile ${namedWithId(p.name, p.id)}`, reasons },
    reasons.length > 0 && {
      kind: 'set_outbound_spend_limits',
      target: p.id,
      params: {
        name: p.name,
        dailySpendLimit: daily.dailySpendLimit ?? null,
        maxDestinationRate: rate.maxDestinationRate ?? null,
      },
      description: describeOutbound(`outbound profile “${p.name}”`, daily, rate),
    },
  );
}

function planMessaging(p: MessagingProfile, safe: SafeSpendLimits, trust: Trust): PlannedResource {
  if (!p.enabled) return disabled('Messaging profile', p);
  const daily = dailyLimitGap(
    p.daily_spend_limit_enabled,
    p.daily_spend_limit,
    safe.messagingDailySpendLimit,
  );
  return judgeResource(
    {
      resource: p.id,
      summary: `Messaging profile ${namedWithId(p.name, p.id)}`,
      reasons: withWindow(daily.reasons, p.updated_at, trust),
    },
    daily.dailySpendLimit
      ? {
          kind: 'set_messaging_spend_limit',
          target: p.id,
          params: { dailySpendLimit: daily.dailySpendLimit },
          description: `Set the daily spend limit of messaging profile “${p.name ?? p.id}” to ${dollars(daily.dailySpendLimit)} (now ${daily.nowDaily})`,
        }
      : false,
  );
}

/** The spend-limits step with the given safe values (`TELNYX_SAFE_LIMITS` in `TELNYX_STEPS`). */
export function createSetSpendLimitsStep(
  safe: SafeSpendLimits = TELNYX_SAFE_LIMITS,
): AutomatedStepDefinition<TelnyxClient> {
  async function discover(ctx: PlaybookContext<TelnyxClient>): Promise<Discovery> {
    const trust = trustOf(ctx);
    const listings = await Promise.all([
      ctx.client.outboundVoiceProfiles.list(),
      ctx.client.messagingProfiles.list(),
    ]);
    const [outbound, messaging] = [listings[0].items, listings[1].items];
    const planned = [
      ...outbound.map((p) => planOutbound(p, safe, trust)),
      ...messaging.map((p) => planMessaging(p, safe, trust)),
    ];
    const checked = `${plural(outbound.length, 'outbound voice profile')} and ${plural(messaging.length, 'messaging profile')}`;
    const safeValues = `${dollars(safe.dailySpendLimit)} a day and ${perMinute(safe.maxDestinationRate)} for calls, ${dollars(safe.messagingDailySpendLimit)} a day for messages`;
    const discovery = discoveryOf(planned, (actions) =>
      actions.length === 0
        ? nothingFound(
            outbound.length + messaging.length === 0
              ? 'the account has no outbound voice or messaging profiles.'
              : `the ${checked} all have limits within ${safeValues}.`,
          )
        : `${plural(actions.length, 'profile')} of ${checked} ${actions.length === 1 ? 'has' : 'have'} limits off or above the safe values (${safeValues}); set them.`,
    );
    return withUnreadable(discovery, unreadableOf(...listings));
  }

  return {
    id: SET_SPEND_LIMITS,
    kind: 'automated',
    title: 'Set spend limits',
    why: `Limits cap what fraudulent traffic can cost while the rest is cleaned up; attackers turn them off first. Profiles without a limit, or above ${dollars(safe.dailySpendLimit)} a day, get one.`,
    risk: 'normal',
    discover,
    execute: dispatchByKind(SET_SPEND_LIMITS, {
      set_outbound_spend_limits: setOutboundSpendLimits,
      set_messaging_spend_limit: setMessagingSpendLimit,
    }),
  };
}
