import type { TelnyxClient } from '../../providers/telnyx/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { writeUnlessDone } from '../kit/step-kit.js';
import { optionalNumberParam, textParam } from './playbook-error.js';

/** Whether a limit is on and at most `wanted` (USD string). */
function dailyWithin(enabled: boolean | null, limit: string | null, wanted: string): boolean {
  return enabled === true && limit !== null && Number(limit) <= Number(wanted);
}

/**
 * One PATCH with the required `name` and only the limits the plan named. A recheck skips it when
 * the profile already has limits at or under the planned ones.
 */
export const setOutboundSpendLimits: KindExecutor<TelnyxClient> = (ctx, action, recheck) => {
  const api = ctx.client.outboundVoiceProfiles;
  const name = textParam(action, 'name');
  const daily = action.params.dailySpendLimit === null ? null : textParam(action, 'dailySpendLimit');
  const rate = optionalNumberParam(action, 'maxDestinationRate');
  const result = {
    ...(daily === null ? {} : { dailySpendLimit: daily }),
    ...(rate === null ? {} : { maxDestinationRate: rate }),
  };
  return writeUnlessDone(
    recheck,
    async () => {
      const p = await api.get(action.target);
      const dailyOk = daily === null || dailyWithin(p.daily_spend_limit_enabled, p.daily_spend_limit, daily);
      const rateOk = rate === null || (p.max_destination_rate !== null && p.max_destination_rate <= rate);
      return dailyOk && rateOk ? { result: { ...result, note: 'already set' } } : undefined;
    },
    async () => {
      await api.update(action.target, {
        name,
        ...(daily === null ? {} : { daily_spend_limit: daily, daily_spend_limit_enabled: true }),
        ...(rate === null ? {} : { max_destination_rate: rate }),
      });
      return { result };
    },
  );
};

export const setMessagingSpendLimit: KindExecutor<TelnyxClient> = (ctx, action, recheck) => {
  const api = ctx.client.messagingProfiles;
  const daily = textParam(action, 'dailySpendLimit');
  return writeUnlessDone(
    recheck,
    async () => {
      const p = await api.get(action.target);
      return dailyWithin(p.daily_spend_limit_enabled, p.daily_spend_limit, daily)
        ? { result: { dailySpendLimit: daily, note: 'already set' } }
        : undefined;
    },
    async () => {
      await api.update(action.target, { daily_spend_limit: daily, daily_spend_limit_enabled: true });
      return { result: { dailySpendLimit: daily } };
    },
  );
};
