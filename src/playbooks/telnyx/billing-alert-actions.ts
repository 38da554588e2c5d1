import { z } from 'zod';
import { listingHas } from '../../providers/http/index.js';
import type { TelnyxClient } from '../../providers/telnyx/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { removeUnlessGone, writeUnlessDone } from '../kit/step-kit.js';
import { isLive } from './billing-alert-plans.js';
import { paramsOf } from './playbook-error.js';

const alertParams = z.object({
  profileId: z.string().min(1),
  channelId: z.string().min(1),
  parameters: z.array(z.object({ name: z.string(), value: z.string() })),
});

/**
 * `POST /notification_settings` on the planned condition, profile and channel. A recheck lists the
 * settings first and creates nothing when a live one on that condition exists.
 */
export const createBalanceAlert: KindExecutor<TelnyxClient> = (ctx, action, recheck) => {
  const api = ctx.client.billing;
  const { profileId, channelId, parameters } = paramsOf(action, alertParams);
  return writeUnlessDone(
    recheck,
    async () => {
      const live = (await api.notificationSettings()).items.find(
        (s) => s.notification_event_condition_id === action.target && isLive(s),
      );
      return live ? { result: { settingId: live.id, note: 'already set' } } : undefined;
    },
    async () => {
      const created = await api.createNotificationSetting({
        notification_event_condition_id: action.target,
        notification_profile_id: profileId,
        notification_channel_id: channelId,
        parameters,
      });
      return { result: { settingId: created.id, status: created.status } };
    },
  );
};

/** `DELETE /notification_channels/{id}`; gone already (a recheck, or a 404) counts as done. */
export const deleteNotificationChannel: KindExecutor<TelnyxClient> = (ctx, action, recheck) => {
  const api = ctx.client.billing;
  return removeUnlessGone(
    recheck,
    async () => listingHas(await api.notificationChannels(), action.target, (c) => c.id),
    () => api.deleteNotificationChannel(action.target),
    { result: { deleted: true } },
  );
};
