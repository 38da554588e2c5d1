import type { MessagingProfile, OutboundVoiceProfile, TelnyxClient } from '../../providers/telnyx/index.js';
import { discoveryOf, namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { judgeResource } from '../kit/judge-resource.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { unreadableOf, withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { accountNumbers, auditSince, NO_AUDIT_EVENTS } from './account-listings.js';
import { dispatchByKind } from './playbook-error.js';
import { setMessagingSpendLimit, setOutboundSpendLimits } from './spend-limit-actions.js';
import { describeDestinations, describeNarrowing, describeOutbound } from './spend-limit-descriptions.js';
import {
  type DestinationHistory,
  destinationGap,
  destinationHistories,
  homeCountries,
} from './spend-limit-destinations.js';
import {
  dailyLimitGap,
  dollars,
  perMinute,
  rateGap,
  type SafeSpendLimits,
  TELNYX_SAFE_LIMITS,
  withWindow,
} from './spend-limits.js';

export const SET_SPEND_LIMITS = 'telnyx.set-spend-limits';

/** What a profile's lists are judged against: the audit log's history and the account's countries. */
interface DestinationContext {
  histories: ReadonlyMap<string, DestinationHistory>;
  home: string[];
}

/** A disabled profile sends nothing, so its limits do not matter. */
function disabled(noun: string, p: { id: string; name: string | null }): PlannedResource {
  return judgeResource({
    resource: p.id,
    summary: `${noun} ${namedWithId(p.name, p.id)}, disabled`,
    reasons: [],
  });
}

function planOutbound(
  p: OutboundVoiceProfile,
  safe: SafeSpendLimits,
  trust: Trust,
  places: DestinationContext,
): PlannedResource {
  if (!p.enabled) return disabled('Outbound profile', p);
  const daily = dailyLimitGap(p.daily_spend_limit_enabled, p.daily_spend_limit, safe.dailySpendLimit);
  const rate = rateGap(p.max_destination_rate, safe.maxDestinationRate);
  const dest = destinationGap(p, trust, places.histories, places.home);
  const reasons = [...withWindow([...daily.reasons, ...rate.reasons], p.updated_at, trust), ...dest.reasons];
  const act = daily.dailySpendLimit !== undefined || rate.maxDestinationRate !== undefined || dest.narrowTo;
  return judgeResource(
    { resource: p.id, summary: `Outbound profile ${namedWithId(p.name, p.id)}`, reasons },
    act && {
      kind: 'set_outbound_spend_limits',
      target: p.id,
      params: {
        name: p.name,
        dailySpendLimit: daily.dailySpendLimit ?? null,
        maxDestinationRate: rate.maxDestinationRate ?? null,
        whitelistedDestinations: dest.narrowTo ?? null,
      },
      description: describeOutbound(
        `outbound profile “${p.name}”`,
        daily,
        rate,
        dest,
        p.whitelisted_destinations,
      ),
    },
  );
}

function planMessaging(
  p: MessagingProfile,
  safe: SafeSpendLimits,
  trust: Trust,
  places: DestinationContext,
): PlannedResource {
  if (!p.enabled) return disabled('Messaging profile', p);
  const daily = dailyLimitGap(
    p.daily_spend_limit_enabled,
    p.daily_spend_limit,
    safe.messagingDailySpendLimit,
  );
  const dest = destinationGap(p, trust, places.histories, places.home);
  const subject = `messaging profile “${p.name ?? p.id}”`;
  const now = p.whitelisted_destinations;
  return judgeResource(
    {
      resource: p.id,
      summary: `Messaging profile ${namedWithId(p.name, p.id)}`,
      reasons: [...withWindow(daily.reasons, p.updated_at, trust), ...dest.reasons],
    },
    (daily.dailySpendLimit !== undefined || dest.narrowTo !== undefined) && {
      kind: 'set_messaging_spend_limit',
      target: p.id,
      params: {
        dailySpendLimit: daily.dailySpendLimit ?? null,
        whitelistedDestinations: dest.narrowTo ?? null,
      },
      description: daily.dailySpendLimit
        ? `Set the daily spend limit of ${subject} to ${dollars(daily.dailySpendLimit)} (now ${daily.nowDaily})${describeDestinations(dest, now)}`
        : describeNarrowing(subject, dest, now),
    },
  );
}

/** The spend-limits step with the given safe values (`TELNYX_SAFE_LIMITS` in `TELNYX_STEPS`). */
export function createSetSpendLimitsStep(
  safe: SafeSpendLimits = TELNYX_SAFE_LIMITS,
): AutomatedStepDefinition<TelnyxClient> {
  async function discover(ctx: PlaybookContext<TelnyxClient>): Promise<Discovery> {
    const trust = trustOf(ctx);
    const audit = auditSince(ctx, trust);
    const listings = await Promise.all([
      ctx.client.outboundVoiceProfiles.list(),
      ctx.client.messagingProfiles.list(),
      accountNumbers(ctx),
    ]);
    const [outbound, messaging] = [listings[0].items, listings[1].items];
    const changed = [...outbound, ...messaging].some((p) => trust.inWindow(p.updated_at, 'changed'));
    const log = changed ? await audit : NO_AUDIT_EVENTS;
    const histories = log && destinationHistories(log.items);
    const places = {
      histories: histories ?? new Map(),
      home: homeCountries(listings[2].items.map((n) => n.country_iso_alpha2)),
    };
    const planned = [
      ...outbound.map((p) => planOutbound(p, safe, trust, places)),
      ...messaging.map((p) => planMessaging(p, safe, trust, places)),
    ];
    const noLog =
      histories === null
        ? ' The audit log could not be read, so only a "*" changed after the incident began is narrowed.'
        : '';
    const checked = `${plural(outbound.length, 'outbound voice profile')} and ${plural(messaging.length, 'messaging profile')}`;
    const safeValues = `${dollars(safe.dailySpendLimit)} a day and ${perMinute(safe.maxDestinationRate)} for calls, ${dollars(safe.messagingDailySpendLimit)} a day for messages`;
    const discovery = discoveryOf(planned, (actions) =>
      actions.length === 0
        ? nothingFound(
            outbound.length + messaging.length === 0
              ? 'the account has no outbound voice or messaging profiles.'
              : `the ${checked} all have limits within ${safeValues}.`,
          )
        : `${plural(actions.length, 'profile')} of ${checked} ${actions.length === 1 ? 'has' : 'have'} limits off or above the safe values (${safeValues}), or destinations opened after the incident began; set them.${noLog}`,
    );
    return withUnreadable(discovery, unreadableOf(...listings, ...(log ? [log] : [])));
  }

  return {
    id: SET_SPEND_LIMITS,
    kind: 'automated',
    title: 'Set spend limits',
    why: `Limits cap what fraudulent traffic can cost while the rest is cleaned up; attackers turn them off first and open the destination lists to expensive countries. Profiles without a limit, or above ${dollars(safe.dailySpendLimit)} a day, get one; destinations opened after the incident began are closed again.`,
    risk: 'normal',
    discover,
    execute: dispatchByKind(SET_SPEND_LIMITS, {
      set_outbound_spend_limits: setOutboundSpendLimits,
      set_messaging_spend_limit: setMessagingSpendLimit,
    }),
  };
}
