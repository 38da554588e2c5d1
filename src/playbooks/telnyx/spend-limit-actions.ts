import type { PlannedAction } from '../../domain/types.js';
import type { TelnyxClient } from '../../providers/telnyx/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { writeUnlessDone } from '../kit/step-kit.js';
import { optionalNumberParam, optionalTextParam, TelnyxPlaybookError, textParam } from './playbook-error.js';
import { withinDestinations } from './spend-limit-destinations.js';

/** Whether a limit is on and at most `wanted` (USD string). */
function dailyWithin(enabled: boolean | null, limit: string | null, wanted: string): boolean {
  return enabled === true && limit !== null && Number(limit) <= Number(wanted);
}

/** The planned destination list, or null when the plan leaves it (a plan of an earlier release too). */
function destinationsParam(action: PlannedAction): string[] | null {
  const value = action.params.whitelistedDestinations;
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new TelnyxPlaybookError(
      'telnyx_bad_action_params',
      `The planned action "${action.description}" lacks the list "whitelistedDestinations"; rediscover to get a fresh plan.`,
      { details: { kind: action.kind, target: action.target, param: 'whitelistedDestinations' } },
    );
  }
  return value as string[];
}

/** The part of a result that says which lists were narrowed. */
function destinationsResult(destinations: string[] | null): Record<string, unknown> {
  return destinations === null ? {} : { whitelistedDestinations: destinations };
}

/**
 * One PATCH with the required `name` and only the limits (and destination list) the plan named. A
 * recheck skips it when the profile already has limits at or under the planned ones and no
 * destination outside the planned list.
 */
export const setOutboundSpendLimits: KindExecutor<TelnyxClient> = (ctx, action, recheck) => {
  const api = ctx.client.outboundVoiceProfiles;
  const name = textParam(action, 'name');
  const daily = action.params.dailySpendLimit === null ? null : textParam(action, 'dailySpendLimit');
  const rate = optionalNumberParam(action, 'maxDestinationRate');
  const destinations = destinationsParam(action);
  const result = {
    ...(daily === null ? {} : { dailySpendLimit: daily }),
    ...(rate === null ? {} : { maxDestinationRate: rate }),
    ...destinationsResult(destinations),
  };
  return writeUnlessDone(
    recheck,
    async () => {
      const p = await api.get(action.target);
      const dailyOk = daily === null || dailyWithin(p.daily_spend_limit_enabled, p.daily_spend_limit, daily);
      const rateOk = rate === null || (p.max_destination_rate !== null && p.max_destination_rate <= rate);
      const destOk = destinations === null || withinDestinations(p.whitelisted_destinations, destinations);
      return dailyOk && rateOk && destOk ? { result: { ...result, note: 'already set' } } : undefined;
    },
    async () => {
      await api.update(action.target, {
        name,
        ...(daily === null ? {} : { daily_spend_limit: daily, daily_spend_limit_enabled: true }),
        ...(rate === null ? {} : { max_destination_rate: rate }),
        ...(destinations === null ? {} : { whitelisted_destinations: destinations }),
      });
      return { result };
    },
  );
};

/** The same for a messaging profile: its daily limit and destination list, each when planned. */
export const setMessagingSpendLimit: KindExecutor<TelnyxClient> = (ctx, action, recheck) => {
  const api = ctx.client.messagingProfiles;
  const daily = optionalTextParam(action, 'dailySpendLimit');
  const destinations = destinationsParam(action);
  const result = {
    ...(daily === null ? {} : { dailySpendLimit: daily }),
    ...destinationsResult(destinations),
  };
  return writeUnlessDone(
    recheck,
    async () => {
      const p = await api.get(action.target);
      const dailyOk = daily === null || dailyWithin(p.daily_spend_limit_enabled, p.daily_spend_limit, daily);
      const destOk = destinations === null || withinDestinations(p.whitelisted_destinations, destinations);
      return dailyOk && destOk ? { result: { ...result, note: 'already set' } } : undefined;
    },
    async () => {
      await api.update(action.target, {
        ...(daily === null ? {} : { daily_spend_limit: daily, daily_spend_limit_enabled: true }),
        ...(destinations === null ? {} : { whitelisted_destinations: destinations }),
      });
      return { result };
    },
  );
};
